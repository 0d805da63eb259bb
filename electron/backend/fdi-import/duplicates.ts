import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { FdiRecordDraft } from './normalize';

/** What makes two rows the same record: 统一社会信用代码 + period + mode + both amounts (a stored row's, as read back). */
export function sameRecord(s: { uscc: string; period: string; mode: string; c: number; a: number }, d: FdiRecordDraft): boolean {
  return s.uscc === d.uscc && s.period === d.period && s.mode === d.mode && s.c === d.contractedFdi && s.a === d.actualFdi;
}

/** What a row repeats: its problem text, and the batch of the stored record it repeats (null: a row of this run). */
export interface Repeat {
  description: string;
  storedBatch: number | null;
}

/** A row that repeats an earlier one of the same run. */
export function repeatOf(sameFile: boolean, row: number): Repeat {
  return { description: `与${sameFile ? `本文件第${row}行` : `同批导入的另一文件第${row}行`}相同（统一社会信用代码、月份、投资方式和金额都一样）`, storedBatch: null };
}

/**
 * Repeats of records stored before this run: looked up through fdi_record's (uscc, period, mode) index, only for the
 * months that had records, and only among the records there were (a commit writes its own as it goes).
 */
export class StoredDuplicates {
  private readonly periods: Set<string>;
  private readonly recordsBefore: number;
  private readonly stored: Statement;

  constructor(db: Db) {
    this.periods = new Set(db.prepare('SELECT DISTINCT period FROM fdi_record').pluck().all() as string[]);
    this.recordsBefore = db.prepare('SELECT coalesce(max(id), 0) FROM fdi_record').pluck().get() as number;
    this.stored = db.prepare(
      `SELECT r.source_row AS row, b.id AS batchId, b.file_name AS fileName FROM fdi_record r LEFT JOIN import_batch b ON b.id = r.batch_id
       WHERE r.uscc = ? AND r.period = ? AND r.mode = ? AND r.contracted_fdi = ? AND r.actual_fdi = ? AND r.id <= ? LIMIT 1`,
    );
  }

  /** Whether any record was stored (then the lookups need fdi_record's uscc index). */
  get any(): boolean {
    return this.periods.size > 0;
  }

  /** What `d` repeats when it repeats a stored record, else null. */
  find(d: FdiRecordDraft): Repeat | null {
    if (!this.periods.has(d.period)) return null;
    const s = this.stored.get(d.uscc, d.period, d.mode, d.contractedFdi, d.actualFdi, this.recordsBefore) as
      | { row: number | null; batchId: number | null; fileName: string | null }
      | undefined;
    return s ? { description: `与已导入的记录相同（第${s.batchId ?? '?'}批《${s.fileName ?? ''}》第${s.row ?? '?'}行）`, storedBatch: s.batchId } : null;
  }
}
