import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { RecordSink } from './check';
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
 * The preview's sink: clean rows are only checked for duplicates, never written. They are appended to a temp table with no index
 * (on disk: `temp_store = FILE`, so a million rows do not sit in memory); repeats within the run are found through a
 * map of hashed record keys (a hash hit is confirmed against the staged row), and repeats of stored records through
 * fdi_record's index, only for months that had records before the run. A record is 统一社会信用代码 + period + mode +
 * both amounts.
 */
export class FdiStage implements RecordSink {
  private readonly insert: Statement;
  private readonly stagedRow: Statement;
  private readonly stored: Statement;
  private readonly storedPeriods: Set<string>;
  /** Record key hash → rowid of the first staged row with it. */
  private readonly seen = new KeyIndex();
  private pending = 0;

  constructor(private readonly db: Db) {
    db.pragma('temp_store = FILE');
    db.exec(`DROP TABLE IF EXISTS temp.fdi_stage;
      CREATE TEMP TABLE fdi_stage (
        file INTEGER NOT NULL, row INTEGER NOT NULL, period TEXT NOT NULL, date TEXT, enterprise_name TEXT NOT NULL,
        uscc TEXT NOT NULL, investor TEXT, mode TEXT NOT NULL, contracted_fdi REAL NOT NULL, actual_fdi REAL NOT NULL,
        industry_code TEXT NOT NULL, country_code TEXT NOT NULL, district_id INTEGER, platform_id INTEGER)`);
    this.insert = db.prepare('INSERT INTO temp.fdi_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.stagedRow = db.prepare('SELECT file, row, uscc, period, mode, contracted_fdi AS c, actual_fdi AS a FROM temp.fdi_stage WHERE rowid = ?');
    this.stored = db.prepare(
      `SELECT r.source_row AS row, b.id AS batchId, b.file_name AS fileName FROM fdi_record r LEFT JOIN import_batch b ON b.id = r.batch_id
       WHERE r.uscc = ? AND r.period = ? AND r.mode = ? AND r.contracted_fdi = ? AND r.actual_fdi = ? LIMIT 1`,
    );
    this.storedPeriods = new Set(db.prepare('SELECT DISTINCT period FROM fdi_record').pluck().all() as string[]);
  }

  accept(fileIndex: number, d: FdiRecordDraft): string | null {
    if (this.storedPeriods.has(d.period)) {
      const stored = this.stored.get(d.uscc, d.period, d.mode, d.contractedFdi, d.actualFdi) as { row: number | null; batchId: number | null; fileName: string | null } | undefined;
      if (stored) return `与已导入的记录相同（第${stored.batchId ?? '?'}批《${stored.fileName ?? ''}》第${stored.row ?? '?'}行）`;
    }
    const key = recordKey(d);
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      this.flush();
      const s = this.stagedRow.get(earlier) as { file: number; row: number; uscc: string; period: string; mode: string; c: number; a: number };
      if (s.uscc === d.uscc && s.period === d.period && s.mode === d.mode && s.c === d.contractedFdi && s.a === d.actualFdi) {
        const where = s.file === fileIndex ? `本文件第${s.row}行` : `同批导入的另一文件第${s.row}行`;
        return `与${where}相同（统一社会信用代码、月份、投资方式和金额都一样）`;
      }
    }
    if (this.pending === 0) this.db.exec('BEGIN');
    const { lastInsertRowid } = this.insert.run(fileIndex, d.row, d.period, d.date, d.enterpriseName, d.uscc, d.investor, d.mode, d.contractedFdi, d.actualFdi, d.industryCode, d.countryCode, d.districtId, d.platformId);
    if (earlier === undefined) this.seen.set(key, Number(lastInsertRowid));
    if (++this.pending >= STAGE_CHUNK) this.flush();
    return null;
  }

  /** Lets go of the duplicate map (its rows are all staged) before the write needs the memory. */
  release(): void {
    this.seen.clear();
  }

  /** Ends the open staging transaction (before reading the stage, and before the commit's own transaction). */
  flush(): void {
    if (this.pending > 0) this.db.exec('COMMIT');
    this.pending = 0;
  }
}
