import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { RecordSink } from './check';
import { repeatOf, sameRecord, StoredDuplicates } from './duplicates';
import type { FdiRecordDraft } from './normalize';

const STAGE_CHUNK = 5000;

/** FNV-1a (64-bit, kept to 52 bits so it is an exact JS number) of a text. */
export function hash52(text: string): number {
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // multiply the 64-bit (hi, lo) by the FNV prime 0x100000001b3 in 32-bit halves
    const l = lo * 0x1b3;
    const h = hi * 0x1b3 + lo * 0x100 + Math.floor(l / 0x100000000);
    lo = l >>> 0;
    hi = h >>> 0;
  }
  return (hi & 0xfffff) * 0x100000000 + lo;
}

/** The hash of what makes two rows the same record: 统一社会信用代码 + period + mode + both amounts. */
export function recordKey(d: FdiRecordDraft): number {
  return hash52(`${d.uscc}|${d.period}|${d.mode}|${d.contractedFdi}|${d.actualFdi}`);
}

/**
 * Hash → staged rowid, open addressing in typed arrays: a million keys take 24 MB instead of the ~80 MB of a Map of
 * boxed numbers. Rowids start at 1, so 0 marks an empty slot.
 */
export class KeyIndex {
  private keys = new Float64Array(1 << 16);
  private rowids = new Int32Array(1 << 16);
  private count = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (key % 0x7fffffff) & mask;
    while (this.rowids[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number | undefined {
    const rowid = this.rowids[this.slot(key)]!;
    return rowid === 0 ? undefined : rowid;
  }

  set(key: number, rowid: number): void {
    const i = this.slot(key);
    if (this.rowids[i] === 0) this.count++;
    this.keys[i] = key;
    this.rowids[i] = rowid;
    if (this.count * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, rowids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rowids = new Int32Array(rowids.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (rowids[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.rowids[j] = rowids[i]!;
    }
  }

  clear(): void {
    this.keys = new Float64Array(1 << 16);
    this.rowids = new Int32Array(1 << 16);
    this.count = 0;
  }
}

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

  accept(fileIndex: number, d: FdiRecordDraft): string | null {
    const stored = this.stored.find(d);
    if (stored) return stored;
    const key = recordKey(d);
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
