import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { RecordSink } from './check';
import { repeatOf, sameRecord, StoredDuplicates, type Repeat } from './duplicates';
import { KeyIndex, type CheckedRecord } from './record-keys';

const STAGE_CHUNK = 5000;

/**
 * The preview's sink: clean rows are only checked for duplicates, never written. Repeats within the run are found
 * through a map of hashed record keys, a hit confirmed against the row's identity, kept in a temp table with no index
 * (on disk: `temp_store = FILE`, so a million rows do not sit in memory); repeats of stored records by
 * StoredDuplicates.
 */
export class FdiStage implements RecordSink {
  private readonly insert: Statement;
  private readonly stagedRow: Statement;
  private readonly stored: StoredDuplicates;
  /** Record key hash → rowid of the first staged row with it. */
  private readonly seen = new KeyIndex();
  private pending = 0;

  constructor(private readonly db: Db) {
    db.pragma('temp_store = FILE');
    db.exec(`DROP TABLE IF EXISTS temp.fdi_stage;
      CREATE TEMP TABLE fdi_stage (file INTEGER NOT NULL, row INTEGER NOT NULL, uscc TEXT NOT NULL, period TEXT NOT NULL,
        mode TEXT NOT NULL, c REAL NOT NULL, a REAL NOT NULL)`);
    this.insert = db.prepare('INSERT INTO temp.fdi_stage VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.stagedRow = db.prepare('SELECT file, row, uscc, period, mode, c, a FROM temp.fdi_stage WHERE rowid = ?');
    this.stored = new StoredDuplicates(db);
  }

  accept(fileIndex: number, d: CheckedRecord): Repeat | null {
    const stored = this.stored.find(d);
    if (stored) return stored;
    const { key } = d;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      this.flush();
      const s = this.stagedRow.get(earlier) as { file: number; row: number; uscc: string; period: string; mode: string; c: number; a: number };
      if (sameRecord(s, d)) return repeatOf(s.file === fileIndex, s.row);
    }
    if (this.pending === 0) this.db.exec('BEGIN');
    const { lastInsertRowid } = this.insert.run(fileIndex, d.row, d.uscc, d.period, d.mode, d.contractedFdi, d.actualFdi);
    if (earlier === undefined) this.seen.set(key, Number(lastInsertRowid));
    if (++this.pending >= STAGE_CHUNK) this.flush();
    return null;
  }

  /** Ends the open staging transaction (before a staged row is read back, and at the end). */
  flush(): void {
    if (this.pending > 0) this.db.exec('COMMIT');
    this.pending = 0;
  }
}
