import { Alert, Button, Card, Checkbox, Collapse, Descriptions, Select, Space, Table, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { AMOUNT_UNITS, FDI_IMPORT_FIELDS, type FdiImportField, type FdiImportOptions, type FdiPreview } from '../../../../../shared/api/fdiImport';
import type { FileRef } from '../../../../../shared/api/files';
import { useT } from '../../../i18n';
import { HeaderRowsPicker } from '../../../components/import/HeaderRowsPicker';
import { MappingEditor, type EditedMapping } from '../../../components/import/MappingEditor';
import { ProblemsTable } from '../../../components/import/ProblemsTable';
import { fdiImportMessages } from './messages';
import type { PlaceChoices } from './placeChoices';
import { AlreadyImportedAlert, RecordWarnings, TotalsAlert } from './PreviewAlerts';
import { HeaderRowsLine } from '../../../components/import/HeaderRowsLine';
import { UnknownPlacesCard } from './UnknownPlacesCard';

type Known = Array<{ id: number; name: string }>;

/** Fields without which a row cannot be read (an amount column is needed too: 合同外资 or 实际使用外资). */
const REQUIRED: ReadonlySet<FdiImportField> = new Set(['enterpriseName', 'uscc', 'country', 'industry', 'mode']);
const FIELDS = (Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[]).map((key) => ({ key, label: FDI_IMPORT_FIELDS[key], required: REQUIRED.has(key) }));
import { formatAmount } from '../../../../../shared/format';

/**
 * What the check of one file found: first what needs the person (a file already imported, totals that disagree,
 * names to confirm, records without a district or outside the 统计期), then sheet, header rows, unit and district
 * (each can be changed, which checks again), the counts, the column mapping with the columns not imported, the first
 * rows, skipped rows and the problems; then import, or set the file aside for 汇总.
 */
export function PreviewCard(props: {
  file: FileRef;
  preview: FdiPreview;
  options: FdiImportOptions;
  mapping: EditedMapping;
  known: { district: Known; platform: Known };
  choices: PlaceChoices;
  allowPartial: boolean;
  busy: boolean;
  onChoices(next: PlaceChoices): void;
  onMapping(next: EditedMapping): void;
  onAllowPartial(value: boolean): void;
  onRecheck(options: FdiImportOptions): void;
  queuedCount: number;
  onCommit(): void;
  onQueue(): void;
  onReplace(batchId: number): void;
  onSaveProblems(): void;
}) {
  const t = useT(fdiImportMessages);
  const { token } = theme.useToken();
  const { preview, options, busy } = props;
  const [picking, setPicking] = useState(preview.headerRows.length === 0);
  const blocked = preview.problems.some((p) => p.severity !== 'warning' && p.row === undefined);
  const canCommit = !blocked && !busy && preview.counts.cleanRows > 0 && (preview.counts.errorRows === 0 || props.allowPartial);
  const mappingChanged = Object.keys(props.mapping).some((k) => (props.mapping[k] ?? null) !== (preview.mapping[k] ?? null));
  const unitSource = { given: t('unitSourceGiven'), header: t('unitSourceHeader'), title: t('unitSourceTitle'), assumed: t('unitSourceAssumed') }[preview.units.source];
  const units = [...new Set([preview.units.contractedFdi, preview.units.actualFdi].filter(Boolean))].join('、');
  const districtSource = preview.district && !options.district ? { given: '', file: t('districtFromFile'), fileName: t('districtFromFileName'), default: t('districtDefault') }[preview.district.source] : '';

  return (
    <Card size="small" title={`${t('file')}：${props.file.name}`} data-testid="fdi-preview">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <AlreadyImportedAlert preview={preview} onReplace={props.onReplace} busy={busy} />
        {preview.needsSheetChoice && <Alert type="warning" showIcon title={t('chooseSheet')} />}
        <TotalsAlert totals={preview.totals} />
        {preview.unknownPlaces.length > 0 && <UnknownPlacesCard unknown={preview.unknownPlaces} known={props.known} choices={props.choices} onChange={props.onChoices} />}
        <RecordWarnings preview={preview} />
        <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
          <Descriptions.Item label={t('sheet')}>
            <Space wrap size={4}>
              <Select
                size="small"
                style={{ minWidth: 160 }}
                value={preview.sheet ?? undefined}
                data-testid="fdi-sheet"
                options={preview.sheets.map((s) => ({ value: s.name, label: s.isData ? s.name : `${s.name}（无表头）`, disabled: !s.isData && !s.hidden }))}
                onChange={(sheet: string) => props.onRecheck({ ...options, sheet, mapping: undefined, headerRows: undefined })}
              />
              <HeaderRowsLine rows={preview.headerRows} source={preview.headerSource} testPrefix="fdi" onPick={() => setPicking(!picking)} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('unit')}>
            <Select<string>
              size="small"
              style={{ width: 110 }}
              value={options.unit ?? (units || undefined)}
              data-testid="fdi-unit"
              options={AMOUNT_UNITS.map((u) => ({ value: u, label: u }))}
              onChange={(unit) => props.onRecheck({ ...options, unit: unit as (typeof AMOUNT_UNITS)[number] })}
            />
            <Typography.Text type="secondary"> {options.unit ? t('unitSourceGiven') : unitSource}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('district')}>
            <Select
              size="small"
              style={{ width: 150 }}
              allowClear
              placeholder={t('districtNone')}
              value={options.district ?? preview.district?.name}
              data-testid="fdi-district"
              options={props.known.district.map((d) => ({ value: d.name, label: d.name }))}
              onChange={(district?: string) => props.onRecheck({ ...options, district })}
            />
            <Typography.Text type="secondary"> {districtSource}</Typography.Text>
            {preview.district?.isNew && <Tag color="blue">{t('districtIsNew')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('reportingUnit')}>
            {preview.context.reportingUnit ?? '—'}
            {preview.context.periodText || preview.context.period ? `　${t('period')}：${preview.context.periodText ?? `${preview.context.period!.from} 至 ${preview.context.period!.to}`}` : ''}
          </Descriptions.Item>
        </Descriptions>
        {picking && <HeaderRowsPicker head={preview.head} headerRows={preview.headerRows} testPrefix="fdi" busy={busy} onApply={(headerRows) => props.onRecheck({ ...options, sheet: preview.sheet ?? options.sheet, headerRows, mapping: undefined })} />}
        <Typography.Text strong data-testid="fdi-counts">
          {t('counts', { data: preview.counts.dataRows, clean: preview.counts.cleanRows, errors: preview.counts.errorRows, skipped: preview.counts.skippedRows })}
        </Typography.Text>
        <Collapse
          size="small"
          defaultActiveKey={preview.missingFields.length || preview.problemsByCode.COLUMN_MISSING ? ['mapping'] : []}
          items={[
            {
              key: 'mapping',
              label: `${t('mapping')}${preview.mappingSource === 'remembered' ? `（${t('mappingRemembered')}）` : ''}${preview.ignoredColumns.length ? `　${t('ignoredColumns', { list: preview.ignoredColumns.map((c) => c.column).join('、') })}` : ''}`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{t('mappingHelp')}</Typography.Text>
                  <MappingEditor fields={FIELDS} found={preview} mapping={props.mapping} onChange={props.onMapping} testPrefix="fdi" />
                  <Button disabled={!mappingChanged || busy} onClick={() => props.onRecheck({ ...options, mapping: props.mapping })} data-testid="fdi-recheck">
                    {t('recheck')}
                  </Button>
                </Space>
              ),
            },
            { key: 'sample', label: t('sample'), children: <SampleTable preview={preview} /> },
            ...(preview.skipped.length
              ? [
                  {
                    key: 'skipped',
                    label: `${t('skipped')}（${preview.counts.skippedRows}）`,
                    children: (
                      <ul style={{ margin: 0 }} data-testid="fdi-skipped">
                        {preview.skipped.map((s) => (
                          <li key={s.row}>
                            {t('rowNo')} {s.row}：{s.text}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Card
          size="small"
          type="inner"
          title={`${t('problems')}：${preview.problemCount ? t('problemsSummary', { count: preview.problemCount, errors: preview.counts.errorRows }) : t('noProblems')}`}
          extra={
            preview.problemCount > 0 && (
              <Button size="small" onClick={props.onSaveProblems} data-testid="fdi-save-problems">
                {t('saveProblems')}
              </Button>
            )
          }
        >
          {preview.problemCount > preview.problems.length && <Typography.Paragraph type="secondary">{t('problemsShown', { shown: preview.problems.length })}</Typography.Paragraph>}
          {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} testId="fdi-problems" />}
        </Card>
      </Space>
      {/* 导入 stays at the window's foot while the findings above scroll: on a 768 px screen it is far below (the card's
          body, not a Space item, is what it sticks within) */}
      <Space wrap data-testid="fdi-actions" style={{ position: 'sticky', bottom: 0, zIndex: 3, width: '100%', marginTop: 12, padding: '8px 0', background: token.colorBgContainer, borderTop: `1px solid ${token.colorBorderSecondary}` }}>
        {preview.counts.errorRows > 0 && !blocked && (
          <Checkbox checked={props.allowPartial} onChange={(e) => props.onAllowPartial(e.target.checked)} data-testid="fdi-allow-partial">
            {t('allowPartial', { errors: preview.counts.errorRows })}
          </Checkbox>
        )}
        <Button type="primary" disabled={!canCommit} loading={busy} onClick={props.onCommit} data-testid="fdi-commit">
          {props.queuedCount ? t('commitAll', { count: props.queuedCount + 1 }) : t('commit')}
        </Button>
        <Button disabled={!canCommit} onClick={props.onQueue} data-testid="fdi-queue">
          {t('queue')}
        </Button>
      </Space>
    </Card>
  );
}

function SampleTable({ preview }: { preview: FdiPreview }) {
  const t = useT(fdiImportMessages);
  return (
    <Table
      size="small"
      rowKey="row"
      pagination={false}
      scroll={{ x: 1100 }}
      dataSource={preview.sample}
      data-testid="fdi-sample"
      columns={[
        { title: t('rowNo'), dataIndex: 'row', width: 56 },
        { title: '', dataIndex: 'ok', width: 64, render: (ok: boolean) => (ok ? <Tag color="green">{t('ok')}</Tag> : <Tag color="red">{t('hasError')}</Tag>) },
        { title: FDI_IMPORT_FIELDS.enterpriseName, dataIndex: 'enterpriseName', width: 220, ellipsis: true },
        { title: FDI_IMPORT_FIELDS.uscc, dataIndex: 'uscc', width: 180 },
        { title: FDI_IMPORT_FIELDS.country, dataIndex: 'country', width: 100 },
        { title: FDI_IMPORT_FIELDS.industry, dataIndex: 'industry', width: 180, ellipsis: true },
        { title: FDI_IMPORT_FIELDS.mode, dataIndex: 'mode', width: 90 },
        { title: FDI_IMPORT_FIELDS.contractedFdi, dataIndex: 'contractedFdi', width: 100, align: 'right', render: formatAmount },
        { title: FDI_IMPORT_FIELDS.actualFdi, dataIndex: 'actualFdi', width: 110, align: 'right', render: formatAmount },
        { title: FDI_IMPORT_FIELDS.period, dataIndex: 'period', width: 90 },
        { title: FDI_IMPORT_FIELDS.district, dataIndex: 'district', width: 90 },
        { title: FDI_IMPORT_FIELDS.platform, dataIndex: 'platform', width: 150, ellipsis: true },
      ]}
    />
  );
}
