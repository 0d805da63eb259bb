import type { ChainDetail, ChainGaps, ChainSummary, Firm, Segment, SegmentLink, SegmentProject, Target } from '../../../shared/api/chains';
import { DEFAULT_TIER_CODES, type FirmRole, type SegmentStatus, type TargetPriority, type TargetStatus } from '../../../shared/domain/chain';
import type { ProjectStage } from '../../../shared/domain/project';
import { analyseChain, type ChainGapAnalysis } from '../../../shared/rules/gap';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { NO_POLICY, policiesFor } from '../policy/status';

/** Reading chains: rows mapped to the contract's shapes, and the gap analysis run on them. */

export type ChainRow = {
  id: number;
  name: string;
  owner: string;
  description: string;
  strong_threshold: number;
  tiers: string | null;
  template: string | null;
  is_demo: number;
  updated_at: string;
};
type SegmentRow = {
  id: number;
  chain_id: number;
  parent_id: number | null;
  name: string;
  tier: string;
  sort: number;
  position_x: number | null;
  position_y: number | null;
  status_override: SegmentStatus | null;
  override_reason: string | null;
  notes: string;
};

export const SEGMENT_COLUMNS = 'id, chain_id, parent_id, name, tier, sort, position_x, position_y, status_override, override_reason, notes';

export function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    chainId: r.chain_id,
    parentId: r.parent_id,
    name: r.name,
    tier: r.tier,
    sort: r.sort,
    x: r.position_x,
    y: r.position_y,
    override: r.status_override ? { status: r.status_override, reason: r.override_reason ?? '' } : null,
    notes: r.notes,
  };
}

export function chainTiers(row: Pick<ChainRow, 'tiers'>): string[] {
  if (!row.tiers) return [...DEFAULT_TIER_CODES];
  try {
    const parsed = JSON.parse(row.tiers) as unknown;
    return Array.isArray(parsed) && parsed.length > 0 ? parsed.map(String) : [...DEFAULT_TIER_CODES];
  } catch {
    return [...DEFAULT_TIER_CODES];
  }
}

export function readChainRow(db: Db, id: number): ChainRow {
  const row = db.prepare('SELECT * FROM chain WHERE id = ?').get(id) as ChainRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `产业链 ${id}`);
  return row;
}

export function chainIdByName(db: Db, name: string): number {
  const row = db.prepare('SELECT id FROM chain WHERE name = ?').get(name.trim()) as { id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `产业链“${name}”`);
  return row.id;
}

export function readSegment(db: Db, id: number): Segment {
  const row = db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segment WHERE id = ?`).get(id) as SegmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `环节 ${id}`);
  return toSegment(row);
}

export function listSegments(db: Db, chainId: number): Segment[] {
  return (db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM segment WHERE chain_id = ? ORDER BY sort, id`).all(chainId) as SegmentRow[]).map(toSegment);
}

export function listLinks(db: Db, chainId: number): SegmentLink[] {
  return db.prepare('SELECT id, from_segment_id AS fromId, to_segment_id AS toId FROM segment_link WHERE chain_id = ? ORDER BY id').all(chainId) as SegmentLink[];
}

const FIRM_SELECT = `SELECT f.id, f.segment_id AS segmentId, f.enterprise_id AS enterpriseId, coalesce(e.name, f.company_name) AS companyName,
  f.role, f.notes, e.uscc FROM segment_enterprise f LEFT JOIN enterprise e ON e.id = f.enterprise_id`;

export function listFirms(db: Db, chainId: number): Firm[] {
  return db.prepare(`${FIRM_SELECT} JOIN segment s ON s.id = f.segment_id WHERE s.chain_id = ? ORDER BY f.id`).all(chainId) as Firm[];
}

export function readFirm(db: Db, id: number): Firm {
  const row = db.prepare(`${FIRM_SELECT} WHERE f.id = ?`).get(id) as Firm | undefined;
  if (!row) throw new AppError('NOT_FOUND', `本地企业 ${id}`);
  return row;
}

const TARGET_SELECT = `SELECT t.id, t.segment_id AS segmentId, t.company, t.country_code AS countryCode, t.headquarters, t.rationale,
  t.priority, t.status, t.owner, t.project_id AS projectId, p.name AS projectName, t.industry_code AS industryCode, t.updated_at AS updatedAt,
  (SELECT count(*) FROM target_contact c WHERE c.target_id = t.id) AS contacts,
  (SELECT max(date) FROM target_contact c WHERE c.target_id = t.id) AS lastContact
  FROM target t LEFT JOIN project p ON p.id = t.project_id`;

type TargetRow = Omit<Target, 'priority' | 'status' | 'policy'> & { priority: TargetPriority; status: TargetStatus };

/** Targets with their market access (one query for all of them). */
function withPolicy(db: Db, rows: TargetRow[]): Target[] {
  const policies = policiesFor(db, 'target', rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, policy: policies.get(r.id) ?? NO_POLICY }));
}

export function listTargets(db: Db, chainId: number): Target[] {
  return withPolicy(db, db.prepare(`${TARGET_SELECT} JOIN segment s ON s.id = t.segment_id WHERE s.chain_id = ? ORDER BY t.id`).all(chainId) as TargetRow[]);
}

export function readTarget(db: Db, id: number): Target {
  const row = db.prepare(`${TARGET_SELECT} WHERE t.id = ?`).get(id) as TargetRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `招商目标 ${id}`);
  return withPolicy(db, [row])[0]!;
}

/** Projects in each segment: placed there in 项目库, or the project a target of the segment became. */
export function listSegmentProjects(db: Db, chainId: number): SegmentProject[] {
  return db
    .prepare(
      `SELECT DISTINCT x.segment_id AS segmentId, p.id AS projectId, p.name, p.stage FROM (
         SELECT ps.segment_id, ps.project_id FROM project_segment ps
         UNION SELECT t.segment_id, t.project_id FROM target t WHERE t.project_id IS NOT NULL
       ) x JOIN project p ON p.id = x.project_id JOIN segment s ON s.id = x.segment_id
       WHERE s.chain_id = ? ORDER BY x.segment_id, p.id`,
    )
    .all(chainId) as Array<SegmentProject & { stage: ProjectStage }>;
}

export function analyse(chain: ChainRow, segments: Segment[], firms: Array<Pick<Firm, 'segmentId' | 'role' | 'enterpriseId' | 'companyName'>>, targets: Array<Pick<Target, 'segmentId' | 'status'>>): ChainGapAnalysis {
  return analyseChain({ segments, firms, targets, threshold: chain.strong_threshold, tiers: chainTiers(chain) });
}

function summaryOf(chain: ChainRow, analysis: ChainGapAnalysis, counts: { segments: number; firms: number; targets: number }): ChainSummary {
  return {
    id: chain.id,
    name: chain.name,
    owner: chain.owner,
    description: chain.description,
    threshold: chain.strong_threshold,
    tiers: chainTiers(chain),
    template: chain.template,
    isDemo: chain.is_demo === 1,
    ...counts,
    completeness: analysis.completeness,
    gaps: analysis.gaps.total,
    updatedAt: chain.updated_at,
  };
}

/** One chain's summary (gap analysis from lean rows, not the whole detail). */
export function chainSummary(db: Db, chainId: number): ChainSummary {
  const chain = readChainRow(db, chainId);
  const segments = listSegments(db, chainId);
  const firms = db
    .prepare(
      `SELECT f.segment_id AS segmentId, f.role AS role, f.enterprise_id AS enterpriseId, f.company_name AS companyName
       FROM segment_enterprise f JOIN segment s ON s.id = f.segment_id WHERE s.chain_id = ?`,
    )
    .all(chainId) as Array<{ segmentId: number; role: FirmRole; enterpriseId: number | null; companyName: string }>;
  const targets = db
    .prepare('SELECT t.segment_id AS segmentId, t.status AS status FROM target t JOIN segment s ON s.id = t.segment_id WHERE s.chain_id = ?')
    .all(chainId) as Array<{ segmentId: number; status: TargetStatus }>;
  return summaryOf(chain, analyse(chain, segments, firms, targets), { segments: segments.length, firms: firms.length, targets: targets.length });
}

export function listChains(db: Db): ChainSummary[] {
  const ids = db.prepare('SELECT id FROM chain ORDER BY is_demo, name').all() as { id: number }[];
  return ids.map((r) => chainSummary(db, r.id));
}

export function chainDetail(db: Db, chainId: number): ChainDetail {
  const chain = readChainRow(db, chainId);
  const segments = listSegments(db, chainId);
  const firms = listFirms(db, chainId);
  const targets = listTargets(db, chainId);
  const analysis = analyse(chain, segments, firms, targets);
  return {
    chain: summaryOf(chain, analysis, { segments: segments.length, firms: firms.length, targets: targets.length }),
    segments,
    links: listLinks(db, chainId),
    firms,
    targets,
    projects: listSegmentProjects(db, chainId),
  };
}

/** The gap report of the CLI and of `chains.gaps`: each segment with its parent's name, status and counts. */
export function chainGaps(db: Db, chainId: number): ChainGaps {
  const detail = chainDetail(db, chainId);
  const chain = readChainRow(db, chainId);
  const analysis = analyse(chain, detail.segments, detail.firms, detail.targets);
  const names = new Map(detail.segments.map((s) => [s.id, s.name]));
  const bySegment = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  return {
    chain: chain.name,
    threshold: analysis.threshold,
    completeness: analysis.completeness,
    gaps: analysis.gaps,
    targetsByStatus: analysis.targetsByStatus,
    segments: orderedForReport(detail.segments, chainTiers(chain)).map((s) => {
      const g = bySegment.get(s.id)!;
      return {
        id: s.id,
        name: s.name,
        parent: s.parentId === null ? null : (names.get(s.parentId) ?? null),
        tier: s.tier,
        status: g.status,
        computedStatus: g.computedStatus,
        overridden: g.overridden,
        reason: g.reason,
        firms: g.firms,
        targets: g.targets,
      };
    }),
  };
}

/** Segments by tier (the chain's order), then depth-first as in the tree: the order of every report and export. */
export function orderedForReport(segments: Segment[], tiers: readonly string[]): Segment[] {
  const rank = new Map(tiers.map((t, i) => [t, i]));
  const ids = new Set(segments.map((s) => s.id));
  const children = new Map<number | null, Segment[]>();
  for (const s of segments) {
    const parent = s.parentId !== null && ids.has(s.parentId) ? s.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const bySort = (a: Segment, b: Segment) => a.sort - b.sort || a.id - b.id;
  const out: Segment[] = [];
  const seen = new Set<number>();
  const visit = (s: Segment) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push(s);
    for (const c of [...(children.get(s.id) ?? [])].sort(bySort)) visit(c);
  };
  const roots = [...(children.get(null) ?? [])].sort((a, b) => (rank.get(a.tier) ?? 99) - (rank.get(b.tier) ?? 99) || bySort(a, b));
  roots.forEach(visit);
  segments.forEach(visit); // anything left in a parent cycle
  return out;
}

/** Country (region) code → Chinese name, for the pictures and workbooks a chain is exported to. */
export function countryNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT code, name FROM ref_country').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
}
