import type { AuditEntry, Project, ProjectDetail, ProjectQuery, ProjectEvent, ProjectIssue } from '../../../shared/api/projects';
import { roundStored } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { clockParams, type AlertClock } from './alerts';
import { refreshArrival } from './arrivalCache';
import { projectOrder, projectWhere, type Params } from './filter';
import { projectsByIds } from './rows';

/** One page of projects for a filter and sort, with the total the filter matches. */
export function listProjects(db: Db, query: ProjectQuery, offset: number, limit: number, clock: AlertClock): { rows: Project[]; total: number } {
  if (query.filter.alerts?.includes('arrival')) refreshArrival(db, clock);
  const params: Params = { ...clockParams(clock) };
  const where = projectWhere(query.filter, params);
  const total = (db.prepare(`SELECT count(*) AS n FROM project p WHERE ${where}`).get(params) as { n: number }).n;
  const ids = (
    db.prepare(`SELECT p.id FROM project p WHERE ${where} ORDER BY ${projectOrder(query.sort)} LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit,
      offset,
    }) as { id: number }[]
  ).map((r) => r.id);
  return { rows: projectsByIds(db, ids, clock), total };
}

/** Every id a filter matches, in sort order (for exports). */
export function projectIds(db: Db, query: ProjectQuery, clock: AlertClock): number[] {
  refreshArrival(db, clock);
  const params: Params = { ...clockParams(clock) };
  const where = projectWhere(query.filter, params);
  return (db.prepare(`SELECT p.id FROM project p WHERE ${where} ORDER BY ${projectOrder(query.sort)}`).all(params) as { id: number }[]).map((r) => r.id);
}

export function requireProject(db: Db, id: number, clock: AlertClock): Project {
  const [project] = projectsByIds(db, [id], clock);
  if (!project) throw new AppError('NOT_FOUND', `项目 ${id}`);
  return project;
}

type EventRow = { id: number; project_id: number; date: string; kind: ProjectEvent['kind']; notes: string; by: string; created_at: string };
type IssueRow = {
  id: number;
  project_id: number;
  category: ProjectIssue['category'];
  description: string;
  owner: string;
  due_date: string | null;
  status: 'open' | 'resolved';
  resolution: string;
  resolved_at: string | null;
  created_at: string;
  updated_at: string;
};

export function toEvent(r: EventRow): ProjectEvent {
  return { id: r.id, projectId: r.project_id, date: r.date, kind: r.kind, notes: r.notes, by: r.by, createdAt: r.created_at };
}

export function toIssue(r: IssueRow, today: string): ProjectIssue {
  return {
    id: r.id,
    projectId: r.project_id,
    category: r.category,
    description: r.description,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    overdue: r.status === 'open' && r.due_date !== null && r.due_date < today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Actual FDI arrived for a project (累计到资) up to the clock's month: the records of its linked enterprise — the one
 * it registered as, or for reinvestment the one that reinvests — from the plan's first month (for a reinvesting
 * firm without a plan, from the signing month: its earlier records belong to other investments). Null when no
 * enterprise is linked.
 */
export function cumulativeArrival(db: Db, project: Project, clock: AlertClock, firstPlanPeriod?: string | null): number | null {
  const enterpriseId = project.enterpriseId ?? project.reinvestEnterpriseId;
  if (enterpriseId === null) return null;
  const first =
    firstPlanPeriod === undefined
      ? ((db.prepare('SELECT min(period) AS p FROM project_plan WHERE project_id = ?').get(project.id) as { p: string | null }).p)
      : firstPlanPeriod;
  const from = first ?? (project.enterpriseId === null ? project.signedDate?.slice(0, 7) : null) ?? '0000-00';
  const row = db
    .prepare('SELECT coalesce(sum(actual_fdi), 0) AS s FROM fdi_record WHERE enterprise_id = ? AND period >= ? AND period <= ?')
    .get(enterpriseId, from, clock.arrivalPeriod) as { s: number };
  return roundStored(row.s);
}

/** Planned and actual arrival up to the clock's month, as the arrival alert judges it. */
function arrival(db: Db, project: Project, plan: { period: string; amount: number }[], clock: AlertClock): ProjectDetail['arrival'] {
  const toDate = plan.filter((p) => p.period <= clock.arrivalPeriod);
  return {
    asOf: clock.arrivalPeriod,
    planTotal: roundStored(plan.reduce((s, p) => s + p.amount, 0)),
    plannedToDate: roundStored(toDate.reduce((s, p) => s + p.amount, 0)),
    actualToDate: cumulativeArrival(db, project, clock, plan[0]?.period ?? null),
  };
}

export function projectDetail(db: Db, id: number, clock: AlertClock): ProjectDetail {
  const project = requireProject(db, id, clock);
  const plan = db.prepare('SELECT period, amount FROM project_plan WHERE project_id = ? ORDER BY period').all(id) as { period: string; amount: number }[];
  const segments = db
    .prepare(
      `SELECT s.id, s.name, c.id AS chainId, c.name AS chainName FROM project_segment ps
       JOIN segment s ON s.id = ps.segment_id JOIN chain c ON c.id = s.chain_id WHERE ps.project_id = ? ORDER BY c.name, s.sort, s.id`,
    )
    .all(id) as ProjectDetail['segments'];
  const targets = db
    .prepare(
      `SELECT t.id, t.company, s.name AS segmentName, c.name AS chainName FROM target t
       JOIN segment s ON s.id = t.segment_id JOIN chain c ON c.id = s.chain_id WHERE t.project_id = ? ORDER BY t.id`,
    )
    .all(id) as ProjectDetail['targets'];
  const stageLog = (
    db.prepare('SELECT id, from_stage, to_stage, date, by, note FROM project_stage_log WHERE project_id = ? ORDER BY date, id').all(id) as {
      id: number;
      from_stage: Project['stage'] | null;
      to_stage: Project['stage'];
      date: string;
      by: string;
      note: string;
    }[]
  ).map((r) => ({ id: r.id, fromStage: r.from_stage, toStage: r.to_stage, date: r.date, by: r.by, note: r.note }));
  const events = (db.prepare('SELECT * FROM project_event WHERE project_id = ? ORDER BY date DESC, id DESC').all(id) as EventRow[]).map(toEvent);
  const issues = (
    db.prepare(`SELECT * FROM project_issue WHERE project_id = ? ORDER BY status = 'resolved', due_date IS NULL, due_date, id`).all(id) as IssueRow[]
  ).map((r) => toIssue(r, clock.today));
  return { project, plan, arrival: arrival(db, project, plan, clock), segments, targets, stageLog, events, issues };
}

/** Values the filters offer: people and units named as owners, and the chains with their segments. */
export function filterOptions(db: Db): { owners: string[]; chains: { id: number; name: string; segments: { id: number; name: string }[] }[] } {
  const owners = (
    db
      .prepare(
        `SELECT v FROM (SELECT owner_person AS v FROM project UNION SELECT owner_unit FROM project UNION SELECT leader FROM project)
         WHERE v <> '' ORDER BY v LIMIT 1000`,
      )
      .all() as { v: string }[]
  ).map((r) => r.v);
  const chains = db.prepare('SELECT id, name FROM chain ORDER BY name').all() as { id: number; name: string }[];
  const segments = db.prepare('SELECT id, name FROM segment WHERE chain_id = ? ORDER BY sort, id');
  return { owners, chains: chains.map((c) => ({ ...c, segments: segments.all(c.id) as { id: number; name: string }[] })) };
}

type AuditRow = { id: number; at: string; user: string; action: string; entity: string; entity_id: string | null; before: string | null; after: string | null };
export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    user: r.user,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  };
}

/** The audit entries of a project and of its follow-up log and problems, newest first. */
export function projectHistory(db: Db, id: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log WHERE entity = 'project' AND entity_id = @id
       UNION ALL
       SELECT * FROM audit_log WHERE entity IN ('project_event', 'project_issue')
         AND json_extract(coalesce(after, before), '$.projectId') = @n
       ORDER BY id DESC LIMIT 500`,
    )
    .all({ id: String(id), n: id }) as AuditRow[];
  return rows.map(toAuditEntry);
}
