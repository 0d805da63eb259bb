import type { AuditFilter, AuditRow } from '../../../shared/api/audit';
import { AUDIT_ENTITIES, BATCH_KIND_AREAS, auditActionName, auditAreaOf, auditEntitiesOf, auditEntityName, type AuditArea } from '../../../shared/domain/audit';
import type { Db } from '../db/open';
import { toAuditEntry } from '../projects/queries';

type Params = Record<string, unknown>;
type LogRow = Parameters<typeof toAuditEntry>[0];

/** A local calendar day's start as the log stores time (UTC ISO): the bureau's 2026-03-01 starts at 16:00Z the day before. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const nextDayStart = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

function list(params: Params, name: string, values: readonly string[]): string {
  return values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ');
}

/** The WHERE clause over audit_log for a filter, served by the (entity, entity_id, at), (at) and (user, at) indexes. */
export function auditWhere(filter: AuditFilter, params: Params): string {
  const where: string[] = [];
  if (filter.areas?.length) {
    const known = filter.areas.flatMap(auditEntitiesOf).filter((e) => e !== 'import_batch');
    const parts = known.length ? [`entity IN (${list(params, 'entity', known)})`] : [];
    // an import batch is the area's whose kind it names (projects, enterprises), else 外资统计's
    const batchKinds = Object.values(BATCH_KIND_AREAS);
    const kindSql = "coalesce(json_extract(after, '$.kind'), '')";
    for (const area of filter.areas) {
      const kind = BATCH_KIND_AREAS[area as AuditArea];
      if (kind) parts.push(`(entity = 'import_batch' AND ${kindSql} = '${kind}')`);
      if (area === 'fdi') parts.push(`(entity = 'import_batch' AND ${kindSql} NOT IN (${batchKinds.map((k) => `'${k}'`).join(', ')}))`);
    }
    // 其他: kinds this version does not name (written by a newer one, or by hand)
    if (filter.areas.includes('other')) parts.push(`entity NOT IN (${list(params, 'known', Object.keys(AUDIT_ENTITIES))})`);
    where.push(`(${parts.join(' OR ') || '0'})`);
  }
  if (filter.entity) {
    params.oneEntity = filter.entity;
    where.push('entity = @oneEntity');
    if (filter.entityId) {
      params.entityId = filter.entityId;
      where.push('entity_id = @entityId');
    }
  }
  if (filter.users?.length) where.push(`user IN (${list(params, 'user', filter.users)})`);
  if (filter.actions?.length) where.push(`action IN (${list(params, 'action', filter.actions)})`);
  if (filter.from) {
    params.from = dayStart(filter.from);
    where.push('at >= @from');
  }
  if (filter.to) {
    params.to = nextDayStart(filter.to);
    where.push('at < @to');
  }
  return where.length ? where.join(' AND ') : '1';
}

/** Tables whose row names what an entry is about, when the entry itself does not say. */
const NAMED: Record<string, string> = {
  project: 'SELECT name FROM project WHERE id = ?',
  enterprise: 'SELECT name FROM enterprise WHERE id = ?',
  chain: 'SELECT name FROM chain WHERE id = ?',
  chain_edit: 'SELECT name FROM chain WHERE id = ?',
  segment: 'SELECT name FROM segment WHERE id = ?',
  target: 'SELECT company FROM target WHERE id = ?',
  district: 'SELECT name FROM district WHERE id = ?',
  platform: 'SELECT name FROM platform WHERE id = ?',
  import_batch: 'SELECT file_name FROM import_batch WHERE id = ?',
  encouraged_catalogue: 'SELECT version FROM encouraged_catalogue WHERE id = ?',
};

function subjectOf(db: Db, entity: string, entityId: string | null, before: unknown, after: unknown): string {
  const pick = (v: unknown, key: string) => (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[key] === 'string' ? ((v as Record<string, string>)[key] as string) : '');
  for (const key of ['name', 'companyName', 'company', 'file', 'from']) {
    const text = pick(after, key) || pick(before, key);
    if (text) return key === 'from' ? `恢复自 ${text}` : text;
  }
  if (entity === 'negative_measure' && entityId) return `第${entityId.split(':').pop()}条`;
  if (entity === 'fx_rate' && entityId) return entityId; // the month or year the rate is for
  if (entity === 'ref_list' && entityId) return (db.prepare('SELECT name FROM ref_list WHERE list = ?').pluck().get(entityId) as string | undefined) ?? entityId;
  if (entity === 'setting' && entityId === 'stats') return '口径与表头';
  const sql = NAMED[entity];
  if (!sql || !entityId || !/^\d+$/.test(entityId)) return '';
  const row = db.prepare(sql).pluck().get(Number(entityId)) as string | undefined;
  return row ?? '';
}

export function toAuditRow(db: Db, r: LogRow): AuditRow {
  const entry = toAuditEntry(r);
  return {
    ...entry,
    area: auditAreaOf(entry.entity, entry.after),
    actionName: auditActionName(entry.action),
    entityName: auditEntityName(entry.entity),
    subject: subjectOf(db, entry.entity, entry.entityId, entry.before, entry.after),
  };
}

/**
 * Newest first, by time (ties by id): the order the (at), (user, at) and (entity, entity_id, at) indexes already
 * hold, so a page of one user's or one kind's entries is read in order instead of sorted from all of them.
 */
export const AUDIT_ORDER = 'at DESC, id DESC';

/** One page of the log, newest first, with how many entries the filter matches. */
export function listAudit(db: Db, filter: AuditFilter, offset: number, limit: number): { rows: AuditRow[]; total: number } {
  const params: Params = {};
  const where = auditWhere(filter, params);
  const total = (db.prepare(`SELECT count(*) FROM audit_log WHERE ${where}`).pluck().get(params) as number) ?? 0;
  const rows = db.prepare(`SELECT * FROM audit_log WHERE ${where} ORDER BY ${AUDIT_ORDER} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as LogRow[];
  return { rows: rows.map((r) => toAuditRow(db, r)), total };
}

/** The distinct values of an indexed column, each found by one index seek (a log of millions has a handful). */
const distinctSql = (column: 'user' | 'entity') => `WITH RECURSIVE v(x) AS (
    SELECT min(${column}) FROM audit_log
    UNION ALL SELECT (SELECT min(${column}) FROM audit_log WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL)
  SELECT x FROM v WHERE x IS NOT NULL`;

/** The users and kinds present in the log. */
export function auditFacets(db: Db): { users: string[]; entities: string[] } {
  return { users: db.prepare(distinctSql('user')).pluck().all() as string[], entities: db.prepare(distinctSql('entity')).pluck().all() as string[] };
}
