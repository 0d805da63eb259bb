import { Drawer, Table, Typography } from 'antd';
import { rowLabel, type StatsRow } from '../../../../../shared/api/stats';
import { useStatsRecords } from '../../../api/useStatsRecords';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { formatAmount } from './format';
import { statsTablesMessages } from './messages';
import type { MonthRange } from './range';

/** The records behind a row's current figures: stats.records with the row's own filter, page by page. */
export function StatsRecordsDrawer({ row, range, onClose }: { row: StatsRow | null; range: MonthRange; onClose(): void }) {
  const t = useT(statsTablesMessages);
  const td = useT(domainMessages);
  const { data, error, page, setPage, pageSize } = useStatsRecords(row ? { ...range, filter: row.filter } : null);
  return (
    <Drawer open={row !== null} onClose={onClose} size={960} title={row ? t('records', { name: rowLabel(row) }) : ''} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      {data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="records-summary">
            {t('recordsSummary', { records: data.sums.records, n: data.sums.newEnterprises, c: formatAmount(data.sums.contractedFdi), a: formatAmount(data.sums.actualFdi) })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            dataSource={data.rows}
            data-testid="records-table"
            pagination={{ current: page, pageSize, total: data.total, showSizeChanger: false, onChange: setPage }}
            columns={[
              { title: t('period'), dataIndex: 'period', width: 80 },
              { title: t('enterprise'), dataIndex: 'enterpriseName' },
              { title: t('mode'), dataIndex: 'mode', width: 90, render: (m: string) => td(`mode.${m}` as never) },
              { title: t('contractedFdi'), dataIndex: 'contractedFdi', align: 'right', width: 110, render: formatAmount },
              { title: t('actualFdi'), dataIndex: 'actualFdi', align: 'right', width: 110, render: formatAmount },
              { title: t('industry'), dataIndex: 'industryName', ellipsis: true },
              { title: t('country'), dataIndex: 'countryName', width: 100 },
              { title: t('district'), dataIndex: 'districtName', width: 100 },
              { title: t('platform'), dataIndex: 'platformName', ellipsis: true },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
