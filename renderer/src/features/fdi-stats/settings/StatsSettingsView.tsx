import { Flex, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RefList } from '../../../../../shared/api/reference';
import type { FxRate, StatsSettings } from '../../../../../shared/api/statsSettings';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormsCard } from './FormsCard';
import { ListsCard } from './ListsCard';
import { RatesCard } from './RatesCard';
import { RuleCard } from './RuleCard';

/** 外资统计 › 统计设置: the 口径 of 境内再投资, the rate table, the forms' details, the reference lists. */
export function StatsSettingsView() {
  const [data, setData] = useState<{ settings: StatsSettings; rates: FxRate[]; lists: RefList[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    Promise.all([api.call('stats.settings', {}), api.call('stats.rates', {}), api.call('reference.lists', {})]).then(
      ([settings, rates, lists]) => setData({ settings, rates, lists }),
      setError,
    );
  }, []);
  useEffect(load, [load]);
  if (error) return <ErrorAlert error={error} onRetry={load} />;
  if (!data) return <Spin />;
  return (
    <Flex vertical gap={12} data-testid="stats-settings">
      <RuleCard rule={data.settings.domesticReinvestment} onSaved={load} />
      <RatesCard rates={data.rates} onSaved={load} />
      <FormsCard key={JSON.stringify(data.settings)} settings={data.settings} onSaved={load} />
      <ListsCard lists={data.lists} onSaved={load} />
    </Flex>
  );
}
