import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { FdiRecordDraft } from './normalize';

const STAGE_CHUNK = 5000;

/**
 * Clean rows wait in a temp table (on disk: `temp_store = FILE`, so a million rows do not sit in memory) until the
 * commit writes them in one transaction. Its unique key is what makes two rows the same record: 统一社会信用代码 +
 * period + mode + both amounts. The same key finds duplicates among stored records.
 */
export class FdiStage {
  private insert: Statement;
  private firstRow: Statement;
  private stored: Statement;
  /** Periods that have stored records: a row in any other period cannot duplicate one, so skip the lookup. */
  private storedPeriods: Set<string>;
  private pending = 0;

  constructor(private db: Db) {
    db.pragma('temp_store = FILE');
    db.exec(`DROP TABLE IF EXISTS temp.fdi_stage;
      CREATE TEMP TABLE fdi_stage (
        file INTEGER NOT NULL, row INTEGER NOT NULL, period TEXT NOT NULL, date TEXT, enterprise_name TEXT NOT NULL,
        uscc TEXT NOT NULL, investor TEXT, mode TEXT NOT NULL, contracted_fdi REAL NOT NULL, actual_fdi REAL NOT NULL,
        industry_code TEXT NOT NULL, country_code TEXT NOT NULL, district_id INTEGER, platform_id INTEGER,
        UNIQUE (uscc, period, mode, contracted_fdi, actual_fdi))`);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO temp.fdi_stage VALUES (@file, @row, @period, @date, @enterpriseName, @uscc, @investor, @mode,
         @contractedFdi, @actualFdi, @industryCode, @countryCode, @districtId, @platformId)`,
    );
    this.firstRow = db.prepare(
      'SELECT file, row FROM temp.fdi_stage WHERE uscc = ? AND period = ? AND mode = ? AND contracted_fdi = ? AND actual_fdi = ?',
    );
    this.stored = db.prepare(
      `SELECT r.source_row AS row, b.id AS batchId, b.file_name AS fileName FROM fdi_record r LEFT JOIN import_batch b ON b.id = r.batch_id
       WHERE r.uscc = ? AND r.period = ? AND r.mode = ? AND r.contracted_fdi = ? AND r.actual_fdi = ? LIMIT 1`,
    );
    this.storedPeriods = new Set((db.prepare('SELECT DISTINCT period FROM fdi_record').pluck().all() as string[]));
  }

  /** The stored record this row repeats, if any. */
  findStored(d: FdiRecordDraft): { row: number | null; batchId: number | null; fileName: string | null } | null {
    if (!this.storedPeriods.has(d.period)) return null;
    return (this.stored.get(d.uscc, d.period, d.mode, d.contractedFdi, d.actualFdi) as { row: number | null; batchId: number | null; fileName: string | null }) ?? null;
  }

  /** Stages a clean row; returns the earlier staged row it repeats instead, if any. */
  add(file: number, d: FdiRecordDraft): { file: number; row: number } | null {
    if (this.pending === 0) this.db.exec('BEGIN');
    const { changes } = this.insert.run({ ...d, file });
    if (++this.pending >= STAGE_CHUNK) this.flush();
    if (changes > 0) return null;
    return this.firstRow.get(d.uscc, d.period, d.mode, d.contractedFdi, d.actualFdi) as { file: number; row: number };
  }

  /** Ends the open staging transaction (call before reading the stage or writing the batch). */
  flush(): void {
    if (this.pending > 0) this.db.exec('COMMIT');
    this.pending = 0;
  }

  /** Drops the rows staged for one file (its import was refused and others go on). */
  dropFile(file: number): void {
    this.flush();
    this.db.prepare('DELETE FROM temp.fdi_stage WHERE file = ?').run(file);
  }

  count(file?: number): number {
    this.flush();
    return file === undefined
      ? (this.db.prepare('SELECT count(*) FROM temp.fdi_stage').pluck().get() as number)
      : (this.db.prepare('SELECT count(*) FROM temp.fdi_stage WHERE file = ?').pluck().get(file) as number);
  }
}
