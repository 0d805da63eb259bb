import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { StatsRow } from '../../../../../shared/api/stats';
import { api } from '../../../api/client';
import { useChanged } from '../../../api/useChanged';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { JobProgress } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../stores/app';
import { DistrictCheck } from './DistrictCheck';
import { statsTablesMessages } from './messages';
import { OptionsBar } from './OptionsBar';
import { rangeFromQuery } from './range';
import { StatsRecordsDrawer } from './StatsRecordsDrawer';
import { StatsTablePane } from './StatsTablePane';
import { useStatsTablesStore } from './store';

const MONTH = 'YYYY-MM';

/** 外资统计 › 统计表: the month range, the six standard tables with 同比 in tabs, export to the official layout. */
export function StatsTablesView() {
  const t = useT(statsTablesMessages);
  const { message } = App.useApp();
  const { range, options, data, loading, error, exportJob } = useStatsTablesStore();
  const [settingRule, setSettingRule] = useState<string | null>(null);
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
  // new imports, undone batches, edited districts, platforms, rates or lists: the figures may have changed
  useChanged(['fdi', 'enterprises', 'settings', 'stats', 'reference'], () => void useStatsTablesStore.getState().load());
  // the 口径 the setting gives, for the choice that follows it
  const readSettingRule = useCallback(() => void api.call('stats.settings', {}).then((s) => setSettingRule(s.domesticReinvestment), () => undefined), []);
  useEffect(readSettingRule, [readSettingRule]);
  useChanged('stats', readSettingRule);
  const cover = data?.coverage;
  const left = cover ? [...cover.missingPrior, ...cover.missingCurrent] : [];
  const priorIncomplete = !!cover && !data?.comparable && cover.missingPrior.length > 0;

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
            {data.label}（{t('priorRange', { label: data.priorLabel })}）　{t('unitOf', { unit: data.unit })}
          </Typography.Text>
        )}
        <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} disabled={!data} data-testid="stats-export" style={{ marginLeft: 'auto' }}>
          {exporting ? t('exporting') : t('export')}
        </Button>
      </Flex>
      <div style={{ marginBottom: 12 }}>
        <OptionsBar settingRule={settingRule} />
      </div>
      {data && (
        <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 8 }}>
          <Space wrap size={[8, 4]}>
            <Tag color="blue" data-testid="stats-basis">
              {t('basis', { basis: data.basis })}
            </Tag>
            <Typography.Text type="secondary" data-testid="stats-coverage">
              {t('coverage', { current: data.coverage.current.length, prior: data.coverage.prior.length })}
              {data.comparable && left.length ? `；${t('comparableLeft', { names: left.join('、') })}` : ''}
            </Typography.Text>
          </Space>
          {priorIncomplete && <Alert type="warning" showIcon data-testid="stats-missing-prior" title={t('missingPrior', { names: data.coverage.missingPrior.join('、') })} />}
          {data.domesticWithoutShare > 0 && <Alert type="info" showIcon title={t('withoutShare', { n: data.domesticWithoutShare })} />}
        </Space>
      )}
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
                <StatsTablePane
                  table={table}
                  caption={`${table.formNo ? `${table.formNo}　` : ''}${table.title}（${data.unit}）　·　${data.basis}　·　${t('recordsHint')}`}
                  above={table.id === 'district' && <DistrictCheck check={data.districtCheck} />}
                  onOpenRow={setOpenRow}
                  priorIncomplete={priorIncomplete}
                />
              ),
            }))}
          />
        )}
      </Spin>
      <StatsRecordsDrawer row={openRow} range={range} options={options} onClose={() => setOpenRow(null)} />
    </>
  );
}
