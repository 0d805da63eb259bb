import { useMemo } from 'react';
import type { PosterLabels } from '../../../../../shared/chains/poster-content';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { useGraphLabels } from '../editor/labels';
import { chainsMessages } from '../messages';

/** The poster's wording in the viewer's language (exports keep their Chinese defaults). */
export function usePosterLabels(): PosterLabels {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const graph = useGraphLabels();
  return useMemo(
    () => ({
      tier: graph.tier,
      status: (s) => td(`segmentStatus.${s}`),
      leaders: t('posterLeaders'),
      backbone: t('posterBackbone'),
      supporting: t('posterSupporting'),
      targets: t('posterTargets'),
      firmCount: (count) => t('posterFirmCount', { count }),
      andMore: (count) => t('posterAndMore', { count }),
      separator: t('posterSeparator'),
      partSeparator: t('posterPartSeparator'),
      emptyTier: t('posterEmptyTier'),
      tierCounts: (c) => t('posterTierCounts', c),
    }),
    [t, td, graph],
  );
}
