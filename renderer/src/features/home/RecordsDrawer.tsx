import { formatAmount } from '../../../../shared/format';
import { Drawer, Space, Table, Typography } from 'antd';
import type { ChartItem } from '../../../../shared/api/dashboard';
import type { StatsRecord } from '../../../../shared/api/stats';
import { periodLabel } from '../../../../shared/rules/period';
import { useStatsRecords } from '../../api/useStatsRecords';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { domainMessages } from '../../i18n/domain';
import type { DomesticReinvestmentRule, StatsScope } from '../../../../shared/domain/fdi';
import { SourceCells, SourceLine } from '../../components/RecordSource';
import { dashboardMessages } from './messages';

interface Props {
  item: ChartItem | null;
  from: string;
  to: string;
  /** The scope and 口径 the charts were drawn in, so the records add up to the bar. */
  scope: StatsScope;
  domesticReinvestment: DomesticReinvestmentRule | undefined;
  onClose: () => void;
}

/** The FDI records behind a bar or slice: stats.records with the item's own filter, for the dashboard's months. */
export function RecordsDrawer({ item, from, to, scope, domesticReinvestment, onClose }: Props) {
  const t = useT(dashboardMessages);
  const td = useT(domainMessages);
  const { data, error, page, setPage, pageSize } = useStatsRecords(item ? { from, to, scope, ...(domesticReinvestment ? { domesticReinvestment } : {}), filter: item.filter } : null);
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size="large"
      title={item ? t('drillTitle', { name: item.name, period: periodLabel(from, to) }) : ''}
    >
      <div data-testid="records-drawer">
        {error ? <ErrorAlert error={error} /> : null}
        {data && (
          <Space size="large" style={{ marginBottom: 12 }}>
            <Typography.Text data-testid="drill-count">{t('records', { count: data.total })}</Typography.Text>
            <Typography.Text data-testid="drill-sum">{t('sumActual', { value: formatAmount(data.sums.actualFdi) })}</Typography.Text>
          </Space>
        )}
        <Table<StatsRecord>
          rowKey="id"
          size="small"
          loading={!data && !error}
          dataSource={data?.rows ?? []}
          scroll={{ x: 1160 }}
          expandable={{ rowExpandable: (r) => r.source?.row != null, expandedRowRender: (r) => <SourceCells recordId={r.id} /> }}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            { title: t('colPeriod'), dataIndex: 'period', width: 80 },
            { title: t('colEnterprise'), dataIndex: 'enterpriseName', width: 220 },
            { title: t('colMode'), dataIndex: 'mode', width: 90, render: (m: StatsRecord['mode']) => td(`mode.${m}`) },
            { title: t('colCountry'), dataIndex: 'countryName', width: 100 },
            { title: t('colIndustry'), dataIndex: 'industryName', width: 160, ellipsis: true },
            { title: t('colDistrict'), dataIndex: 'districtName', width: 100 },
            { title: t('colPlatform'), dataIndex: 'platformName', width: 160, ellipsis: true },
            { title: t('colContracted'), dataIndex: 'contractedFdi', align: 'right', width: 110, render: formatAmount },
            { title: t('colActual'), dataIndex: 'actualFdi', align: 'right', width: 110, render: formatAmount },
            { title: t('colSource'), key: 'source', width: 240, render: (_, r) => <SourceLine record={r} /> },
          ]}
        />
      </div>
    </Drawer>
  );
}
