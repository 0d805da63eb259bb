import type { Firm, Target, TargetContact } from '../../../shared/api/chains';
import type { FirmRole, TargetPriority, TargetStatus } from '../../../shared/domain/chain';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { readSegmentIn, touchChain, type Actor } from './mutations';
import { readFirm, readSegment, readTarget } from './queries';

/** Local firms (本地企业) in segments, targets to attract (招商目标) and their contact log. */

export interface FirmInput {
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

/** The firm's name (a firm from the register keeps the register's name; a typed-in firm needs one), not twice in a segment. */
function firmName(db: Db, chainId: number, input: FirmInput, id: number | null): string {
  const segment = readSegmentIn(db, chainId, input.segmentId);
  const name = input.enterpriseId !== null ? enterpriseName(db, input.enterpriseId) : input.companyName.trim();
  if (!name) throw new AppError('INVALID_INPUT', '请选择企业库中的企业或填写企业名称');
  const duplicate = db
    .prepare(
      `SELECT id FROM segment_enterprise WHERE segment_id = ? AND id IS NOT ? AND
         ((? IS NOT NULL AND enterprise_id = ?) OR replace(company_name, ' ', '') = replace(?, ' ', ''))`,
    )
    .get(input.segmentId, id, input.enterpriseId, input.enterpriseId, name);
  if (duplicate) throw new AppError('CONFLICT', `“${name}”已在环节“${segment.name}”中`);
  return name;
}

/** A firm of this chain. */
function readFirmIn(db: Db, chainId: number, id: number): Firm {
  const firm = readFirm(db, id);
  readSegmentIn(db, chainId, firm.segmentId);
  return firm;
}

/** Adds a firm to a segment; `id` puts a removed one back under its old id. */
export function addFirm(db: Db, chainId: number, input: FirmInput & { id?: number }): Firm {
  const name = firmName(db, chainId, input, null);
  const id = Number(
    db
      .prepare('INSERT INTO segment_enterprise (id, segment_id, enterprise_id, company_name, role, notes) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.id ?? null, input.segmentId, input.enterpriseId, name, input.role, input.notes).lastInsertRowid,
  );
  return readFirm(db, id);
}

/** Changes a firm; returns it as it was. */
export function updateFirm(db: Db, chainId: number, id: number, input: FirmInput): Firm {
  const before = readFirmIn(db, chainId, id);
  const name = firmName(db, chainId, input, id);
  db.prepare('UPDATE segment_enterprise SET segment_id = ?, enterprise_id = ?, company_name = ?, role = ?, notes = ? WHERE id = ?').run(input.segmentId, input.enterpriseId, name, input.role, input.notes, id);
  return before;
}

/** Removes a firm; returns it. */
export function deleteFirm(db: Db, chainId: number, id: number): Firm {
  const before = readFirmIn(db, chainId, id);
  db.prepare('DELETE FROM segment_enterprise WHERE id = ?').run(id);
  return before;
}

export interface TargetInput {
  segmentId: number;
  company: string;
  countryCode: string | null;
  headquarters: string;
  rationale: string;
  priority: TargetPriority;
  status: TargetStatus;
  owner: string;
  projectId: number | null;
  industryCode: string | null;
}
export type ContactEntry = Pick<TargetContact, 'date' | 'notes' | 'by'>;

export function checkCountry(db: Db, code: string | null): void {
  if (code === null) return;
  if (!db.prepare('SELECT 1 FROM ref_country WHERE code = ?').get(code)) throw new AppError('COUNTRY_UNKNOWN', code);
}

function checkTarget(db: Db, chainId: number, input: TargetInput): unknown[] {
  readSegmentIn(db, chainId, input.segmentId);
  checkCountry(db, input.countryCode);
  if (input.projectId !== null && !db.prepare('SELECT 1 FROM project WHERE id = ?').get(input.projectId)) throw new AppError('NOT_FOUND', `项目 ${input.projectId}`);
  if (input.industryCode !== null && !db.prepare('SELECT 1 FROM ref_industry WHERE code = ?').get(input.industryCode)) throw new AppError('INDUSTRY_UNKNOWN', input.industryCode);
  return [input.segmentId, input.company, input.countryCode, input.headquarters, input.rationale, input.priority, input.status, input.owner, input.projectId, input.industryCode];
}

/** A target's fields, as an edit gives them. */
function targetInput(db: Db, chainId: number, id: number): TargetInput {
  const t = readTarget(db, id);
  readSegmentIn(db, chainId, t.segmentId);
  const { segmentId, company, countryCode, headquarters, rationale, priority, status, owner, projectId, industryCode } = t;
  return { segmentId, company, countryCode, headquarters, rationale, priority, status, owner, projectId, industryCode };
}

/** Adds a target; `id` (with its contact log) puts a deleted one back under its old id. */
export function addTarget(db: Db, chainId: number, input: TargetInput & { id?: number; contactLog: ContactEntry[] }): Target {
  const values = checkTarget(db, chainId, input);
  const now = new Date().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO target (id, segment_id, company, country_code, headquarters, rationale, priority, status, owner, project_id, industry_code, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.id ?? null, ...values, now, now).lastInsertRowid,
  );
  const insertContact = db.prepare('INSERT INTO target_contact (target_id, date, notes, by) VALUES (?, ?, ?, ?)');
  for (const c of input.contactLog) insertContact.run(id, c.date, c.notes, c.by);
  return readTarget(db, id);
}

/** Changes a target; returns it as it was. */
export function updateTarget(db: Db, chainId: number, id: number, input: TargetInput): TargetInput {
  const before = targetInput(db, chainId, id);
  const values = checkTarget(db, chainId, input);
  db.prepare(
    `UPDATE target SET segment_id = ?, company = ?, country_code = ?, headquarters = ?, rationale = ?, priority = ?, status = ?, owner = ?,
       project_id = ?, industry_code = ?, updated_at = ? WHERE id = ?`,
  ).run(...values, new Date().toISOString(), id);
  return before;
}

/** Deletes a target with its contact log; returns both, as the edit that would add it again. */
export function deleteTarget(db: Db, chainId: number, id: number): TargetInput & { id: number; contactLog: ContactEntry[] } {
  const fields = targetInput(db, chainId, id);
  const contactLog = db.prepare('SELECT date, notes, by FROM target_contact WHERE target_id = ? ORDER BY id').all(id) as ContactEntry[];
  const before = { id, ...fields, contactLog };
  db.prepare('DELETE FROM target WHERE id = ?').run(id);
  return before;
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
