import type { ChainCompleteness } from '../../../shared/api/dashboard';
import type { FirmRole, SegmentStatus, TargetStatus } from '../../../shared/domain/chain';
import { TIERS } from '../../../shared/domain/chain';
import { analyseChain } from '../../../shared/rules/gap';
import type { Db } from '../db/open';

type ChainRow = { id: number; name: string; threshold: number; tiers: string | null };
type SegmentRow = { id: number; chainId: number; parentId: number | null; name: string; tier: string; override: SegmentStatus | null; reason: string | null };

/**
 * Each chain's completeness and open gaps, by the chains area's own gap rule (shared/rules/gap.ts), so the
 * dashboard and the chain map never disagree: the strong / weak / missing counts are over leaf segments, the ones
 * completeness is computed from.
 */
export function chainCompleteness(db: Db): ChainCompleteness[] {
  const chains = db.prepare('SELECT id, name, strong_threshold AS threshold, tiers FROM chain ORDER BY id').all() as ChainRow[];
  if (chains.length === 0) return [];
  const segments = db
    .prepare(
      `SELECT id, chain_id AS chainId, parent_id AS parentId, name, tier, status_override AS override, override_reason AS reason
       FROM segment ORDER BY chain_id, sort, id`,
    )
    .all() as SegmentRow[];
  const firms = db
    .prepare(
      `SELECT e.segment_id AS segmentId, e.role, e.enterprise_id AS enterpriseId, e.company_name AS companyName, s.chain_id AS chainId
       FROM segment_enterprise e JOIN segment s ON s.id = e.segment_id`,
    )
    .all() as { segmentId: number; role: FirmRole; enterpriseId: number | null; companyName: string; chainId: number }[];
  const targets = db
    .prepare('SELECT t.segment_id AS segmentId, t.status, s.chain_id AS chainId FROM target t JOIN segment s ON s.id = t.segment_id')
    .all() as { segmentId: number; status: TargetStatus; chainId: number }[];
  return chains.map((chain) => {
    const own = segments.filter((s) => s.chainId === chain.id);
    const analysis = analyseChain({
      segments: own.map((s) => ({
        id: s.id,
        parentId: s.parentId,
        name: s.name,
        tier: s.tier,
        override: s.override ? { status: s.override, reason: s.reason ?? '' } : null,
      })),
      firms: firms.filter((f) => f.chainId === chain.id),
      targets: targets.filter((t) => t.chainId === chain.id),
      threshold: chain.threshold,
      tiers: chain.tiers ? (JSON.parse(chain.tiers) as string[]) : Object.keys(TIERS),
    });
    const byId = new Map(analysis.segments.map((g) => [g.segmentId, g]));
    const name = new Map(own.map((s) => [s.id, s.name]));
    return {
      id: chain.id,
      name: chain.name,
      segments: own.length,
      ...analysis.leafStatus,
      completeness: analysis.completeness,
      gaps: analysis.gapOrder.map((id) => {
        const g = byId.get(id)!;
        return { segmentId: id, name: name.get(id) ?? '', status: g.status as 'weak' | 'missing', targets: g.targets };
      }),
    };
  });
}
