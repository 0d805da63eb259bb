import type { ImportBatch } from '../../../shared/api/fdiImport';
import { writeAudit } from '../audit';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { markBatchesDirty } from '../stats/summary/dirty';

export function listFdiBatches(db: Db): ImportBatch[] {
  return db
    .prepare(
      `SELECT b.id, b.file_name AS fileName, b.file_hash AS fileHash, b.sheet, b.unit, d.name AS district, b.rows,
         b.skipped_rows AS skippedRows, b.rejected_rows AS rejectedRows, b.created_at AS createdAt, b.created_by AS createdBy,
         b.undone_at AS undoneAt, (SELECT count(*) FROM fdi_record r WHERE r.batch_id = b.id) AS records
       FROM import_batch b LEFT JOIN district d ON d.id = b.district_id WHERE b.kind = 'fdi' ORDER BY b.id DESC`,
    )
    .all() as ImportBatch[];
}

/** Every (table, column) whose foreign key points at enterprise, so undo never deletes a firm something refers to. */
function enterpriseReferences(db: Db): Array<{ table: string; column: string }> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const refs: Array<{ table: string; column: string }> = [];
  for (const table of tables) {
    if (table === 'import_batch_enterprise') continue;
    for (const fk of db.pragma(`foreign_key_list("${table}")`) as Array<{ table: string; from: string }>) {
      if (fk.table === 'enterprise') refs.push({ table, column: fk.from });
    }
  }
  return refs;
}

/**
 * Undoes an FDI import: removes its records, puts back the enterprise fields it overwrote (where nothing changed them
 * since), removes the enterprises it created that nothing else refers to, and marks the batch undone. One transaction.
 */
export function undoFdiBatch(db: Db, batchId: number, user: string) {
  const batch = db.prepare("SELECT id, file_name, created_at, undone_at FROM import_batch WHERE id = ? AND kind = 'fdi'").get(batchId) as
    | { id: number; file_name: string; created_at: string; undone_at: string | null }
    | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `第${batchId}批外资统计导入`);
  if (batch.undone_at) throw new AppError('BATCH_UNDONE', `第${batchId}批已于 ${batch.undone_at} 撤销`);
  const unreferenced = enterpriseReferences(db)
    .map((r) => `NOT EXISTS (SELECT 1 FROM "${r.table}" x WHERE x."${r.column}" = enterprise.id)`)
    .join(' AND ');
  return db.transaction(() => {
    markBatchesDirty(db, [batchId]);
    const removedRecords = db.prepare('DELETE FROM fdi_record WHERE batch_id = ?').run(batchId).changes;
    const field = (name: string) => `json_extract(b.before, '$.${name}')`;
    const restoredEnterprises = db
      .prepare(
        `UPDATE enterprise SET name = ${field('name')}, investor = ${field('investor')}, country_code = ${field('country_code')},
           industry_code = ${field('industry_code')}, district_id = ${field('district_id')}, platform_id = ${field('platform_id')},
           setup_date = ${field('setup_date')}, updated_at = ${field('updated_at')}
         FROM import_batch_enterprise b
         WHERE b.batch_id = ? AND b.action = 'update' AND b.enterprise_id = enterprise.id AND enterprise.updated_at = ?`,
      )
      .run(batchId, batch.created_at).changes;
    const removedEnterprises = db
      .prepare(
        `DELETE FROM enterprise WHERE id IN (SELECT enterprise_id FROM import_batch_enterprise WHERE batch_id = ? AND action = 'create')
         ${unreferenced ? `AND ${unreferenced}` : ''}`,
      )
      .run(batchId).changes;
    const undoneAt = new Date().toISOString();
    db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?').run(undoneAt, batchId);
    writeAudit(db, {
      user,
      action: 'undo',
      entity: 'import_batch',
      entityId: batchId,
      after: { file: batch.file_name, removedRecords, removedEnterprises, restoredEnterprises },
    });
    return { batchId, removedRecords, removedEnterprises, restoredEnterprises };
  })();
}
