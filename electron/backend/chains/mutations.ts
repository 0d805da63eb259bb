import type { Segment, SegmentLink } from '../../../shared/api/chains';
import { tierLabel, type SegmentStatus } from '../../../shared/domain/chain';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { chainTiers, readChainRow, readSegment } from './queries';

/** Changes to chains, segments and supply links. Each runs in the caller's transaction and writes its audit entry. */

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

export function saveSegment(
  { db, user }: Actor,
  input: { id?: number; chainId: number; name: string; parentId: number | null; tier: string; notes: string; x?: number | null; y?: number | null },
): Segment {
  checkTier(db, input.chainId, input.tier);
  checkParent(db, input.chainId, input.id, input.parentId);
  const conflict = `环节“${input.name}”已存在`;
  let id = input.id;
  if (id !== undefined) {
    const before = readSegment(db, id);
    if (before.chainId !== input.chainId) throw new AppError('INVALID_INPUT', '环节不在本产业链中');
    unique(conflict, () =>
      db
        .prepare('UPDATE segment SET name = ?, parent_id = ?, tier = ?, notes = ?, position_x = ?, position_y = ? WHERE id = ?')
        .run(input.name, input.parentId, input.tier, input.notes, input.x === undefined ? before.x : input.x, input.y === undefined ? before.y : input.y, id),
    );
    writeAudit(db, { user, action: 'update', entity: 'segment', entityId: id, before, after: input });
  } else {
    id = unique(conflict, () =>
      Number(
        db
          .prepare(
            `INSERT INTO segment (chain_id, parent_id, name, tier, sort, position_x, position_y, notes)
             VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM segment WHERE chain_id = ?), ?, ?, ?)`,
          )
          .run(input.chainId, input.parentId, input.name, input.tier, input.chainId, input.x ?? null, input.y ?? null, input.notes).lastInsertRowid,
      ),
    );
    writeAudit(db, { user, action: 'create', entity: 'segment', entityId: id, after: input });
  }
  touchChain(db, input.chainId);
  return readSegment(db, id);
}

/** Saves dragged positions. One audit entry for the whole move, not one per node. */
export function moveSegments({ db, user }: Actor, chainId: number, positions: Array<{ id: number; x: number; y: number }>): void {
  const update = db.prepare('UPDATE segment SET position_x = ?, position_y = ? WHERE id = ? AND chain_id = ?');
  let moved = 0;
  for (const p of positions) moved += update.run(p.x, p.y, p.id, chainId).changes;
  if (moved !== positions.length) throw new AppError('INVALID_INPUT', '有环节不在本产业链中');
  writeAudit(db, { user, action: 'update', entity: 'segment.position', entityId: chainId, after: positions });
  touchChain(db, chainId);
}

export function setOverride({ db, user }: Actor, segmentId: number, override: { status: SegmentStatus; reason: string } | null): Segment {
  const before = readSegment(db, segmentId);
  db.prepare('UPDATE segment SET status_override = ?, override_reason = ? WHERE id = ?').run(override?.status ?? null, override?.reason ?? null, segmentId);
  writeAudit(db, { user, action: 'update', entity: 'segment.override', entityId: segmentId, before: before.override, after: override });
  touchChain(db, before.chainId);
  return readSegment(db, segmentId);
}

export function saveLink({ db, user }: Actor, chainId: number, fromId: number, toId: number): SegmentLink {
  if (fromId === toId) throw new AppError('INVALID_INPUT', '不能把环节连到它自己');
  const from = readSegment(db, fromId);
  const to = readSegment(db, toId);
  if (from.chainId !== chainId || to.chainId !== chainId) throw new AppError('INVALID_INPUT', '环节不在本产业链中');
  const id = unique(`“${from.name}”到“${to.name}”的供给关系已存在`, () =>
    Number(db.prepare('INSERT INTO segment_link (chain_id, from_segment_id, to_segment_id) VALUES (?, ?, ?)').run(chainId, fromId, toId).lastInsertRowid),
  );
  writeAudit(db, { user, action: 'create', entity: 'segment_link', entityId: id, after: { from: from.name, to: to.name } });
  touchChain(db, chainId);
  return { id, fromId, toId };
}

export function deleteLink({ db, user }: Actor, id: number): void {
  const before = db.prepare('SELECT id, chain_id AS chainId, from_segment_id AS fromId, to_segment_id AS toId FROM segment_link WHERE id = ?').get(id) as
    | (SegmentLink & { chainId: number })
    | undefined;
  if (!before) throw new AppError('NOT_FOUND', `供给关系 ${id}`);
  db.prepare('DELETE FROM segment_link WHERE id = ?').run(id);
  writeAudit(db, { user, action: 'delete', entity: 'segment_link', entityId: id, before });
  touchChain(db, before.chainId);
}
