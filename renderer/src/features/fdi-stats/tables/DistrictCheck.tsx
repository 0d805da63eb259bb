import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { DistrictCheck as Check } from '../../../../../shared/api/stats';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { formatAmount } from './format';
import { statsTablesMessages } from './messages';
import { useStatsTablesStore } from './store';

/** Under 分区县: whether the districts add up to the total, and the 汇总 check on demand. */
export function DistrictCheck({ check }: { check: Check }) {
  const t = useT(statsTablesMessages);
  const consolidation = useStatsTablesStore((s) => s.consolidation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    setError(null);
    useStatsTablesStore.getState().checkConsolidation().catch(setError).finally(() => setBusy(false));
  };
  const problems = consolidation
    ? [
        ...(consolidation.missingDistricts.length ? [t('missingDistricts', { names: consolidation.missingDistricts.map((d) => d.name).join('、') })] : []),
        ...(consolidation.missingPrior.length ? [t('missingPriorCheck', { names: consolidation.missingPrior.join('、') })] : []),
        ...consolidation.batchMismatches.map((m) => t('batchMismatch', { file: m.fileName, batchDistrict: m.batchDistrict, records: m.records, recordDistrict: m.recordDistrict })),
      ]
    : [];
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="district-check">
      {check.ok ? (
        <Alert type={check.unassigned.records ? 'warning' : 'success'} showIcon title={check.unassigned.records ? t('districtCheckUnassigned', { records: check.unassigned.records, actual: formatAmount(check.unassigned.actualFdi) }) : t('districtCheckOk')} />
      ) : (
        <Alert type="error" showIcon title={t('districtCheckFailed', { contracted: formatAmount(check.difference.contractedFdi), actual: formatAmount(check.difference.actualFdi) })} />
      )}
      <Button size="small" loading={busy} onClick={run} data-testid="consolidate">
        {t('consolidate')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
      {consolidation && (consolidation.ok ? <Alert type="success" showIcon title={t('consolidationOk')} /> : problems.length ? <Alert type="warning" showIcon title={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} /> : null)}
    </Space>
  );
}
