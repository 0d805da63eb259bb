import { Select, Space, Table, Tag, Typography } from 'antd';
import { FDI_IMPORT_FIELDS, type FdiImportField, type FdiPreview } from '../../../../shared/api/fdiImport';
import { useT } from '../../i18n';
import { fdiImportMessages } from './messages';

/** Fields without which a row cannot be read (an amount column is needed too: 合同外资 or 实际使用外资). */
const REQUIRED: ReadonlySet<FdiImportField> = new Set(['enterpriseName', 'uscc', 'country', 'industry', 'mode']);
const NOT_IMPORTED = -1;

export type EditedMapping = Record<FdiImportField, number | null>;

/** One line per field: which column of the file it comes from, or none; then the columns no field takes. */
export function MappingEditor({ preview, mapping, onChange }: { preview: FdiPreview; mapping: EditedMapping; onChange(next: EditedMapping): void }) {
  const t = useT(fdiImportMessages);
  const byContent = new Set(preview.columns.filter((c) => c.matchedBy === 'content').map((c) => c.field));
  const options = [
    { value: NOT_IMPORTED, label: t('notImported') },
    ...preview.columns.filter((c) => c.label).map((c) => ({ value: c.index, label: `${c.letter}　${c.label}` })),
  ];
  const fields = Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[];
  const ignored = preview.ignoredColumns.map((c) => `${c.column}（${c.header || t('noHeader')}）`).join('、');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      data-testid="fdi-mapping"
      dataSource={fields.map((field) => ({ field }))}
      columns={[
        {
          title: t('field'),
          width: 220,
          render: (_, { field }) => (
            <>
              {FDI_IMPORT_FIELDS[field]} {REQUIRED.has(field) && <Tag color="blue">{t('required')}</Tag>}
            </>
          ),
        },
        {
          title: t('column'),
          render: (_, { field }) => (
            <Space size={6}>
              <Select
                style={{ width: 320 }}
                size="small"
                value={mapping[field] ?? NOT_IMPORTED}
                options={options}
                data-testid={`mapping-${field}`}
                onChange={(value: number) => onChange({ ...mapping, [field]: value === NOT_IMPORTED ? null : value })}
              />
              {byContent.has(field) && mapping[field] === preview.mapping[field] && <Tag color="purple">{t('matchedByContent')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
    <Typography.Text type={ignored ? 'warning' : 'secondary'} data-testid="fdi-ignored-columns">
      {ignored ? t('ignoredColumns', { list: ignored }) : t('allColumnsUsed')}
    </Typography.Text>
    </Space>
  );
}
