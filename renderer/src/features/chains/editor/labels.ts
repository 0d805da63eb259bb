import { useMemo } from 'react';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { chainsMessages } from '../messages';
import type { GraphLabels } from './graph';

/** Names on the map in the chosen language: stages (the chain's own ones as written), statuses, the counts line. */
export function useGraphLabels(): GraphLabels {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  return useMemo(
    () => ({
      tier: (tier: string) => (['upstream', 'midstream', 'downstream'].includes(tier) ? td(`tier.${tier}` as 'tier.upstream') : tier),
      status: (status) => td(`segmentStatus.${status}`),
      counts: (firms, targets, projects) => t('countsLine', { firms, targets, projects }),
    }),
    [t, td],
  );
}
