import type { AccessStatus, PolicyEntity } from '../../../shared/domain/policy';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { refreshPolicyIndustry } from './industry';
import { EDITION, policyDetail } from './status';

function requireMeasure(db: Db, edition: string, no: number): void {
  if (!db.prepare('SELECT 1 FROM ref_negative_measure WHERE edition = ? AND no = ?').get(edition, no)) throw new AppError('NOT_FOUND', `负面清单第${no}条`);
}

/**
 * A person's judgement of a project's (target's, firm's) status, with the reason, replacing the computed one; null
 * clears it. Logged on the thing judged, so its own history shows it. Run inside a transaction.
 */
export function setOverride(db: Db, entity: PolicyEntity, id: number, status: AccessStatus | null, measureNo: number | null, reason: string, user: string): void {
  const before = policyDetail(db, entity, id).override;
  if (status === null) {
    if (!before) return;
    db.prepare('DELETE FROM policy_override WHERE entity = ? AND entity_id = ?').run(entity, id);
    writeAudit(db, { user, action: 'override', entity, entityId: id, before: { policy: before }, after: { policy: null } });
    return;
  }
  if (!reason.trim()) throw new AppError('OVERRIDE_REASON_REQUIRED', '人工认定准入状态须写明理由');
  if (measureNo !== null) requireMeasure(db, EDITION, measureNo);
  const no = status === 'open' ? null : measureNo;
  const at = new Date().toISOString();
  db.prepare(
    `INSERT INTO policy_override (entity, entity_id, status, edition, no, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(entity, entity_id) DO UPDATE SET status = excluded.status, edition = excluded.edition, no = excluded.no,
       reason = excluded.reason, by = excluded.by, at = excluded.at`,
  ).run(entity, id, status, EDITION, no, reason.trim(), user, at);
  writeAudit(db, { user, action: 'override', entity, entityId: id, before: { policy: before }, after: { policy: { status, measureNo: no, reason: reason.trim() } } });
}

/** The 鼓励类 item a person chose or confirmed for a project (target, firm); null clears it. Run inside a transaction. */
export function chooseEncouraged(db: Db, entity: PolicyEntity, id: number, itemId: number | null, user: string): void {
  const before = policyDetail(db, entity, id).chosen;
  if (itemId === null) {
    if (!before) return;
    db.prepare('DELETE FROM policy_encouraged_choice WHERE entity = ? AND entity_id = ?').run(entity, id);
  } else {
    if (!db.prepare('SELECT 1 FROM encouraged_item WHERE id = ?').get(itemId)) throw new AppError('NOT_FOUND', `鼓励类条目 ${itemId}`);
    db.prepare(
      `INSERT INTO policy_encouraged_choice (entity, entity_id, item_id, by, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(entity, entity_id) DO UPDATE SET item_id = excluded.item_id, by = excluded.by, at = excluded.at`,
    ).run(entity, id, itemId, user, new Date().toISOString());
  }
  const item = (i: { id: number; text: string; catalogueVersion: string } | null) => (i ? { itemId: i.id, text: i.text, catalogue: i.catalogueVersion } : null);
  const after = itemId === null ? null : policyDetail(db, entity, id).chosen;
  writeAudit(db, { user, action: 'confirm', entity, entityId: id, before: { encouraged: item(before) }, after: { encouraged: item(after) } });
}

/**
 * The bureau's correction of which classes a measure touches: `full`/`partial` sets the class's coverage, `none`
 * takes a shipped class away, null drops the correction (back to the shipped mapping). Statuses are recomputed.
 */
export function editMeasureClass(
  db: Db,
  edit: { edition: 'national' | 'ftz'; no: number; industryCode: string; coverage: 'full' | 'partial' | 'none' | null; reason: string },
  user: string,
): void {
  requireMeasure(db, edit.edition, edit.no);
  const level = db.prepare('SELECT level FROM ref_industry WHERE code = ?').get(edit.industryCode) as { level: string } | undefined;
  if (level?.level !== 'class') throw new AppError('INVALID_INPUT', `${edit.industryCode} 不是国民经济行业小类`);
  const key = [edit.edition, edit.no, edit.industryCode] as const;
  const before = db.prepare('SELECT coverage, reason FROM policy_mapping_edit WHERE edition = ? AND no = ? AND industry_code = ?').get(...key) ?? null;
  if (edit.coverage === null) {
    if (!before) return;
    db.prepare('DELETE FROM policy_mapping_edit WHERE edition = ? AND no = ? AND industry_code = ?').run(...key);
  } else {
    if (!edit.reason.trim()) throw new AppError('OVERRIDE_REASON_REQUIRED', '修正措施涉及的行业须写明理由');
    db.prepare(
      `INSERT INTO policy_mapping_edit (edition, no, industry_code, coverage, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(edition, no, industry_code) DO UPDATE SET coverage = excluded.coverage, reason = excluded.reason, by = excluded.by, at = excluded.at`,
    ).run(...key, edit.coverage, edit.reason.trim(), user, new Date().toISOString());
  }
  const after = edit.coverage === null ? null : { coverage: edit.coverage, reason: edit.reason.trim() };
  writeAudit(db, { user, action: 'update', entity: 'negative_measure', entityId: `${edit.edition}:${edit.no}`, before: { industryCode: edit.industryCode, edit: before }, after: { industryCode: edit.industryCode, edit: after } });
  refreshPolicyIndustry(db);
}
