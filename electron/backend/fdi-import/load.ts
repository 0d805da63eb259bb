import type { Statement } from 'better-sqlite3';
import { writeAudit } from '../audit';
import { AppError } from '../errors';
import { DeferredIndexes } from '../db/deferred-indexes';
import type { Db } from '../db/open';
import type { RecordSink } from './check';
import { repeatOf, sameRecord, StoredDuplicates, type Repeat } from './duplicates';
import { hash52, KeyIndex, type CheckedRecord } from './record-keys';
import { RecordWriter } from './record-writer';

export interface BatchMeta {
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

interface OpenBatch extends WrittenBatch {
  fileName: string;
  /** Enterprises with a larger id were created by this batch. */
  enterprisesBefore: number;
}

/** The enterprise fields an import may overwrite, saved for undo. */
const BEFORE_JSON = `json_object('name', e.name, 'investor', e.investor, 'country_code', e.country_code, 'industry_code', e.industry_code,
  'district_id', e.district_id, 'platform_id', e.platform_id, 'setup_date', e.setup_date, 'updated_at', e.updated_at)`;

/** Fewer .xlsx bytes than this per record are unlikely (a return's row compresses to about 70): a high guess of the rows. */
const MIN_BYTES_PER_ROW = 40;

/** Up to this many stored enterprises, their 统一社会信用代码 hashes are read up front (see FdiLoad.firms). */
const KNOWN_FIRMS_LIMIT = 300_000;
/** In FdiLoad.firms: an enterprise stored before the run, none of whose records the run has written yet. */
const STORED_FIRM = 0x7fffffff;

/**
 * Whether to load with fdi_record's and enterprise's secondary indexes dropped and built again at the end: when the
 * files may hold a quarter or more as many records as are stored (an empty database's first return, always).
 */
export function isBulkLoad(db: Db, fileBytes: number): boolean {
  const stored = (db.prepare('SELECT coalesce(max(id), 0) FROM fdi_record').pluck().get() as number) || 0;
  return (fileBytes / MIN_BYTES_PER_ROW) * 4 >= stored;
}

/**
 * The commit's sink: writes each clean row as it is checked, while the parse worker reads on, inside one transaction
 * the caller opened (a refused or cancelled import rolls back whole). Each file is its own batch.
 *
 * - Records go straight into fdi_record. Repeats within the run are found through a map of hashed record keys (a hit
 *   is confirmed against the stored row), repeats of records stored before the run by StoredDuplicates.
 * - Enterprises (matched by 统一社会信用代码) are created at a batch's first record of them. Where the batch's latest
 *   record must win over the first — an enterprise seen again, or one that existed before — its details are tracked
 *   in a temp table and written when the file ends. A firm seen once, the common case, costs nothing more.
 * - A bulk load (`isBulkLoad`) defers the secondary indexes: the rows go in at a tenth of the cost, the indexes are
 *   sorted once in `finish`. It also runs without per-row foreign key checks (see checkReferences).
 */
export class FdiLoad implements RecordSink {
  private readonly batches = new Map<number, OpenBatch>();
  private readonly fileOfBatch = new Map<number, number>();
  private readonly stored: StoredDuplicates;
  /** Record key hash → id of the first record with it in this run. */
  private readonly seenRecords = new KeyIndex();
  /**
   * 统一社会信用代码 hash → id of the current batch's first record of that enterprise (of an earlier batch's, until
   * this one has written one), or STORED_FIRM. Hits are confirmed against the record or by a lookup.
   */
  private readonly firms = new KeyIndex();
  /**
   * Whether `firms` holds every stored enterprise (read up front when there are few enough): then a firm not in it
   * needs no lookup, which most records of a return are (0.15 s of lookups at 100k).
   */
  private readonly firmsComplete: boolean;
  private readonly deferred: DeferredIndexes | null;
  private readonly records: RecordWriter;
  /** A bulk load's reference codes and settings ids, checked once at its end (see checkReferences); null otherwise. */
  private readonly references: References | null;
  private readonly sql: Record<
    'insertBatch' | 'findEnterprise' | 'insertEnterprise' | 'noteUpdate' | 'firstRecord' | 'recordById' | 'seedTracked' | 'track',
    Statement
  >;

  constructor(
    private readonly db: Db,
    private readonly run: { user: string; now: string; bulk: boolean },
  ) {
    this.stored = new StoredDuplicates(db);
    this.records = new RecordWriter(db);
    this.references = run.bulk ? { industries: new Set(), countries: new Set(), districts: new Set(), platforms: new Set() } : null;
    if (run.bulk) {
      this.deferred = new DeferredIndexes(db);
      // stored records are looked up by 统一社会信用代码 for duplicates: that index stays when there are any
      this.deferred.drop(['fdi_record', 'enterprise'], new Set(this.stored.any ? ['fdi_record_uscc'] : []));
    } else this.deferred = null;
    this.firmsComplete = (db.prepare('SELECT count(*) FROM enterprise').pluck().get() as number) <= KNOWN_FIRMS_LIMIT;
    if (this.firmsComplete) for (const uscc of db.prepare('SELECT uscc FROM enterprise WHERE uscc IS NOT NULL').pluck().iterate()) this.firms.set(hash52(uscc as string), STORED_FIRM);
    db.exec(`DROP TABLE IF EXISTS temp.fdi_load_latest;
      CREATE TEMP TABLE fdi_load_latest (uscc TEXT PRIMARY KEY, latest TEXT NOT NULL, name TEXT NOT NULL, investor TEXT,
        country_code TEXT, industry_code TEXT, district_id INTEGER, platform_id INTEGER, new_date TEXT) WITHOUT ROWID`);
    this.sql = {
      insertBatch: db.prepare(
        `INSERT INTO import_batch (kind, file_name, file_hash, sheet, unit, rows, skipped_rows, rejected_rows, created_at, created_by)
         VALUES ('fdi', ?, '', NULL, '', 0, 0, 0, ?, ?)`,
      ),
      findEnterprise: db.prepare('SELECT id FROM enterprise WHERE uscc = ?').pluck(),
      insertEnterprise: db.prepare(
        `INSERT INTO enterprise (name, uscc, investor, country_code, industry_code, setup_date, district_id, platform_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      noteUpdate: db.prepare(`INSERT INTO import_batch_enterprise (batch_id, enterprise_id, action, before) SELECT ?, e.id, 'update', ${BEFORE_JSON} FROM enterprise e WHERE e.id = ?`),
      firstRecord: db.prepare('SELECT enterprise_id AS enterpriseId, uscc, batch_id AS batchId FROM fdi_record WHERE id = ?'),
      recordById: db.prepare('SELECT batch_id AS batchId, source_row AS row, uscc, period, mode, contracted_fdi AS c, actual_fdi AS a FROM fdi_record WHERE id = ?'),
      // an enterprise this batch created and now sees again: tracked from its first record, whose details (and 新设
      // date) it was created with (one tracked from the start, as it existed before, is already there and stays)
      seedTracked: db.prepare(
        `INSERT OR IGNORE INTO temp.fdi_load_latest SELECT e.uscc, r.period || printf('%09d', r.source_row), e.name, e.investor,
           e.country_code, e.industry_code, e.district_id, e.platform_id, e.setup_date
         FROM fdi_record r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.id = ?`,
      ),
      // SET expressions see the row as it was: the latest record's details win, the earliest 新设 date is kept
      track: db.prepare(
        `INSERT INTO temp.fdi_load_latest VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uscc) DO UPDATE SET
           latest = max(latest, excluded.latest),
           name = iif(excluded.latest > latest, excluded.name, name), investor = iif(excluded.latest > latest, excluded.investor, investor),
           country_code = iif(excluded.latest > latest, excluded.country_code, country_code),
           industry_code = iif(excluded.latest > latest, excluded.industry_code, industry_code),
           district_id = iif(excluded.latest > latest, excluded.district_id, district_id),
           platform_id = iif(excluded.latest > latest, excluded.platform_id, platform_id),
           new_date = iif(excluded.new_date IS NOT NULL AND (new_date IS NULL OR excluded.new_date < new_date), excluded.new_date, new_date)`,
      ),
    };
  }

  /** A file's data sheet was accepted: its batch, which its records will point at. */
  openBatch(fileIndex: number, fileName: string): void {
    const batchId = Number(this.sql.insertBatch.run(fileName, this.run.now, this.run.user).lastInsertRowid);
    const enterprisesBefore = this.db.prepare('SELECT coalesce(max(id), 0) FROM enterprise').pluck().get() as number;
    this.batches.set(fileIndex, { batchId, fileName, rows: 0, enterprisesCreated: 0, enterprisesUpdated: 0, enterprisesBefore });
    this.fileOfBatch.set(batchId, fileIndex);
  }

  accept(fileIndex: number, d: CheckedRecord): Repeat | null {
    const duplicate = this.duplicateOf(fileIndex, d);
    if (duplicate) return duplicate;
    const batch = this.batches.get(fileIndex)!;
    const { sql, run } = this;
    const first = this.firms.get(d.firm);
    let earlier: { enterpriseId: number; uscc: string; batchId: number } | undefined;
    if (first !== undefined && first !== STORED_FIRM) {
      this.records.readable(first);
      earlier = sql.firstRecord.get(first) as typeof earlier;
    }
    const same = earlier?.uscc === d.uscc ? earlier : undefined; // not a hash collision
    let enterpriseId: number;
    let tracked = false;
    if (same?.batchId === batch.batchId) {
      enterpriseId = same.enterpriseId;
      sql.seedTracked.run(first); // seen again: from now on its latest record is tracked
      tracked = true;
    } else {
      // created by an earlier batch of the run, stored before it, or (a miss) new unless the stored ones are unknown
      const existing = same ? same.enterpriseId : first !== undefined || !this.firmsComplete ? (sql.findEnterprise.get(d.uscc) as number | undefined) : undefined;
      if (existing !== undefined) {
        enterpriseId = existing;
        sql.noteUpdate.run(batch.batchId, existing);
        batch.enterprisesUpdated++;
        tracked = true;
      } else {
        const setupDate = d.mode === 'new' ? d.date : null;
        enterpriseId = Number(
          sql.insertEnterprise.run(d.enterpriseName, d.uscc, d.investor, d.countryCode, d.industryCode, setupDate, d.districtId, d.platformId, run.now, run.now).lastInsertRowid,
        );
        batch.enterprisesCreated++;
      }
    }
    const refs = this.references;
    if (refs) {
      refs.industries.add(d.industryCode);
      refs.countries.add(d.countryCode);
      if (d.districtId !== null) refs.districts.add(d.districtId);
      if (d.platformId !== null) refs.platforms.add(d.platformId);
    }
    const recordId = this.records.add([
      d.period, enterpriseId, d.enterpriseName, d.uscc, d.mode, d.contractedFdi, d.actualFdi, d.industryCode, d.countryCode, d.districtId, d.platformId, batch.batchId, d.row, run.now,
    ]);
    batch.rows++;
    // the batch's first record of the firm (a collision keeps the slot's firm, which then looks up each time)
    if (first === undefined || first === STORED_FIRM || (same && same.batchId !== batch.batchId)) this.firms.set(d.firm, recordId);
    if (tracked) {
      const latest = `${d.period}${String(d.row).padStart(9, '0')}`;
      sql.track.run(d.uscc, latest, d.enterpriseName, d.investor, d.countryCode, d.industryCode, d.districtId, d.platformId, d.mode === 'new' ? d.date : null);
    }
    if (this.seenRecords.get(d.key) === undefined) this.seenRecords.set(d.key, recordId);
    return null;
  }

  private duplicateOf(fileIndex: number, d: CheckedRecord): Repeat | null {
    const stored = this.stored.find(d);
    if (stored) return stored;
    const earlier = this.seenRecords.get(d.key);
    if (earlier === undefined) return null;
    this.records.readable(earlier);
    const s = this.sql.recordById.get(earlier) as { batchId: number; row: number; uscc: string; period: string; mode: string; c: number; a: number };
    return sameRecord(s, d) ? repeatOf(this.fileOfBatch.get(s.batchId) === fileIndex, s.row) : null;
  }

  /** The file was read to its end: its enterprises get their latest details, its batch its counts and an audit entry. */
  finishFile(fileIndex: number, meta: BatchMeta): WrittenBatch | null {
    const batch = this.batches.get(fileIndex);
    if (!batch) return null;
    const { db, run } = this;
    this.records.flush();
    db.prepare(
      `UPDATE enterprise SET name = t.name, investor = coalesce(t.investor, enterprise.investor), country_code = t.country_code,
         industry_code = t.industry_code, district_id = coalesce(t.district_id, enterprise.district_id),
         platform_id = coalesce(t.platform_id, enterprise.platform_id),
         setup_date = iif(enterprise.id > ?, t.new_date, coalesce(enterprise.setup_date, t.new_date)), updated_at = ?
       FROM temp.fdi_load_latest t WHERE enterprise.uscc = t.uscc`,
    ).run(batch.enterprisesBefore, run.now);
    db.exec('DELETE FROM temp.fdi_load_latest');
    db.prepare(`INSERT INTO import_batch_enterprise (batch_id, enterprise_id, action) SELECT ?, id, 'create' FROM enterprise WHERE id > ?`).run(
      batch.batchId,
      batch.enterprisesBefore,
    );
    if (meta.districtId !== null) this.references?.districts.add(meta.districtId);
    db.prepare('UPDATE import_batch SET file_hash = ?, sheet = ?, unit = ?, district_id = ?, rows = ?, skipped_rows = ?, rejected_rows = ? WHERE id = ?').run(
      meta.fileHash,
      meta.sheet,
      meta.unit,
      meta.districtId,
      batch.rows,
      meta.skippedRows,
      meta.rejectedRows,
      batch.batchId,
    );
    writeAudit(db, {
      user: run.user,
      action: 'import',
      entity: 'import_batch',
      entityId: batch.batchId,
      after: {
        kind: 'fdi',
        file: batch.fileName,
        sha256: meta.fileHash,
        sheet: meta.sheet,
        unit: meta.unit,
        district: meta.districtName,
        rows: batch.rows,
        skippedRows: meta.skippedRows,
        rejectedRows: meta.rejectedRows,
        enterprisesCreated: batch.enterprisesCreated,
        enterprisesUpdated: batch.enterprisesUpdated,
      },
    });
    const { batchId, rows, enterprisesCreated, enterprisesUpdated } = batch;
    return { batchId, rows, enterprisesCreated, enterprisesUpdated };
  }

  /** Every file has ended: the deferred indexes are built (the caller commits). */
  finish(progress?: (done: number, total: number) => void): void {
    this.records.flush();
    this.checkReferences();
    this.deferred?.rebuild(progress);
    this.seenRecords.clear();
    this.firms.clear();
  }

  /**
   * A bulk load runs with foreign keys off (the caller turns them off before its transaction): checking each record's
   * six references cost the writing thread a fifth of its time. Instead the distinct codes and ids it wrote are
   * looked up here, once, before the commit. Enterprise and batch ids are this transaction's own. Reference codes and
   * district or platform ids come from what the job read before the transaction began, so one deleted in between
   * refuses the import.
   */
  private checkReferences(): void {
    const refs = this.references;
    if (!refs) return;
    const missing: string[] = [];
    const find = (label: string, sql: string, values: Iterable<string | number>) => {
      const exists = this.db.prepare(sql).pluck();
      for (const v of values) if (exists.get(v) === undefined) missing.push(`${label} ${v}`);
    };
    find('行业', 'SELECT 1 FROM ref_industry WHERE code = ?', refs.industries);
    find('国别（地区）', 'SELECT 1 FROM ref_country WHERE code = ?', refs.countries);
    find('区县', 'SELECT 1 FROM district WHERE id = ?', refs.districts);
    find('园区', 'SELECT 1 FROM platform WHERE id = ?', refs.platforms);
    if (missing.length) throw new AppError('CONFLICT', `导入期间这些参考数据或设置被删除：${missing.slice(0, 10).join('、')}；未导入任何记录，请重新导入`);
  }
}

interface References {
  industries: Set<string>;
  countries: Set<string>;
  districts: Set<number>;
  platforms: Set<number>;
}
