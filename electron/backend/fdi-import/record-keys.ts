import type { FdiRecordDraft } from './normalize';

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

/** A clean record with its hashed keys, as the check worker's sinks take it. */
export interface CheckedRecord extends FdiRecordDraft {
  /** Hash of what makes two rows the same record: 统一社会信用代码 + period + mode + both amounts. */
  key: number;
  /** Hash of the 统一社会信用代码. */
  firm: number;
}

/** Values per record in a RecordBatch: a draft's 13 fields. */
const WIDTH = 13;

/**
 * Records as they cross to the check worker: their values one after another in one array. Structured clone writes
 * every key of every object it copies; as objects, 100k records cost both threads half a second more.
 */
export type RecordBatch = unknown[];

export function packRecord(batch: RecordBatch, d: FdiRecordDraft): void {
  batch.push(d.row, d.period, d.date, d.enterpriseName, d.uscc, d.investor, d.mode, d.contractedFdi, d.actualFdi, d.industryCode, d.countryCode, d.districtId, d.platformId);
}

/** The records of a batch, hashed on the check worker's side (the parse worker is the busier one). */
export function* unpackRecords(batch: RecordBatch): Generator<CheckedRecord> {
  for (let i = 0; i < batch.length; i += WIDTH) {
    const v = (k: number) => batch[i + k] as never;
    const uscc: string = v(4);
    const period: string = v(1);
    const mode: FdiRecordDraft['mode'] = v(6);
    const contractedFdi: number = v(7);
    const actualFdi: number = v(8);
    yield {
      row: v(0), period, date: v(2), enterpriseName: v(3), uscc, investor: v(5), mode, contractedFdi, actualFdi, industryCode: v(9),
      countryCode: v(10), districtId: v(11), platformId: v(12), key: hash52(`${uscc}|${period}|${mode}|${contractedFdi}|${actualFdi}`), firm: hash52(uscc),
    };
  }
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
