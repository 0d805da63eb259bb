import type { Firm, Segment, SegmentLink, SegmentSnapshot, Target } from '../../../shared/api/chains';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { listSegments, readFirm, readSegment, readTarget } from './queries';

/**
 * Deleting segments returns everything that went with them (sub-segments, links, firms, targets and their contact
 * log, project placements), so the editor's undo can put it back exactly; pasting reuses the same shape as a copy.
 */

function subtreeIds(db: Db, chainId: number, ids: number[]): number[] {
  const segments = listSegments(db, chainId);
  const inChain = new Set(segments.map((s) => s.id));
  for (const id of ids) if (!inChain.has(id)) throw new AppError('INVALID_INPUT', `环节 ${id} 不在本产业链中`);
  const children = new Map<number, number[]>();
  for (const s of segments) if (s.parentId !== null) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);
  const out = new Set<number>();
  const stack = [...ids];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}

export function snapshotSegments(db: Db, chainId: number, ids: number[]): SegmentSnapshot {
  const all = subtreeIds(db, chainId, ids);
  const list = JSON.stringify(all);
  const inSet = `IN (SELECT value FROM json_each('${list}'))`;
  const segments = all.map((id) => {
    const { chainId: _chain, ...rest } = readSegment(db, id);
    return rest;
  });
  const links = db
    .prepare(`SELECT id, from_segment_id AS fromId, to_segment_id AS toId FROM segment_link WHERE from_segment_id ${inSet} OR to_segment_id ${inSet} ORDER BY id`)
    .all() as SegmentLink[];
  const firms = (db.prepare(`SELECT id FROM segment_enterprise WHERE segment_id ${inSet} ORDER BY id`).all() as { id: number }[]).map((r) => {
    const { uscc: _u, ...firm } = readFirm(db, r.id);
    return firm;
  });
  const contactsOf = db.prepare('SELECT date, notes, by FROM target_contact WHERE target_id = ? ORDER BY id');
  const targets = (db.prepare(`SELECT id FROM target WHERE segment_id ${inSet} ORDER BY id`).all() as { id: number }[]).map((r) => {
    const { projectName: _p, contacts: _c, lastContact: _l, updatedAt: _u, policy: _policy, ...target } = readTarget(db, r.id);
    return { ...target, contactLog: contactsOf.all(r.id) as Array<{ date: string; notes: string; by: string }> };
  });
  const projectSegments = db.prepare(`SELECT project_id AS projectId, segment_id AS segmentId FROM project_segment WHERE segment_id ${inSet}`).all() as Array<{
    projectId: number;
    segmentId: number;
  }>;
  return { segments, links, firms, targets, projectSegments };
}

export function deleteSegments(db: Db, chainId: number, ids: number[]): SegmentSnapshot {
  const snapshot = snapshotSegments(db, chainId, ids);
  const del = db.prepare('DELETE FROM segment WHERE id = ?');
  for (const s of snapshot.segments) del.run(s.id);
  return snapshot;
}

/** Parents before children, so each insert finds its parent. */
function parentsFirst<T extends { id: number; parentId: number | null }>(segments: T[]): T[] {
  const ids = new Set(segments.map((s) => s.id));
  const out: T[] = [];
  const done = new Set<number>();
  const byId = new Map(segments.map((s) => [s.id, s]));
  const visit = (s: T, depth: number) => {
    if (done.has(s.id) || depth > segments.length) return;
    if (s.parentId !== null && ids.has(s.parentId) && !done.has(s.parentId)) visit(byId.get(s.parentId)!, depth + 1);
    if (done.has(s.id)) return;
    done.add(s.id);
    out.push(s);
  };
  segments.forEach((s) => visit(s, 0));
  return out;
}

function freeName(db: Db, chainId: number, name: string): string {
  const taken = db.prepare('SELECT 1 FROM segment WHERE chain_id = ? AND name = ?');
  if (!taken.get(chainId, name)) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}（副本${n > 1 ? n : ''}）`;
    if (!taken.get(chainId, candidate)) return candidate;
  }
}

export function insertSegments(
  db: Db,
  chainId: number,
  snapshot: SegmentSnapshot,
  mode: 'restore' | 'copy',
  offset: { x: number; y: number },
): { segments: Segment[]; links: SegmentLink[]; firms: Firm[]; targets: Target[] } {
  const restore = mode === 'restore';
  const exists = db.prepare('SELECT chain_id AS chainId FROM segment WHERE id = ?');
  const newId = new Map<number, number>();
  const insertSegment = db.prepare(
    `INSERT INTO segment (id, chain_id, parent_id, name, tier, sort, position_x, position_y, status_override, override_reason, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const maxSort = (db.prepare('SELECT coalesce(max(sort), 0) AS m FROM segment WHERE chain_id = ?').get(chainId) as { m: number }).m;
  parentsFirst(snapshot.segments).forEach((s, i) => {
    if (restore && exists.get(s.id)) throw new AppError('CONFLICT', `环节“${s.name}”已存在，无法恢复`);
    const parentInChain = s.parentId !== null && (exists.get(s.parentId) as { chainId: number } | undefined)?.chainId === chainId;
    const parent = s.parentId === null ? null : (newId.get(s.parentId) ?? (parentInChain ? s.parentId : null));
    const name = restore ? s.name : freeName(db, chainId, s.name);
    const moved = (v: number | null, d: number) => (v === null || restore ? v : v + d);
    const id = Number(
      insertSegment.run(
        restore ? s.id : null,
        chainId,
        parent,
        name,
        s.tier,
        restore ? s.sort : maxSort + i + 1,
        moved(s.x, offset.x),
        moved(s.y, offset.y),
        restore ? (s.override?.status ?? null) : null,
        restore ? (s.override?.reason ?? null) : null,
        s.notes,
      ).lastInsertRowid,
    );
    newId.set(s.id, id);
  });
  const links: SegmentLink[] = [];
  const insertLink = db.prepare('INSERT OR IGNORE INTO segment_link (id, chain_id, from_segment_id, to_segment_id) VALUES (?, ?, ?, ?)');
  for (const l of snapshot.links) {
    // a copy keeps only the links inside the copied set; a restore also reconnects to segments still there
    const from = newId.get(l.fromId) ?? (restore && (exists.get(l.fromId) as { chainId: number } | undefined)?.chainId === chainId ? l.fromId : undefined);
    const to = newId.get(l.toId) ?? (restore && (exists.get(l.toId) as { chainId: number } | undefined)?.chainId === chainId ? l.toId : undefined);
    if (from === undefined || to === undefined) continue;
    // under its old id when that is free (a link made since may have taken it)
    let r = insertLink.run(restore ? (l.id ?? null) : null, chainId, from, to);
    if (!r.changes && restore && l.id !== undefined) r = insertLink.run(null, chainId, from, to);
    if (r.changes) links.push({ id: Number(r.lastInsertRowid), fromId: from, toId: to });
  }
  const firms: Firm[] = [];
  const targets: Target[] = [];
  if (restore) {
    const enterpriseExists = db.prepare('SELECT 1 FROM enterprise WHERE id = ?');
    const projectExists = db.prepare('SELECT 1 FROM project WHERE id = ?');
    const insertFirm = db.prepare('INSERT INTO segment_enterprise (id, segment_id, enterprise_id, company_name, role, notes) VALUES (?, ?, ?, ?, ?, ?)');
    for (const f of snapshot.firms) {
      insertFirm.run(f.id, f.segmentId, f.enterpriseId !== null && enterpriseExists.get(f.enterpriseId) ? f.enterpriseId : null, f.companyName, f.role, f.notes);
      firms.push(readFirm(db, f.id));
    }
    const now = new Date().toISOString();
    const insertTarget = db.prepare(
      `INSERT INTO target (id, segment_id, company, country_code, headquarters, rationale, priority, status, owner, project_id, industry_code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertContact = db.prepare('INSERT INTO target_contact (target_id, date, notes, by) VALUES (?, ?, ?, ?)');
    for (const t of snapshot.targets) {
      const project = t.projectId !== null && projectExists.get(t.projectId) ? t.projectId : null;
      insertTarget.run(t.id, t.segmentId, t.company, t.countryCode, t.headquarters, t.rationale, t.priority, t.status, t.owner, project, t.industryCode, now, now);
      for (const c of t.contactLog) insertContact.run(t.id, c.date, c.notes, c.by);
      targets.push(readTarget(db, t.id));
    }
    const insertPlacement = db.prepare('INSERT OR IGNORE INTO project_segment (project_id, segment_id) VALUES (?, ?)');
    for (const p of snapshot.projectSegments) if (projectExists.get(p.projectId)) insertPlacement.run(p.projectId, p.segmentId);
  }
  const segments = [...newId.values()].map((id) => readSegment(db, id));
  return { segments, links, firms, targets };
}
