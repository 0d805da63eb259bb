import type { ChainCompleteness } from '../../../shared/api/dashboard';
import type { SegmentStatus } from '../../../shared/domain/chain';
import { sharePercent } from '../../../shared/rules/money';
import type { Db } from '../db/open';

type SegmentRow = {
  id: number;
  chainId: number;
  name: string;
  override: SegmentStatus | null;
  firms: number;
  targets: number;
  threshold: number;
};

/**
 * PROVISIONAL gap status until the chains helper's rule (shared/rules/gap.ts) lands: an override wins; otherwise no
 * local firm is 缺, fewer than the chain's threshold is 弱, else 强.
 */
function segmentStatus(s: SegmentRow): SegmentStatus {
  if (s.override) return s.override;
  if (s.firms === 0) return 'missing';
  return s.firms < s.threshold ? 'weak' : 'strong';
}

/** Each chain's completeness (strong segments over all) and its open gaps (weak or missing) with their targets. */
export function chainCompleteness(db: Db): ChainCompleteness[] {
  const chains = db.prepare('SELECT id, name FROM chain ORDER BY id').all() as { id: number; name: string }[];
  const segments = db
    .prepare(
      `SELECT s.id, s.chain_id AS chainId, s.name, s.status_override AS override, c.strong_threshold AS threshold,
         (SELECT count(*) FROM segment_enterprise e WHERE e.segment_id = s.id) AS firms,
         (SELECT count(*) FROM target t WHERE t.segment_id = s.id) AS targets
       FROM segment s JOIN chain c ON c.id = s.chain_id ORDER BY s.chain_id, s.sort, s.id`,
    )
    .all() as SegmentRow[];
  return chains.map((chain) => {
    const own = segments.filter((s) => s.chainId === chain.id).map((s) => ({ ...s, status: segmentStatus(s) }));
    const count = (status: SegmentStatus) => own.filter((s) => s.status === status).length;
    return {
      id: chain.id,
      name: chain.name,
      segments: own.length,
      strong: count('strong'),
      weak: count('weak'),
      missing: count('missing'),
      completeness: sharePercent(count('strong'), own.length),
      gaps: own
        .filter((s): s is typeof s & { status: 'weak' | 'missing' } => s.status !== 'strong')
        .map((s) => ({ segmentId: s.id, name: s.name, status: s.status, targets: s.targets })),
    };
  });
}
