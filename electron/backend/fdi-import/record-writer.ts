import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

const COLUMNS = [
  'id', 'period', 'enterprise_id', 'enterprise_name', 'uscc', 'mode', 'contracted_fdi', 'actual_fdi', 'industry_code', 'country_code',
  'district_id', 'platform_id', 'batch_id', 'source_row', 'created_at',
] as const;
/** Records per INSERT statement. */
const PER_INSERT = 64;

export type RecordValues = [
  period: string, enterpriseId: number, enterpriseName: string, uscc: string, mode: string, contractedFdi: number, actualFdi: number,
  industryCode: string, countryCode: string, districtId: number | null, platformId: number | null, batchId: number, sourceRow: number, createdAt: string,
];

/**
 * Writes fdi_record rows PER_INSERT at a time, with ids given here (the load holds the write lock, so max(id) + 1
 * onwards are free): one statement and one binding per 64 records instead of per record, about 0.1 s less of the
 * writing thread at 100k. A record still waiting is written before anything reads it (`readable`).
 */
export class RecordWriter {
  private next: number;
  private pending: unknown[] = [];
  private pendingFrom = 0;
  private readonly one: Statement;
  private readonly many: Statement;

  constructor(db: Db) {
    this.next = (db.prepare('SELECT coalesce(max(id), 0) FROM fdi_record').pluck().get() as number) + 1;
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO fdi_record (${COLUMNS.join(', ')}) VALUES `;
    this.one = db.prepare(insert + row);
    this.many = db.prepare(insert + Array(PER_INSERT).fill(row).join(', '));
  }

  /** Queues a record; returns its id. */
  add(values: RecordValues): number {
    const id = this.next++;
    if (this.pending.length === 0) this.pendingFrom = id;
    this.pending.push(id, ...values);
    if (this.pending.length === PER_INSERT * COLUMNS.length) this.flush();
    return id;
  }

  /** Writes the record `id` if it is still waiting, so that it can be read. */
  readable(id: number): void {
    if (this.pending.length && id >= this.pendingFrom) this.flush();
  }

  flush(): void {
    const { pending } = this;
    if (pending.length === PER_INSERT * COLUMNS.length) this.many.run(pending);
    else for (let i = 0; i < pending.length; i += COLUMNS.length) this.one.run(pending.slice(i, i + COLUMNS.length));
    this.pending = [];
  }
}
