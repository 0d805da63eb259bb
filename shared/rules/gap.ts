import { SEGMENT_STATUSES, TARGET_STATUS_CODES, type FirmRole, type SegmentStatus, type TargetStatus } from '../domain/chain';
import { roundTo } from './money';

/**
 * The gap rule of an industry-chain map (产业链招商图谱): whether each segment is strong (强), weak (弱) or missing (缺)
 * in this area, why, and the chain's completeness. Pure: the backend (CLI, exports) and the renderer (live status while
 * editing) compute the same thing from the same rows.
 */

export const DEFAULT_STRONG_THRESHOLD = 3;

export interface GapSegmentInput {
  id: number;
  parentId: number | null;
  name: string;
  tier: string;
  /** A status set by hand; it wins over the rule but only with a written reason. */
  override?: { status: SegmentStatus; reason: string } | null;
}

export interface GapFirmInput {
  segmentId: number;
  role: FirmRole;
  /** The register's enterprise, when the firm is linked to one: the same enterprise counts once per subtree. */
  enterpriseId?: number | null;
  companyName: string;
}

export interface GapTargetInput {
  segmentId: number;
  status: TargetStatus;
}

export interface SegmentGap {
  segmentId: number;
  /** The status shown: the override when there is one, else the computed one. */
  status: SegmentStatus;
  computedStatus: SegmentStatus;
  overridden: boolean;
  overrideReason: string | null;
  /** Distinct local firms in this segment and all its sub-segments (what the rule counts). */
  firms: number;
  ownFirms: number;
  /** Names of the 链主 firms in the subtree. */
  leaders: string[];
  /** Targets in this segment and its sub-segments. */
  targets: number;
  ownTargets: number;
  isLeaf: boolean;
  /** Why it has its status, one Chinese sentence. */
  reason: string;
  /** Why the rule alone would give `computedStatus` (same as `reason` when not overridden). */
  computedReason: string;
}

/**
 * One definition for every count of a chain: they are all over its leaf segments (末级环节), the ones firms are
 * actually found in or brought to. A parent's status is a roll-up of its sub-segments, shown on the map, never
 * counted again as a gap of its own (it would repeat its children's targets and firms).
 * 完整度 = leaves with at least one local firm (弱 or 强) ÷ all leaves; `leafStatus` holds the three counts it comes from.
 */
export interface ChainGapAnalysis {
  threshold: number;
  segments: SegmentGap[];
  /** Share of leaf segments not missing, in percent with one decimal; null for a chain without segments. */
  completeness: number | null;
  leaves: number;
  leavesCovered: number;
  /** Leaf segments by status: completeness is (strong + weak) / leaves. */
  leafStatus: Record<SegmentStatus, number>;
  /** Gaps are leaf segments that are not strong (缺 and 弱). */
  gaps: { total: number; missing: number; weak: number; withTargets: number; withoutTargets: number };
  targetsByStatus: Record<TargetStatus, number>;
  /** Gap (leaf) segment ids in the order to walk them in a meeting: 缺 before 弱, then by tier, then as in the tree. */
  gapOrder: number[];
}

function firmKey(firm: GapFirmInput): string {
  if (firm.enterpriseId !== null && firm.enterpriseId !== undefined) return `e:${firm.enterpriseId}`;
  return `n:${firm.companyName.normalize('NFKC').replace(/\s+/g, '').toLowerCase()}`;
}

function computedReasonText(status: SegmentStatus, isLeaf: boolean, firms: number, leaders: string[], threshold: number): string {
  const scope = isLeaf ? '本环节' : '本环节及下级';
  if (status === 'missing') return isLeaf ? '本环节尚无本地企业' : '本环节及下级均无本地企业';
  if (leaders.length > 0) {
    const who = leaders.length > 1 ? `“${leaders[0]}”等 ${leaders.length} 家链主企业` : `链主企业“${leaders[0]}”`;
    return `${scope}有${who}，共 ${firms} 家本地企业`;
  }
  if (status === 'strong') return `${scope}共有 ${firms} 家本地企业，达到强链阈值 ${threshold} 家`;
  return `${scope}共有 ${firms} 家本地企业，少于强链阈值 ${threshold} 家，且无链主`;
}

/** The rule for one segment from the firms counted in its subtree. */
export function statusFromFirms(firms: number, hasLeader: boolean, threshold: number): SegmentStatus {
  if (firms === 0) return 'missing';
  if (hasLeader || firms >= threshold) return 'strong';
  return 'weak';
}

/**
 * Analyses a chain. `tiers` is the chain's ordered stages (for the order gaps are walked in); segments whose parent
 * is not in the list are treated as top-level, and a parent cycle in bad data is cut rather than looped on.
 */
export function analyseChain(input: {
  segments: GapSegmentInput[];
  firms: GapFirmInput[];
  targets: GapTargetInput[];
  threshold?: number | null;
  tiers?: readonly string[];
}): ChainGapAnalysis {
  const threshold = Math.max(1, Math.floor(input.threshold ?? DEFAULT_STRONG_THRESHOLD));
  const byId = new Map(input.segments.map((s) => [s.id, s]));
  const children = new Map<number, number[]>();
  for (const s of input.segments) {
    if (s.parentId !== null && byId.has(s.parentId) && s.parentId !== s.id) {
      children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);
    }
  }
  const firmsBySegment = new Map<number, GapFirmInput[]>();
  for (const f of input.firms) firmsBySegment.set(f.segmentId, [...(firmsBySegment.get(f.segmentId) ?? []), f]);
  const ownTargets = new Map<number, number>();
  const targetsByStatus = Object.fromEntries(TARGET_STATUS_CODES.map((c) => [c, 0])) as Record<TargetStatus, number>;
  for (const t of input.targets) {
    ownTargets.set(t.segmentId, (ownTargets.get(t.segmentId) ?? 0) + 1);
    if (byId.has(t.segmentId)) targetsByStatus[t.status] += 1;
  }

  /** Segment ids of a subtree, the segment first, each once even if the data has a cycle. */
  const subtree = (id: number): number[] => {
    const seen = new Set<number>();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(children.get(next) ?? []));
    }
    return [...seen];
  };

  const segments: SegmentGap[] = input.segments.map((s) => {
    const ids = subtree(s.id);
    const distinct = new Map<string, GapFirmInput>();
    let targets = 0;
    for (const id of ids) {
      for (const f of firmsBySegment.get(id) ?? []) {
        const key = firmKey(f);
        // a firm listed twice counts once, as a leader if it is one anywhere in the subtree
        if (!distinct.has(key) || f.role === 'leader') distinct.set(key, f);
      }
      targets += ownTargets.get(id) ?? 0;
    }
    const leaders = [...distinct.values()].filter((f) => f.role === 'leader').map((f) => f.companyName);
    const isLeaf = !children.has(s.id);
    const computedStatus = statusFromFirms(distinct.size, leaders.length > 0, threshold);
    const computedReason = computedReasonText(computedStatus, isLeaf, distinct.size, leaders, threshold);
    const override = s.override && s.override.reason.trim() ? s.override : null;
    const status = override ? override.status : computedStatus;
    const reason = override
      ? `人工认定为“${SEGMENT_STATUSES[override.status]}”：${override.reason.trim()}（按规则为“${SEGMENT_STATUSES[computedStatus]}”：${computedReason}）`
      : computedReason;
    return {
      segmentId: s.id,
      status,
      computedStatus,
      overridden: override !== null,
      overrideReason: override ? override.reason.trim() : null,
      firms: distinct.size,
      ownFirms: new Set((firmsBySegment.get(s.id) ?? []).map(firmKey)).size,
      leaders,
      targets,
      ownTargets: ownTargets.get(s.id) ?? 0,
      isLeaf,
      reason,
      computedReason,
    };
  });

  const leafSegments = segments.filter((g) => g.isLeaf);
  const leafStatus: Record<SegmentStatus, number> = { strong: 0, weak: 0, missing: 0 };
  for (const g of leafSegments) leafStatus[g.status] += 1;
  const leavesCovered = leafStatus.strong + leafStatus.weak;
  const gapList = leafSegments.filter((g) => g.status !== 'strong');
  const tierRank = new Map((input.tiers ?? []).map((t, i) => [t, i]));
  const treeRank = treeOrder(input.segments, children);
  const gapOrder = [...gapList]
    .sort(
      (a, b) =>
        (a.status === 'missing' ? 0 : 1) - (b.status === 'missing' ? 0 : 1) ||
        (tierRank.get(byId.get(a.segmentId)!.tier) ?? 99) - (tierRank.get(byId.get(b.segmentId)!.tier) ?? 99) ||
        treeRank.get(a.segmentId)! - treeRank.get(b.segmentId)!,
    )
    .map((g) => g.segmentId);

  return {
    threshold,
    segments,
    completeness: leafSegments.length === 0 ? null : roundTo((leavesCovered / leafSegments.length) * 100, 1),
    leaves: leafSegments.length,
    leavesCovered,
    leafStatus,
    gaps: {
      total: gapList.length,
      missing: gapList.filter((g) => g.status === 'missing').length,
      weak: gapList.filter((g) => g.status === 'weak').length,
      withTargets: gapList.filter((g) => g.targets > 0).length,
      withoutTargets: gapList.filter((g) => g.targets === 0).length,
    },
    targetsByStatus,
    gapOrder,
  };
}

/** Depth-first position of each segment (parents before their children, siblings in input order). */
function treeOrder(segments: GapSegmentInput[], children: Map<number, number[]>): Map<number, number> {
  const rank = new Map<number, number>();
  const ids = new Set(segments.map((s) => s.id));
  const visit = (id: number) => {
    if (rank.has(id)) return;
    rank.set(id, rank.size);
    for (const c of children.get(id) ?? []) visit(c);
  };
  for (const s of segments) if (s.parentId === null || !ids.has(s.parentId) || s.parentId === s.id) visit(s.id);
  for (const s of segments) visit(s.id); // members of a parent cycle
  return rank;
}
