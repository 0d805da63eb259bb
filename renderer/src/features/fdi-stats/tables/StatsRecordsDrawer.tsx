import { Drawer, Table, Typography } from 'antd';
import { rowLabel, type StatsRecord, type StatsRow } from '../../../../../shared/api/stats';
import { useStatsRecords } from '../../../api/useStatsRecords';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { SourceCells, SourceLine } from '../../../components/RecordSource';
import { formatAmount } from './format';
import { statsTablesMessages } from './messages';
import type { MonthRange } from './range';
import { tablesQuery, type TablesOptions } from './store';

/**
 * The records behind a row's current figures: stats.records with the row's own filter and the tables' options, page
 * by page; each record shows where it came from, and opened, its row's cells as they were in the file.
 */
export function StatsRecordsDrawer({ row, range, options, onClose }: { row: StatsRow | null; range: MonthRange; options: TablesOptions; onClose(): void }) {
  const t = useT(statsTablesMessages);
  const td = useT(domainMessages);
  const { data, error, page, setPage, pageSize } = useStatsRecords(row ? { ...tablesQuery(range, options), filter: row.filter } : null);
  return (
    <Drawer open={row !== null} onClose={onClose} size={1120} title={row ? t('records', { name: rowLabel(row) }) : ''} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      {data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="records-summary">
            {t('recordsSummary', { records: data.sums.records, n: data.sums.newEnterprises, c: formatAmount(data.sums.contractedFdi), a: formatAmount(data.sums.actualFdi), unit: data.unit })}
            {data.unit !== '万美元' ? `（${t('recordAmountsUnit')}）` : ''}
          </Typography.Paragraph>
          <Table<StatsRecord>
            size="small"
            rowKey="id"
            dataSource={data.rows}
            data-testid="records-table"
            scroll={{ x: 1040 }}
            pagination={{ current: page, pageSize, total: data.total, showSizeChanger: false, onChange: setPage }}
            expandable={{ rowExpandable: (r) => r.source?.row != null, expandedRowRender: (r) => <SourceCells recordId={r.id} /> }}
            columns={[
              { title: t('period'), dataIndex: 'period', width: 80 },
              { title: t('enterprise'), dataIndex: 'enterpriseName', width: 190, ellipsis: true },
              { title: t('mode'), dataIndex: 'mode', width: 96, render: (m: string) => td(`mode.${m}` as never) },
              { title: t('contractedFdi'), dataIndex: 'contractedFdi', align: 'right', width: 110, render: formatAmount },
              { title: t('actualFdi'), dataIndex: 'actualFdi', align: 'right', width: 110, render: formatAmount },
              { title: t('country'), dataIndex: 'countryName', width: 90 },
              { title: t('district'), dataIndex: 'districtName', width: 80 },
              { title: t('source'), key: 'source', width: 240, render: (_, r) => <SourceLine record={r} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
