import type { EventKind, IssueCategory } from '../../../shared/domain/project';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';

/**
 * The follow-up log (走访/洽谈/电话/会议/签约) and the problems to coordinate. Each change touches the project's
 * updated_at and writes the audit log with the project id in it, so the project's history shows it.
 */
const touch = (db: Db, projectId: number, now: string) => db.prepare('UPDATE project SET updated_at = ? WHERE id = ?').run(now, projectId);

function requireProjectRow(db: Db, id: number): { last_follow_up_date: string | null } {
  const row = db.prepare('SELECT last_follow_up_date FROM project WHERE id = ?').get(id) as { last_follow_up_date: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `项目 ${id}`);
  return row;
}

/** Logs a follow-up and moves the project's last follow-up date forward to it (never back). */
export function logEvent(db: Db, input: { projectId: number; date: string; kind: EventKind; notes: string }, user: string): number {
  const project = requireProjectRow(db, input.projectId);
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare('INSERT INTO project_event (project_id, date, kind, notes, by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.projectId, input.date, input.kind, input.notes, user, now).lastInsertRowid,
  );
  if (project.last_follow_up_date === null || input.date > project.last_follow_up_date) {
    db.prepare('UPDATE project SET last_follow_up_date = ? WHERE id = ?').run(input.date, input.projectId);
  }
  touch(db, input.projectId, now);
  writeAudit(db, { user, action: 'create', entity: 'project_event', entityId: id, after: { ...input, by: user } });
  return id;
}

/** Deletes a follow-up entered by mistake; when it was the latest, the last follow-up date falls back to the one before. */
export function deleteEvent(db: Db, id: number, user: string): number {
  const row = db.prepare('SELECT project_id, date, kind, notes, by FROM project_event WHERE id = ?').get(id) as
    | { project_id: number; date: string; kind: EventKind; notes: string; by: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `跟进记录 ${id}`);
  const project = requireProjectRow(db, row.project_id);
  db.prepare('DELETE FROM project_event WHERE id = ?').run(id);
  if (project.last_follow_up_date === row.date) {
    const latest = db.prepare('SELECT max(date) AS d FROM project_event WHERE project_id = ?').get(row.project_id) as { d: string | null };
    db.prepare('UPDATE project SET last_follow_up_date = ? WHERE id = ?').run(latest.d, row.project_id);
  }
  touch(db, row.project_id, new Date().toISOString());
  writeAudit(db, {
    user,
    action: 'delete',
    entity: 'project_event',
    entityId: id,
    before: { projectId: row.project_id, date: row.date, kind: row.kind, notes: row.notes, by: row.by },
  });
  return row.project_id;
}

interface IssueFields {
  category: IssueCategory;
  description: string;
  owner: string;
  dueDate: string | null;
}

export function raiseIssue(db: Db, input: IssueFields & { projectId: number }, user: string): number {
  requireProjectRow(db, input.projectId);
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO project_issue (project_id, category, description, owner, due_date, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
      )
      .run(input.projectId, input.category, input.description, input.owner, input.dueDate, now, now).lastInsertRowid,
  );
  touch(db, input.projectId, now);
  writeAudit(db, { user, action: 'create', entity: 'project_issue', entityId: id, after: { ...input, status: 'open' } });
  return id;
}

type IssueRow = IssueFields & { projectId: number; status: 'open' | 'resolved'; resolution: string; resolvedAt: string | null };
function issueRow(db: Db, id: number): IssueRow {
  const row = db
    .prepare(
      `SELECT project_id AS projectId, category, description, owner, due_date AS dueDate, status, resolution, resolved_at AS resolvedAt
       FROM project_issue WHERE id = ?`,
    )
    .get(id) as IssueRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `问题 ${id}`);
  return row;
}

export function updateIssue(db: Db, id: number, patch: Partial<IssueFields>, user: string): number {
  const before = issueRow(db, id);
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as IssueRow;
  const changed = (Object.keys(patch) as (keyof IssueFields)[]).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
  if (changed.length === 0) return before.projectId;
  const now = new Date().toISOString();
  db.prepare('UPDATE project_issue SET category = ?, description = ?, owner = ?, due_date = ?, updated_at = ? WHERE id = ?').run(
    next.category,
    next.description,
    next.owner,
    next.dueDate,
    now,
    id,
  );
  touch(db, before.projectId, now);
  const pick = (o: IssueRow) => Object.fromEntries([['projectId', o.projectId], ...changed.map((k) => [k, o[k]])]);
  writeAudit(db, { user, action: 'update', entity: 'project_issue', entityId: id, before: pick(before), after: pick(next) });
  return before.projectId;
}

/** Closes a problem, recording how it was solved and on what day. */
export function resolveIssue(db: Db, id: number, resolution: string, date: string, user: string): number {
  const before = issueRow(db, id);
  if (before.status === 'resolved') throw new AppError('REFUSED', '该问题已经办结');
  const now = new Date().toISOString();
  db.prepare(`UPDATE project_issue SET status = 'resolved', resolution = ?, resolved_at = ?, updated_at = ? WHERE id = ?`).run(resolution, date, now, id);
  touch(db, before.projectId, now);
  writeAudit(db, {
    user,
    action: 'resolve',
    entity: 'project_issue',
    entityId: id,
    before: { projectId: before.projectId, status: 'open' },
    after: { projectId: before.projectId, status: 'resolved', resolution, resolvedAt: date },
  });
  return before.projectId;
}
