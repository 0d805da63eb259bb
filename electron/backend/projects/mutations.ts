import type { PlanEntry, ProjectFields } from '../../../shared/api/projects';
import type { ProjectStage } from '../../../shared/domain/project';
import { roundStored } from '../../../shared/rules/money';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';

/** The stored state of a project as the audit log records it: the editable fields plus stage and follow-up date. */
export type ProjectSnapshot = ProjectFields & { stage: ProjectStage; lastFollowUpDate: string | null };

/** Which date column a stage sets when a project first reaches it. */
export const STAGE_DATE_FIELD: Partial<Record<ProjectStage, keyof ProjectFields & `${string}Date`>> = {
  lead: 'firstContactDate',
  negotiating: 'firstContactDate',
  signed: 'signedDate',
  registered: 'registeredDate',
  construction: 'constructionDate',
  operating: 'operationDate',
};

const COLUMNS: Record<Exclude<keyof ProjectFields, 'plan' | 'segmentIds'>, string> = {
  name: 'name',
  investor: 'investor',
  countryCode: 'country_code',
  industryCode: 'industry_code',
  districtId: 'district_id',
  platformId: 'platform_id',
  totalInvestment: 'total_investment',
  contractedFdi: 'contracted_fdi',
  reinvestment: 'reinvestment',
  reinvestEnterpriseId: 'reinvest_enterprise_id',
  enterpriseId: 'enterprise_id',
  priority: 'priority',
  ownerUnit: 'owner_unit',
  ownerPerson: 'owner_person',
  leader: 'leader',
  firstContactDate: 'first_contact_date',
  signedDate: 'signed_date',
  registeredDate: 'registered_date',
  constructionDate: 'construction_date',
  operationDate: 'operation_date',
  notes: 'notes',
};
const FIELD_NAMES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

export function projectSnapshot(db: Db, id: number): ProjectSnapshot {
  const r = db.prepare('SELECT * FROM project WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw new AppError('NOT_FOUND', `项目 ${id}`);
  const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, r[COLUMNS[f]]])) as Record<string, unknown>;
  fields.reinvestment = r.reinvestment === 1;
  const plan = db.prepare('SELECT period, amount FROM project_plan WHERE project_id = ? ORDER BY period').all(id) as PlanEntry[];
  const segmentIds = (db.prepare('SELECT segment_id AS s FROM project_segment WHERE project_id = ? ORDER BY segment_id').all(id) as { s: number }[]).map((x) => x.s);
  return { ...(fields as Omit<ProjectFields, 'plan' | 'segmentIds'>), plan, segmentIds, stage: r.stage as ProjectStage, lastFollowUpDate: r.last_follow_up_date as string | null };
}

const exists = (db: Db, sql: string, value: unknown) => value === null || value === undefined || db.prepare(sql).get(value) !== undefined;

/** Refuses references that do not exist and inconsistent flags, naming the field in Chinese. */
export function checkProjectFields(db: Db, f: ProjectFields): void {
  if (!exists(db, 'SELECT 1 FROM ref_country WHERE code = ?', f.countryCode)) throw new AppError('COUNTRY_UNKNOWN', String(f.countryCode));
  if (!exists(db, 'SELECT 1 FROM ref_industry WHERE code = ?', f.industryCode)) throw new AppError('INDUSTRY_UNKNOWN', String(f.industryCode));
  if (!exists(db, 'SELECT 1 FROM district WHERE id = ?', f.districtId)) throw new AppError('NOT_FOUND', `区县 ${f.districtId}`);
  if (!exists(db, 'SELECT 1 FROM platform WHERE id = ?', f.platformId)) throw new AppError('NOT_FOUND', `园区 ${f.platformId}`);
  if (!exists(db, 'SELECT 1 FROM enterprise WHERE id = ?', f.enterpriseId)) throw new AppError('NOT_FOUND', `企业 ${f.enterpriseId}`);
  if (!exists(db, 'SELECT 1 FROM enterprise WHERE id = ?', f.reinvestEnterpriseId)) throw new AppError('NOT_FOUND', `企业 ${f.reinvestEnterpriseId}`);
  if (!f.reinvestment && f.reinvestEnterpriseId !== null) throw new AppError('INVALID_INPUT', '只有再投资项目才能关联再投资企业');
  for (const s of f.segmentIds) if (!exists(db, 'SELECT 1 FROM segment WHERE id = ?', s)) throw new AppError('NOT_FOUND', `产业链环节 ${s}`);
  const periods = new Set<string>();
  for (const p of f.plan) {
    if (periods.has(p.period)) throw new AppError('DUPLICATE', `计划到资月份 ${p.period} 重复`);
    periods.add(p.period);
  }
}

function columnValues(f: ProjectFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const v = f[name];
    values[COLUMNS[name]] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  values.total_investment = f.totalInvestment === null ? null : roundStored(f.totalInvestment);
  values.contracted_fdi = f.contractedFdi === null ? null : roundStored(f.contractedFdi);
  return values;
}

function writePlanAndSegments(db: Db, id: number, f: Pick<ProjectFields, 'plan' | 'segmentIds'>): void {
  db.prepare('DELETE FROM project_plan WHERE project_id = ?').run(id);
  const plan = db.prepare('INSERT INTO project_plan (project_id, period, amount) VALUES (?, ?, ?)');
  for (const p of [...f.plan].sort((a, b) => a.period.localeCompare(b.period))) plan.run(id, p.period, roundStored(p.amount));
  db.prepare('DELETE FROM project_segment WHERE project_id = ?').run(id);
  const seg = db.prepare('INSERT INTO project_segment (project_id, segment_id) VALUES (?, ?)');
  for (const s of new Set(f.segmentIds)) seg.run(id, s);
}

export interface ChangeContext {
  user: string;
  /** audit action: `create`/`update` for a person's edit, `import` for an import. */
  action?: 'import';
  now?: string;
  lastFollowUpDate?: string | null;
  /**
   * Whether reaching a stage fills its date column when empty (default). An import does not: a list that says 已签约
   * without a signing date does not mean it was signed on the day of the import.
   */
  fillStageDate?: boolean;
}

/** Inserts a project in its first stage, logging that stage; the caller holds the transaction. Returns the id. */
export function insertProject(db: Db, fields: ProjectFields, stage: ProjectStage, stageDate: string, ctx: ChangeContext): number {
  checkProjectFields(db, fields);
  const now = ctx.now ?? new Date().toISOString();
  const f = { ...fields };
  const dateField = STAGE_DATE_FIELD[stage];
  if (dateField && f[dateField] === null && ctx.fillStageDate !== false) f[dateField] = stageDate;
  const values = columnValues(f);
  const cols = Object.keys(values);
  const id = Number(
    db
      .prepare(
        `INSERT INTO project (${cols.join(', ')}, stage, last_follow_up_date, created_at, updated_at)
         VALUES (${cols.map((c) => `@${c}`).join(', ')}, @stage, @lastFollowUp, @now, @now)`,
      )
      .run({ ...values, stage, lastFollowUp: ctx.lastFollowUpDate ?? null, now }).lastInsertRowid,
  );
  writePlanAndSegments(db, id, f);
  db.prepare('INSERT INTO project_stage_log (project_id, from_stage, to_stage, date, by) VALUES (?, NULL, ?, ?, ?)').run(id, stage, stageDate, ctx.user);
  writeAudit(db, { user: ctx.user, action: ctx.action ?? 'create', entity: 'project', entityId: id, after: projectSnapshot(db, id) });
  return id;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a patch really changes, as before/after halves for the audit log. */
export function diffSnapshots<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!same(before[key], after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Applies a partial edit; writes nothing (not even updated_at) when nothing changes. Returns whether it changed. */
export function updateProject(db: Db, id: number, patch: Partial<ProjectFields>, ctx: ChangeContext): boolean {
  const before = projectSnapshot(db, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ProjectFields>;
  const next: ProjectFields = { ...before, ...defined };
  if (defined.reinvestment === false && patch.reinvestEnterpriseId === undefined) next.reinvestEnterpriseId = null;
  checkProjectFields(db, next);
  const nextFollowUp = ctx.lastFollowUpDate !== undefined && ctx.lastFollowUpDate !== null ? ctx.lastFollowUpDate : before.lastFollowUpDate;
  const after: ProjectSnapshot = { ...next, plan: [...next.plan].sort((a, b) => a.period.localeCompare(b.period)).map((p) => ({ period: p.period, amount: roundStored(p.amount) })), segmentIds: [...new Set(next.segmentIds)].sort((a, b) => a - b), stage: before.stage, lastFollowUpDate: nextFollowUp };
  after.totalInvestment = next.totalInvestment === null ? null : roundStored(next.totalInvestment);
  after.contractedFdi = next.contractedFdi === null ? null : roundStored(next.contractedFdi);
  const diff = diffSnapshots(before, after);
  if (!diff) return false;
  const values = columnValues(after);
  db.prepare(`UPDATE project SET ${Object.keys(values).map((c) => `${c} = @${c}`).join(', ')}, last_follow_up_date = @lastFollowUp, updated_at = @now WHERE id = @id`).run({
    ...values,
    lastFollowUp: nextFollowUp,
    now: ctx.now ?? new Date().toISOString(),
    id,
  });
  if ('plan' in diff.after || 'segmentIds' in diff.after) writePlanAndSegments(db, id, after);
  writeAudit(db, { user: ctx.user, action: ctx.action ?? 'update', entity: 'project', entityId: id, ...diff });
  return true;
}

/** Moves a project to a stage: sets that stage's date when it has none, logs the move with date and who. */
export function changeStage(db: Db, id: number, stage: ProjectStage, date: string, note: string, ctx: ChangeContext): void {
  const before = projectSnapshot(db, id);
  if (before.stage === stage) throw new AppError('REFUSED', '项目已处于该阶段');
  const dateField = STAGE_DATE_FIELD[stage];
  const setDate = dateField && before[dateField] === null && ctx.fillStageDate !== false ? `, ${COLUMNS[dateField]} = @date` : '';
  db.prepare(`UPDATE project SET stage = @stage${setDate}, updated_at = @now WHERE id = @id`).run({ stage, date, now: ctx.now ?? new Date().toISOString(), id });
  db.prepare('INSERT INTO project_stage_log (project_id, from_stage, to_stage, date, by, note) VALUES (?, ?, ?, ?, ?, ?)').run(id, before.stage, stage, date, ctx.user, note);
  const after: Record<string, unknown> = { stage, date, note };
  if (setDate) after[dateField!] = date;
  writeAudit(db, { user: ctx.user, action: ctx.action ?? 'stage', entity: 'project', entityId: id, before: { stage: before.stage }, after });
}

export function deleteProject(db: Db, id: number, ctx: ChangeContext): void {
  const before = projectSnapshot(db, id);
  db.prepare('DELETE FROM project WHERE id = ?').run(id);
  writeAudit(db, { user: ctx.user, action: 'delete', entity: 'project', entityId: id, before });
}
