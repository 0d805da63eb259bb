import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import type { ChainImportPlan } from './import-validate';
import { createChain } from './mutations';

/**
 * Writes a checked chain workbook as a new chain. Call inside one transaction: any failure leaves nothing behind.
 * Parents are written before their children, so each segment finds its parent's id.
 */
export function writeChainImport(
  db: Db,
  user: string,
  plan: ChainImportPlan,
  input: { name: string; threshold: number; fileName: string; fileHash: string },
): { chainId: number; segments: number; links: number; firms: number; targets: number } {
  const chainId = createChain(
    { db, user },
    {
      name: input.name,
      owner: plan.chain.owner,
      description: plan.chain.description,
      threshold: plan.chain.threshold ?? input.threshold,
      template: null,
      tiers: plan.chain.tiers,
    },
  );
  const now = new Date().toISOString();
  const batchId = Number(
    db
      .prepare(`INSERT INTO import_batch (kind, file_name, file_hash, rows, created_at, created_by) VALUES ('chain', ?, ?, ?, ?, ?)`)
      .run(input.fileName, input.fileHash, plan.segments.length + plan.firms.length + plan.targets.length + plan.links.length + plan.contacts.length, now, user)
      .lastInsertRowid,
  );
  const ids = new Map<string, number>();
  const insertSegment = db.prepare(
    `INSERT INTO segment (chain_id, parent_id, name, tier, sort, position_x, position_y, status_override, override_reason, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byName = new Map(plan.segments.map((s) => [s.name, s]));
  let sort = 0;
  const add = (name: string) => {
    if (ids.has(name)) return;
    const s = byName.get(name)!;
    if (s.parent !== null) add(s.parent);
    const id = insertSegment.run(chainId, s.parent === null ? null : ids.get(s.parent)!, s.name, s.tier, ++sort, s.x, s.y, s.override?.status ?? null, s.override?.reason ?? null, s.notes).lastInsertRowid;
    ids.set(name, Number(id));
  };
  for (const s of plan.segments) add(s.name);
  const insertLink = db.prepare('INSERT INTO segment_link (chain_id, from_segment_id, to_segment_id) VALUES (?, ?, ?)');
  for (const l of plan.links) insertLink.run(chainId, ids.get(l.from)!, ids.get(l.to)!);
  const insertFirm = db.prepare('INSERT INTO segment_enterprise (segment_id, enterprise_id, company_name, role, notes) VALUES (?, ?, ?, ?, ?)');
  for (const f of plan.firms) insertFirm.run(ids.get(f.segment)!, f.enterpriseId, f.name, f.role, f.notes);
  const insertTarget = db.prepare(
    `INSERT INTO target (segment_id, company, country_code, headquarters, rationale, priority, status, owner, project_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const targetIds = new Map<string, number>();
  for (const t of plan.targets) {
    const id = insertTarget.run(ids.get(t.segment)!, t.company, t.countryCode, t.headquarters, t.rationale, t.priority, t.status, t.owner, t.projectId, now, now).lastInsertRowid;
    targetIds.set(`${t.segment}\u0000${t.company}`, Number(id));
  }
  const insertContact = db.prepare('INSERT INTO target_contact (target_id, date, notes, by) VALUES (?, ?, ?, ?)');
  for (const c of plan.contacts) insertContact.run(targetIds.get(`${c.segment}\u0000${c.company}`)!, c.date, c.notes, c.by);
  writeAudit(db, {
    user,
    action: 'import',
    entity: 'chain',
    entityId: chainId,
    after: { batchId, file: input.fileName, segments: plan.segments.length, links: plan.links.length, firms: plan.firms.length, targets: plan.targets.length, contacts: plan.contacts.length },
  });
  return { chainId, segments: plan.segments.length, links: plan.links.length, firms: plan.firms.length, targets: plan.targets.length };
}
