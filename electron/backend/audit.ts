import type { Db } from './db/open';

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'undo' | 'restore' | 'stage' | 'resolve' | 'override' | 'confirm';

/** Writes one audit entry. Call it inside the transaction of the change it records. */
export function writeAudit(
  db: Db,
  entry: { user: string; action: AuditAction; entity: string; entityId?: string | number | null; before?: unknown; after?: unknown },
): void {
  db.prepare('INSERT INTO audit_log (at, user, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    entry.user,
    entry.action,
    entry.entity,
    entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
