import type { Firm, Target, TargetContact } from '../../../shared/api/chains';
import type { FirmRole, TargetPriority, TargetStatus } from '../../../shared/domain/chain';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { touchChain, type Actor } from './mutations';
import { readFirm, readSegment, readTarget } from './queries';

/** Local firms (本地企业) in segments, targets to attract (招商目标) and their contact log. */

export interface FirmInput {
  id?: number;
  segmentId: number;
  enterpriseId: number | null;
  companyName: string;
  role: FirmRole;
  notes: string;
}

function enterpriseName(db: Db, id: number): string {
  const row = db.prepare('SELECT name FROM enterprise WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `企业库中的企业 ${id}`);
  return row.name;
}

export function saveFirm({ db, user }: Actor, input: FirmInput): Firm {
  const segment = readSegment(db, input.segmentId);
  // a firm from the register keeps the register's name; a typed-in firm needs one
  const name = input.enterpriseId !== null ? enterpriseName(db, input.enterpriseId) : input.companyName.trim();
  if (!name) throw new AppError('INVALID_INPUT', '请选择企业库中的企业或填写企业名称');
  const duplicate = db
    .prepare(
      `SELECT id FROM segment_enterprise WHERE segment_id = ? AND id IS NOT ? AND
         ((? IS NOT NULL AND enterprise_id = ?) OR replace(company_name, ' ', '') = replace(?, ' ', ''))`,
    )
    .get(input.segmentId, input.id ?? null, input.enterpriseId, input.enterpriseId, name);
  if (duplicate) throw new AppError('CONFLICT', `“${name}”已在环节“${segment.name}”中`);
  let id = input.id;
  if (id !== undefined) {
    const before = readFirm(db, id);
    db.prepare('UPDATE segment_enterprise SET segment_id = ?, enterprise_id = ?, company_name = ?, role = ?, notes = ? WHERE id = ?').run(
      input.segmentId,
      input.enterpriseId,
      name,
      input.role,
      input.notes,
      id,
    );
    writeAudit(db, { user, action: 'update', entity: 'segment_enterprise', entityId: id, before, after: { ...input, companyName: name } });
  } else {
    id = Number(
      db
        .prepare('INSERT INTO segment_enterprise (segment_id, enterprise_id, company_name, role, notes) VALUES (?, ?, ?, ?, ?)')
        .run(input.segmentId, input.enterpriseId, name, input.role, input.notes).lastInsertRowid,
    );
    writeAudit(db, { user, action: 'create', entity: 'segment_enterprise', entityId: id, after: { ...input, companyName: name } });
  }
  touchChain(db, segment.chainId);
  return readFirm(db, id);
}

export function deleteFirm({ db, user }: Actor, id: number): void {
  const before = readFirm(db, id);
  db.prepare('DELETE FROM segment_enterprise WHERE id = ?').run(id);
  writeAudit(db, { user, action: 'delete', entity: 'segment_enterprise', entityId: id, before });
  touchChain(db, readSegment(db, before.segmentId).chainId);
}

export interface TargetInput {
  id?: number;
  segmentId: number;
  company: string;
  countryCode: string | null;
  headquarters: string;
  rationale: string;
  priority: TargetPriority;
  status: TargetStatus;
  owner: string;
  projectId: number | null;
  industryCode?: string | null;
}

export function checkCountry(db: Db, code: string | null): void {
  if (code === null) return;
  if (!db.prepare('SELECT 1 FROM ref_country WHERE code = ?').get(code)) throw new AppError('COUNTRY_UNKNOWN', code);
}

export function saveTarget({ db, user }: Actor, input: TargetInput): Target {
  const segment = readSegment(db, input.segmentId);
  checkCountry(db, input.countryCode);
  if (input.projectId !== null && !db.prepare('SELECT 1 FROM project WHERE id = ?').get(input.projectId)) {
    throw new AppError('NOT_FOUND', `项目 ${input.projectId}`);
  }
  const now = new Date().toISOString();
  const industry = input.industryCode ?? null;
  if (industry !== null && !db.prepare('SELECT 1 FROM ref_industry WHERE code = ?').get(industry)) throw new AppError('INDUSTRY_UNKNOWN', industry);
  const values = [input.segmentId, input.company, input.countryCode, input.headquarters, input.rationale, input.priority, input.status, input.owner, input.projectId, industry];
  let id = input.id;
  if (id !== undefined) {
    const before = readTarget(db, id);
    db.prepare(
      `UPDATE target SET segment_id = ?, company = ?, country_code = ?, headquarters = ?, rationale = ?, priority = ?, status = ?, owner = ?,
         project_id = ?, industry_code = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    writeAudit(db, { user, action: 'update', entity: 'target', entityId: id, before, after: input });
  } else {
    id = Number(
      db
        .prepare(
          `INSERT INTO target (segment_id, company, country_code, headquarters, rationale, priority, status, owner, project_id, industry_code, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, now, now).lastInsertRowid,
    );
    writeAudit(db, { user, action: 'create', entity: 'target', entityId: id, after: input });
  }
  touchChain(db, segment.chainId);
  return readTarget(db, id);
}

export function deleteTarget({ db, user }: Actor, id: number): void {
  const before = readTarget(db, id);
  db.prepare('DELETE FROM target WHERE id = ?').run(id);
  writeAudit(db, { user, action: 'delete', entity: 'target', entityId: id, before });
  touchChain(db, readSegment(db, before.segmentId).chainId);
}

export function listContacts(db: Db, targetId: number): TargetContact[] {
  readTarget(db, targetId);
  return db.prepare('SELECT id, target_id AS targetId, date, notes, by FROM target_contact WHERE target_id = ? ORDER BY date DESC, id DESC').all(targetId) as TargetContact[];
}

export function addContact({ db, user }: Actor, input: { targetId: number; date: string; notes: string; by?: string }): TargetContact {
  const target = readTarget(db, input.targetId);
  const by = input.by ?? user;
  const id = Number(db.prepare('INSERT INTO target_contact (target_id, date, notes, by) VALUES (?, ?, ?, ?)').run(input.targetId, input.date, input.notes, by).lastInsertRowid);
  db.prepare('UPDATE target SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), input.targetId);
  writeAudit(db, { user, action: 'create', entity: 'target_contact', entityId: id, after: { ...input, by } });
  touchChain(db, readSegment(db, target.segmentId).chainId);
  return { id, targetId: input.targetId, date: input.date, notes: input.notes, by };
}
