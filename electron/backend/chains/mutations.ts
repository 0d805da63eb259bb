import type { Segment, SegmentLink } from '../../../shared/api/chains';
import { tierLabel, type SegmentStatus } from '../../../shared/domain/chain';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { chainTiers, readChainRow, readSegment } from './queries';

/**
 * Changes to chains, segments and supply links, each run in the caller's transaction. Chains write their own audit
 * entry; the edits of a map are audited by `applyChainEdits`, one entry per batch.
 */

export interface Actor {
  db: Db;
  user: string;
}

export function touchChain(db: Db, chainId: number): void {
  db.prepare('UPDATE chain SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), chainId);
}

/** Runs a write, turning a UNIQUE violation into a CONFLICT the user can read. */
export function unique<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (String((err as Error).message).includes('UNIQUE')) throw new AppError('CONFLICT', what);
    throw err;
  }
}

export function createChain(
  { db, user }: Actor,
  input: { name: string; owner: string; description: string; threshold: number; template: string | null; tiers?: string[] | null; isDemo?: boolean },
): number {
  const now = new Date().toISOString();
  const id = unique(`产业链“${input.name}”已存在`, () =>
    Number(
      db
        .prepare(
          `INSERT INTO chain (name, owner, description, strong_threshold, tiers, template, is_demo, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.name, input.owner, input.description, input.threshold, input.tiers ? JSON.stringify(input.tiers) : null, input.template, input.isDemo ? 1 : 0, now, now)
        .lastInsertRowid,
    ),
  );
  writeAudit(db, { user, action: 'create', entity: 'chain', entityId: id, after: input });
  return id;
}

export function updateChain({ db, user }: Actor, id: number, patch: { name?: string; owner?: string; description?: string; threshold?: number }): void {
  const before = readChainRow(db, id);
  const after = {
    name: patch.name ?? before.name,
    owner: patch.owner ?? before.owner,
    description: patch.description ?? before.description,
    strong_threshold: patch.threshold ?? before.strong_threshold,
  };
  unique(`产业链“${after.name}”已存在`, () =>
    db
      .prepare('UPDATE chain SET name = ?, owner = ?, description = ?, strong_threshold = ?, updated_at = ? WHERE id = ?')
      .run(after.name, after.owner, after.description, after.strong_threshold, new Date().toISOString(), id),
  );
  writeAudit(db, { user, action: 'update', entity: 'chain', entityId: id, before, after });
}

export function deleteChain({ db, user }: Actor, id: number): void {
  const before = readChainRow(db, id);
  db.prepare('DELETE FROM chain WHERE id = ?').run(id);
  writeAudit(db, { user, action: 'delete', entity: 'chain', entityId: id, before });
}

function checkTier(db: Db, chainId: number, tier: string): void {
  const tiers = chainTiers(readChainRow(db, chainId));
  if (!tiers.includes(tier)) throw new AppError('INVALID_INPUT', `位置“${tierLabel(tier)}”不是本产业链的环节位置（${tiers.map(tierLabel).join('、')}）`);
}

/** Refuses a parent from another chain, and a parent that is the segment itself or one of its descendants. */
function checkParent(db: Db, chainId: number, segmentId: number | undefined, parentId: number | null): void {
  if (parentId === null) return;
  const parent = readSegment(db, parentId);
  if (parent.chainId !== chainId) throw new AppError('INVALID_INPUT', '上级环节不在本产业链中');
  if (segmentId === undefined) return;
  const parentOf = db.prepare('SELECT parent_id AS p FROM segment WHERE id = ?');
  for (let at: number | null = parentId, steps = 0; at !== null && steps < 10_000; steps++) {
    if (at === segmentId) throw new AppError('REFUSED', '不能把环节放到它自己或它的下级之下');
    at = (parentOf.get(at) as { p: number | null } | undefined)?.p ?? null;
  }
}

export interface SegmentFields {
  name: string;
  parentId: number | null;
  tier: string;
  notes: string;
}

/** Adds a segment at the end of the chain's order. */
export function addSegment(db: Db, chainId: number, input: SegmentFields & { x: number | null; y: number | null }): Segment {
  checkTier(db, chainId, input.tier);
  checkParent(db, chainId, undefined, input.parentId);
  const id = unique(`环节“${input.name}”已存在`, () =>
    Number(
      db
        .prepare(
          `INSERT INTO segment (chain_id, parent_id, name, tier, sort, position_x, position_y, notes)
           VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM segment WHERE chain_id = ?), ?, ?, ?)`,
        )
        .run(chainId, input.parentId, input.name, input.tier, chainId, input.x, input.y, input.notes).lastInsertRowid,
    ),
  );
  return readSegment(db, id);
}

/** Changes a segment's name, parent, stage or notes; returns it as it was before. */
export function updateSegment(db: Db, chainId: number, id: number, patch: Partial<SegmentFields>): Segment {
  const before = readSegmentIn(db, chainId, id);
  const after = { name: patch.name ?? before.name, parentId: patch.parentId === undefined ? before.parentId : patch.parentId, tier: patch.tier ?? before.tier, notes: patch.notes ?? before.notes };
  checkTier(db, chainId, after.tier);
  checkParent(db, chainId, id, after.parentId);
  unique(`环节“${after.name}”已存在`, () => db.prepare('UPDATE segment SET name = ?, parent_id = ?, tier = ?, notes = ? WHERE id = ?').run(after.name, after.parentId, after.tier, after.notes, id));
  return before;
}

/** A segment of this chain (a segment of another chain is refused, so one chain's edit never reaches another). */
export function readSegmentIn(db: Db, chainId: number, id: number): Segment {
  const segment = readSegment(db, id);
  if (segment.chainId !== chainId) throw new AppError('INVALID_INPUT', `环节“${segment.name}”不在本产业链中`);
  return segment;
}

/** Saves positions (null: none, laid out when the map opens); returns where the segments were. */
export function moveSegments(db: Db, chainId: number, positions: Array<{ id: number; x: number | null; y: number | null }>): Array<{ id: number; x: number | null; y: number | null }> {
  const read = db.prepare('SELECT id, position_x AS x, position_y AS y FROM segment WHERE id = ? AND chain_id = ?');
  const update = db.prepare('UPDATE segment SET position_x = ?, position_y = ? WHERE id = ?');
  return positions.map((p) => {
    const before = read.get(p.id, chainId) as { id: number; x: number | null; y: number | null } | undefined;
    if (!before) throw new AppError('INVALID_INPUT', `环节 ${p.id} 不在本产业链中`);
    update.run(p.x, p.y, p.id);
    return before;
  });
}

/** Sets or clears a segment's judged status; returns the one it had. */
export function setOverride(db: Db, chainId: number, segmentId: number, override: { status: SegmentStatus; reason: string } | null): Segment['override'] {
  const before = readSegmentIn(db, chainId, segmentId);
  db.prepare('UPDATE segment SET status_override = ?, override_reason = ? WHERE id = ?').run(override?.status ?? null, override?.reason ?? null, segmentId);
  return before.override;
}

/** Connects two segments; `id` puts a deleted link back under its old id. */
export function addLink(db: Db, chainId: number, link: { id?: number; fromId: number; toId: number }): SegmentLink {
  if (link.fromId === link.toId) throw new AppError('INVALID_INPUT', '不能把环节连到它自己');
  const from = readSegmentIn(db, chainId, link.fromId);
  const to = readSegmentIn(db, chainId, link.toId);
  const id = unique(`“${from.name}”到“${to.name}”的供给关系已存在`, () =>
    Number(db.prepare('INSERT INTO segment_link (id, chain_id, from_segment_id, to_segment_id) VALUES (?, ?, ?, ?)').run(link.id ?? null, chainId, link.fromId, link.toId).lastInsertRowid),
  );
  return { id, fromId: link.fromId, toId: link.toId };
}

/** Removes a link; returns it. */
export function deleteLink(db: Db, chainId: number, id: number): SegmentLink {
  const before = db.prepare('SELECT id, from_segment_id AS fromId, to_segment_id AS toId FROM segment_link WHERE id = ? AND chain_id = ?').get(id, chainId) as SegmentLink | undefined;
  if (!before) throw new AppError('NOT_FOUND', `供给关系 ${id}`);
  db.prepare('DELETE FROM segment_link WHERE id = ?').run(id);
  return before;
}
