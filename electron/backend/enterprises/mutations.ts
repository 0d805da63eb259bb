import type { EnterpriseFields } from '../../../shared/api/enterprises';
import { roundStored } from '../../../shared/rules/money';
import { checkUscc, USCC_REASON_ZH } from '../../../shared/rules/uscc';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { diffSnapshots } from '../projects/mutations';
import { markEnterprisesDirty } from '../stats/summary/dirty';

const COLUMNS: Record<keyof EnterpriseFields, string> = {
  name: 'name',
  uscc: 'uscc',
  investor: 'investor',
  countryCode: 'country_code',
  industryCode: 'industry_code',
  registeredCapital: 'registered_capital',
  foreignShare: 'foreign_share',
  setupDate: 'setup_date',
  districtId: 'district_id',
  platformId: 'platform_id',
  notes: 'notes',
};
const FIELDS = Object.keys(COLUMNS) as (keyof EnterpriseFields)[];

export function enterpriseSnapshot(db: Db, id: number): EnterpriseFields {
  const r = db.prepare('SELECT * FROM enterprise WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) throw new AppError('NOT_FOUND', `企业 ${id}`);
  const snap = Object.fromEntries(FIELDS.map((f) => [f, r[COLUMNS[f]]])) as EnterpriseFields;
  snap.investor = snap.investor ?? '';
  return snap;
}

/** A 统一社会信用代码 normalised and checked (GB 32100); blank is null. Throws USCC_INVALID with the reason. */
export function normalizedUscc(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const check = checkUscc(raw);
  if (!check.valid) throw new AppError('USCC_INVALID', `${check.code}：${USCC_REASON_ZH[check.reason]}`);
  return check.code;
}

/** The enterprise holding a code, if any (other than `exceptId`). */
export function enterpriseByUscc(db: Db, uscc: string, exceptId?: number): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM enterprise WHERE uscc = ? AND id IS NOT ?').get(uscc, exceptId ?? null) as { id: number; name: string } | undefined;
}

const exists = (db: Db, sql: string, value: unknown) => value === null || value === undefined || db.prepare(sql).get(value) !== undefined;

function checkFields(db: Db, f: EnterpriseFields, selfId?: number): void {
  if (!exists(db, 'SELECT 1 FROM ref_country WHERE code = ?', f.countryCode)) throw new AppError('COUNTRY_UNKNOWN', String(f.countryCode));
  if (!exists(db, 'SELECT 1 FROM ref_industry WHERE code = ?', f.industryCode)) throw new AppError('INDUSTRY_UNKNOWN', String(f.industryCode));
  if (!exists(db, 'SELECT 1 FROM district WHERE id = ?', f.districtId)) throw new AppError('NOT_FOUND', `区县 ${f.districtId}`);
  if (!exists(db, 'SELECT 1 FROM platform WHERE id = ?', f.platformId)) throw new AppError('NOT_FOUND', `园区 ${f.platformId}`);
  if (f.uscc) {
    const holder = enterpriseByUscc(db, f.uscc, selfId);
    if (holder) throw new AppError('CONFLICT', `统一社会信用代码 ${f.uscc} 已属于“${holder.name}”（编号 ${holder.id}），请修改该企业或将两条记录合并`);
  }
}

function normalize(f: EnterpriseFields): EnterpriseFields {
  return { ...f, uscc: normalizedUscc(f.uscc), registeredCapital: f.registeredCapital === null ? null : roundStored(f.registeredCapital) };
}

export interface EnterpriseChange {
  user: string;
  action?: 'import';
}

export function insertEnterprise(db: Db, fields: EnterpriseFields, ctx: EnterpriseChange): number {
  const f = normalize(fields);
  checkFields(db, f);
  const now = new Date().toISOString();
  const values = Object.fromEntries(FIELDS.map((k) => [COLUMNS[k], f[k]]));
  const id = Number(
    db
      .prepare(`INSERT INTO enterprise (${Object.keys(values).join(', ')}, created_at, updated_at) VALUES (${Object.keys(values).map((c) => `@${c}`).join(', ')}, @now, @now)`)
      .run({ ...values, now }).lastInsertRowid,
  );
  writeAudit(db, { user: ctx.user, action: ctx.action ?? 'create', entity: 'enterprise', entityId: id, after: f });
  return id;
}

/** Applies a partial edit; nothing is written when nothing changes. Returns whether it changed. */
export function updateEnterprise(db: Db, id: number, patch: Partial<EnterpriseFields>, ctx: EnterpriseChange): boolean {
  const before = enterpriseSnapshot(db, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<EnterpriseFields>;
  const after = normalize({ ...before, ...defined });
  checkFields(db, after, id);
  const diff = diffSnapshots(before, after);
  if (!diff) return false;
  // 境内再投资 into it counts by this share (byForeignShare): those months of the stats are counted again
  if (before.foreignShare !== after.foreignShare) markEnterprisesDirty(db, [id], true);
  const values = Object.fromEntries(FIELDS.map((k) => [COLUMNS[k], after[k]]));
  db.prepare(`UPDATE enterprise SET ${Object.keys(values).map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...values,
    now: new Date().toISOString(),
    id,
  });
  writeAudit(db, { user: ctx.user, action: ctx.action ?? 'update', entity: 'enterprise', entityId: id, ...diff });
  return true;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Folds one enterprise record into another (the same firm entered twice, e.g. once by name from a return and once
 * with its code): its FDI records, projects and chain roles move over, blank fields of the kept one are filled from
 * it, and it is deleted. Two different codes are two different firms and are refused.
 */
export function mergeEnterprises(db: Db, keepId: number, mergeId: number, ctx: EnterpriseChange): void {
  if (keepId === mergeId) throw new AppError('REFUSED', '不能与自身合并');
  const keep = enterpriseSnapshot(db, keepId);
  const merged = enterpriseSnapshot(db, mergeId);
  if (keep.uscc && merged.uscc && keep.uscc !== merged.uscc) throw new AppError('REFUSED', '两家企业的统一社会信用代码不同，不是同一家企业，不能合并');
  const filled: Partial<EnterpriseFields> = {};
  for (const f of FIELDS) if (isBlank(keep[f]) && !isBlank(merged[f])) (filled as Record<string, unknown>)[f] = merged[f];
  // the stats count each enterprise at its first 新设 record: the months of both firms' records are counted again
  markEnterprisesDirty(db, [keepId, mergeId]);
  const moved = {
    fdiRecords: db.prepare('UPDATE fdi_record SET enterprise_id = ? WHERE enterprise_id = ?').run(keepId, mergeId).changes,
    projects:
      db.prepare('UPDATE project SET enterprise_id = ? WHERE enterprise_id = ?').run(keepId, mergeId).changes +
      db.prepare('UPDATE project SET reinvest_enterprise_id = ? WHERE reinvest_enterprise_id = ?').run(keepId, mergeId).changes,
    chainRoles: db.prepare('UPDATE segment_enterprise SET enterprise_id = ? WHERE enterprise_id = ?').run(keepId, mergeId).changes,
  };
  // The code moves with the firm: free it on the merged record before the kept one takes it (UNIQUE).
  db.prepare('DELETE FROM enterprise WHERE id = ?').run(mergeId);
  writeAudit(db, { user: ctx.user, action: 'delete', entity: 'enterprise', entityId: mergeId, before: merged, after: { mergedInto: keepId } });
  if (Object.keys(filled).length) updateEnterprise(db, keepId, filled, ctx);
  writeAudit(db, { user: ctx.user, action: 'update', entity: 'enterprise', entityId: keepId, before: { mergedFrom: mergeId }, after: { mergedFrom: mergeId, moved } });
}
