import { useCallback } from 'react';
import type { ChainGapAnalysis } from '../../../../shared/rules/gap';
import { useT } from '../../i18n';
import { formatPercent } from '../../../../shared/format';
import { chainsMessages } from './messages';

/** 完整度 with how it is computed (the one definition, shared/rules/gap.ts), for the editor and meeting mode. */
export function useCompletenessText(): (analysis: ChainGapAnalysis) => string {
  const t = useT(chainsMessages);
  return useCallback(
    (a: ChainGapAnalysis) =>
      a.completeness === null
        ? t('completenessNone')
        : t('completenessLine', {
            pct: formatPercent(a.completeness),
            leaves: a.leaves,
            covered: a.leavesCovered,
            missing: a.leafStatus.missing,
            weak: a.leafStatus.weak,
            strong: a.leafStatus.strong,
          }),
    [t],
  );
}
