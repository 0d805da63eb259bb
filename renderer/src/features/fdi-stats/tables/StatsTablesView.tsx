import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { StatsRow } from '../../../../../shared/api/stats';
import { api } from '../../../api/client';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../stores/app';
import { DistrictCheck } from './DistrictCheck';
import { statsTablesMessages } from './messages';
import { rangeFromQuery } from './range';
import { StatsRecordsDrawer } from './StatsRecordsDrawer';
import { StatsTable } from './StatsTable';
import { useStatsTablesStore } from './store';

const MONTH = 'YYYY-MM';

/** 外资统计 › 统计表: the month range, the six standard tables with 同比 in tabs, export to the official layout. */
export function StatsTablesView() {
  const t = useT(statsTablesMessages);
  const { message } = App.useApp();
  const { range, data, loading, error, exportJob } = useStatsTablesStore();
  const query = useAppStore((s) => s.route.query);
  const [tab, setTab] = useState<string>('summary');
  const [openRow, setOpenRow] = useState<StatsRow | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const fromAddress = rangeFromQuery(query);
    const store = useStatsTablesStore.getState();
    if (fromAddress && (fromAddress.from !== store.range.from || fromAddress.to !== store.range.to)) store.setRange(fromAddress);
    else if (!store.data) void store.load();
  }, [query]);
  // new imports, undone batches, edited districts or platforms: the figures may have changed
  useEffect(() => api.onEvent((e) => e.type === 'changed' && void useStatsTablesStore.getState().load()), []);

  const onRange = (value: [Dayjs | null, Dayjs | null] | null) => {
    if (!value?.[0] || !value[1]) return;
    useStatsTablesStore.getState().setRange({ from: value[0].format(MONTH), to: value[1].format(MONTH) });
  };
  const onExport = () => {
    setExporting(true);
    useStatsTablesStore
      .getState()
      .exportWorkbook()
      .then((file) => {
        if (file) message.success(t('exported', { name: file.name }));
        else message.error(`${t('exportFailed')}：${useStatsTablesStore.getState().exportJob?.error?.message ?? ''}`);
      })
      .catch((err) => message.error(errorText(err)))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('range')}</Typography.Text>
        <span data-testid="stats-range">
          <DatePicker.RangePicker
            picker="month"
            format={MONTH}
            allowClear={false}
            value={[dayjs(range.from, MONTH), dayjs(range.to, MONTH)]}
            onChange={onRange}
          />
        </span>
        {data && (
          <Typography.Text type="secondary" data-testid="stats-label">
            {data.label}（{t('priorRange', { label: data.priorLabel })}）　{t('unit')}
          </Typography.Text>
        )}
        <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} disabled={!data} data-testid="stats-export" style={{ marginLeft: 'auto' }}>
          {exporting ? t('exporting') : t('export')}
        </Button>
      </Flex>
      {exporting && exportJob && <JobProgress job={exportJob} />}
      {error ? <ErrorAlert error={error} onRetry={() => void useStatsTablesStore.getState().load()} /> : null}
      <Spin spinning={loading}>
        {data && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            data-testid="stats-tabs"
            items={data.tables.map((table) => ({
              key: table.id,
              label: t(`table.${table.id}`),
              children: (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {table.formNo}　{table.title}　·　{t('recordsHint')}
                  </Typography.Paragraph>
                  {table.id === 'district' && <DistrictCheck check={data.districtCheck} />}
                  <StatsTable table={table} onOpenRow={setOpenRow} />
                </>
              ),
            }))}
          />
        )}
      </Spin>
      <StatsRecordsDrawer row={openRow} range={range} onClose={() => setOpenRow(null)} />
    </>
  );
}
