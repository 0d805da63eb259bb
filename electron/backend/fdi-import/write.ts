import { writeAudit } from '../audit';
import type { Db } from '../db/open';

export interface BatchMeta {
  fileIndex: number;
  fileName: string;
  fileHash: string;
  sheet: string | null;
  unit: string;
  districtId: number | null;
  districtName: string | null;
  skippedRows: number;
  rejectedRows: number;
}

export interface WrittenBatch {
  batchId: number;
  rows: number;
  enterprisesCreated: number;
  enterprisesUpdated: number;
}

/** The enterprise fields an import may overwrite, saved for undo. */
const BEFORE_JSON = `json_object('name', e.name, 'investor', e.investor, 'country_code', e.country_code, 'industry_code', e.industry_code,
  'district_id', e.district_id, 'platform_id', e.platform_id, 'setup_date', e.setup_date, 'updated_at', e.updated_at)`;

/**
 * Writes the staged rows of each file as its own batch, all in one transaction: the batch row, enterprises created
 * or updated from the records (matched by 统一社会信用代码; the latest record's details win), the records, and an
 * audit entry per batch. What a batch created or overwrote is noted in import_batch_enterprise for undo.
 *
 * Everything goes in ordered by 统一社会信用代码, so the indexes keyed by it (enterprise's, fdi_record's) grow at
 * their end instead of at random pages: that is what keeps a million-row import from thrashing the page cache.
 * Runs in the check worker, on its own connection.
 */
export function writeBatches(db: Db, batches: readonly BatchMeta[], user: string, now: string): WrittenBatch[] {
  const insertBatch = db.prepare(
    `INSERT INTO import_batch (kind, file_name, file_hash, sheet, unit, district_id, rows, skipped_rows, rejected_rows, created_at, created_by)
     VALUES ('fdi', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const write = db.transaction(() =>
    batches.map((meta): WrittenBatch => {
      const batchId = Number(insertBatch.run(meta.fileName, meta.fileHash, meta.sheet, meta.unit, meta.districtId, meta.skippedRows, meta.rejectedRows, now, user).lastInsertRowid);
      // one line per enterprise: the columns of its latest record (SQLite takes bare columns from the max() row),
      // and the date of its 新设 record; both by sorting the stage, which reads it in order rather than seeking
      db.exec('DROP TABLE IF EXISTS temp.fdi_stage_enterprise; DROP TABLE IF EXISTS temp.fdi_stage_setup');
      db.exec('CREATE TEMP TABLE fdi_stage_setup (uscc TEXT PRIMARY KEY, setup_date TEXT) WITHOUT ROWID');
      db.prepare(
        `INSERT INTO temp.fdi_stage_setup SELECT uscc, min(date) FROM temp.fdi_stage
         WHERE file = ? AND mode = 'new' AND date IS NOT NULL GROUP BY uscc`,
      ).run(meta.fileIndex);
      db.prepare(
        `CREATE TEMP TABLE fdi_stage_enterprise AS
         SELECT s.uscc, max(s.period || printf('%09d', s.row)) AS latest, s.enterprise_name, s.investor, s.country_code,
           s.industry_code, s.district_id, s.platform_id, NULL AS setup_date
         FROM temp.fdi_stage s WHERE s.file = ${Number(meta.fileIndex)} GROUP BY s.uscc ORDER BY s.uscc`,
      ).run();
      db.exec('UPDATE temp.fdi_stage_enterprise SET setup_date = (SELECT n.setup_date FROM temp.fdi_stage_setup n WHERE n.uscc = fdi_stage_enterprise.uscc)');
      const maxId = db.prepare('SELECT coalesce(max(id), 0) FROM enterprise').pluck().get() as number;
      db.prepare(
        `INSERT INTO import_batch_enterprise (batch_id, enterprise_id, action, before)
         SELECT ?, e.id, 'update', ${BEFORE_JSON} FROM temp.fdi_stage_enterprise t JOIN enterprise e ON e.uscc = t.uscc`,
      ).run(batchId);
      const updated = db
        .prepare(
          `UPDATE enterprise SET name = t.enterprise_name, investor = coalesce(t.investor, enterprise.investor),
             country_code = t.country_code, industry_code = t.industry_code,
             district_id = coalesce(t.district_id, enterprise.district_id), platform_id = coalesce(t.platform_id, enterprise.platform_id),
             setup_date = coalesce(enterprise.setup_date, t.setup_date), updated_at = ?
           FROM temp.fdi_stage_enterprise t WHERE enterprise.uscc = t.uscc`,
        )
        .run(now).changes;
      const created = db
        .prepare(
          `INSERT INTO enterprise (name, uscc, investor, country_code, industry_code, setup_date, district_id, platform_id, created_at, updated_at)
           SELECT enterprise_name, uscc, investor, country_code, industry_code, setup_date, district_id, platform_id, ?, ?
           FROM temp.fdi_stage_enterprise t WHERE NOT EXISTS (SELECT 1 FROM enterprise e WHERE e.uscc = t.uscc) ORDER BY uscc`,
        )
        .run(now, now).changes;
      db.prepare(`INSERT INTO import_batch_enterprise (batch_id, enterprise_id, action) SELECT ?, id, 'create' FROM enterprise WHERE id > ?`).run(batchId, maxId);
      const rows = db
        .prepare(
          `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, uscc, mode, contracted_fdi, actual_fdi, industry_code,
             country_code, district_id, platform_id, batch_id, source_row, created_at)
           SELECT s.period, e.id, s.enterprise_name, s.uscc, s.mode, s.contracted_fdi, s.actual_fdi, s.industry_code, s.country_code,
             s.district_id, s.platform_id, ?, s.row, ?
           FROM temp.fdi_stage s JOIN enterprise e ON e.uscc = s.uscc WHERE s.file = ? ORDER BY s.uscc, s.rowid`,
        )
        .run(batchId, now, meta.fileIndex).changes;
      db.prepare('UPDATE import_batch SET rows = ? WHERE id = ?').run(rows, batchId);
      db.exec('DROP TABLE temp.fdi_stage_enterprise; DROP TABLE temp.fdi_stage_setup');
      writeAudit(db, {
        user,
        action: 'import',
        entity: 'import_batch',
        entityId: batchId,
        after: {
          kind: 'fdi',
          file: meta.fileName,
          sha256: meta.fileHash,
          sheet: meta.sheet,
          unit: meta.unit,
          district: meta.districtName,
          rows,
          skippedRows: meta.skippedRows,
          rejectedRows: meta.rejectedRows,
          enterprisesCreated: created,
          enterprisesUpdated: updated,
        },
      });
      return { batchId, rows, enterprisesCreated: created, enterprisesUpdated: updated };
    }),
  );
  return write.immediate();
}
