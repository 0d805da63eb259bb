import { Select, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { importMessages } from './messages';

const NOT_IMPORTED = -1;

/** Field → 0-based column, or null: not imported. */
export type EditedMapping = Record<string, number | null>;

export interface MappingColumns {
  /** Every non-empty column of the file, with the field found for it and how. */
  columns: Array<{ index: number; letter: string; label: string; field: string | null; matchedBy: string | null }>;
  /** The mapping as the check used it (to mark the columns found by content while unchanged). */
  mapping: Record<string, number | null>;
  ignoredColumns: Array<{ column: string; header: string }>;
}

/** One line per field: which column of the file it comes from, or none; then the columns no field takes. */
export function MappingEditor(props: {
  fields: Array<{ key: string; label: string; required: boolean }>;
  found: MappingColumns;
  mapping: EditedMapping;
  onChange(next: EditedMapping): void;
  testPrefix: string;
}) {
  const t = useT(importMessages);
  const { found, mapping, testPrefix } = props;
  const byContent = new Set(found.columns.filter((c) => c.matchedBy === 'content').map((c) => c.field));
  const options = [{ value: NOT_IMPORTED, label: t('notImported') }, ...found.columns.map((c) => ({ value: c.index, label: `${c.letter}　${c.label || t('noHeader')}` }))];
  const ignored = found.ignoredColumns.map((c) => `${c.column}（${c.header || t('noHeader')}）`).join('、');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        data-testid={`${testPrefix}-mapping`}
        dataSource={props.fields}
        columns={[
          {
            title: t('field'),
            width: 220,
            render: (_, f) => (
              <>
                {f.label} {f.required && <Tag color="blue">{t('required')}</Tag>}
              </>
            ),
          },
          {
            title: t('column'),
            render: (_, f) => (
              <Space size={6} wrap>
                <Select
                  style={{ width: 300, maxWidth: '100%' }}
                  size="small"
                  value={mapping[f.key] ?? NOT_IMPORTED}
                  options={options}
                  data-testid={`mapping-${f.key}`}
                  onChange={(value: number) => props.onChange({ ...mapping, [f.key]: value === NOT_IMPORTED ? null : value })}
                />
                {byContent.has(f.key) && mapping[f.key] === found.mapping[f.key] && <Tag color="purple">{t('matchedByContent')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Text type={ignored ? 'warning' : 'secondary'} data-testid={`${testPrefix}-ignored-columns`}>
        {ignored ? t('ignoredColumns', { list: ignored }) : t('allColumnsUsed')}
      </Typography.Text>
    </Space>
  );
}
