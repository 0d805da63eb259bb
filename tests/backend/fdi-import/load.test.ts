/** The commit's load: enterprises from several records, indexes deferred and rebuilt, backups only of what committed. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/backend/db/backups';
import Database from 'better-sqlite3';
import { FdiLoad, isBulkLoad } from '../../../electron/backend/fdi-import/load';
import { hash52 } from '../../../electron/backend/fdi-import/record-keys';
import type { FdiImportResult } from '../../../shared/api/fdiImport';
import { call, tempDir } from '../../helpers/backend';
import { commitJob, fdiBackend, importFile, register } from '../../helpers/fdi-backend';
import { layoutRows, makeRecords, writeXlsx, type FixtureRecord } from '../../helpers/fdi-fixtures';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Records of one enterprise (the first record's USCC), each with its own name, country, mode and date. */
function sameFirm(records: FixtureRecord[], rows: Array<{ name: string; country: string; mode: string; date: Date }>): FixtureRecord[] {
  return rows.map((r, i) => ({ ...records[i]!, cells: { ...records[i]!.cells, uscc: records[0]!.cells.uscc, name: r.name, country: r.country, mode: r.mode, date: r.date } }));
}

const indexes = (db: import('better-sqlite3').Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

describe('FDI commit load', () => {
  it("gives an enterprise seen in several records its latest record's details and its earliest 新设 date", async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const base = makeRecords(4, { seed: 71 });
    // out of order in the file: the May record is the latest, the January 新设 the earliest
    const rows = sameFirm(base, [
      { name: '江海三月科技有限公司', country: '香港', mode: '新设', date: utc(2025, 3, 5) },
      { name: '江海五月科技有限公司', country: '新加坡', mode: '增资', date: utc(2025, 5, 20) },
      { name: '江海一月科技有限公司', country: '日本', mode: '新设', date: utc(2025, 1, 10) },
    ]);
    const other = base[3]!; // seen once: as written
    const first = await importFile(backend, await writeXlsx(path.join(dir, 'a.xlsx'), [{ name: 'S', ...layoutRows([...rows, other], {}) }]), { district: '江北区' });
    expect(first.batches[0]).toMatchObject({ rows: 4, enterprisesCreated: 2, enterprisesUpdated: 0 });
    const firm = (uscc: string) => backend.ctx.db.prepare('SELECT name, country_code AS country, setup_date AS setupDate FROM enterprise WHERE uscc = ?').get(uscc);
    expect(firm(rows[0]!.cells.uscc)).toEqual({ name: '江海五月科技有限公司', country: 'SGP', setupDate: '2025-01-10' });
    expect(firm(other.cells.uscc)).toMatchObject({ name: other.cells.name, country: other.expected.countryCode });

    // a later file: the firm exists, so its 成立日期 stays, and this file's latest record names it
    const later = sameFirm(makeRecords(2, { seed: 72 }), [
      { name: '江海九月科技有限公司', country: '德国', mode: '增资', date: utc(2025, 9, 1) },
      { name: '江海二月科技有限公司', country: '美国', mode: '新设', date: utc(2024, 2, 1) },
    ]).map((r) => ({ ...r, cells: { ...r.cells, uscc: rows[0]!.cells.uscc } }));
    const second = await importFile(backend, await writeXlsx(path.join(dir, 'b.xlsx'), [{ name: 'S', ...layoutRows(later, {}) }]), { district: '江北区' });
    expect(second.batches[0]).toMatchObject({ rows: 2, enterprisesCreated: 0, enterprisesUpdated: 1 });
    expect(firm(rows[0]!.cells.uscc)).toEqual({ name: '江海九月科技有限公司', country: 'DEU', setupDate: '2025-01-10' });
    const before = backend.ctx.db.prepare('SELECT before FROM import_batch_enterprise WHERE batch_id = ?').pluck().get(second.batches[0]!.batchId) as string;
    expect(JSON.parse(before)).toMatchObject({ name: '江海五月科技有限公司', country_code: 'SGP' });
  });

  it('updates, in the second file of one consolidation, an enterprise the first file created', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const inA = sameFirm(makeRecords(2, { seed: 73 }), [
      { name: '江海甲科技有限公司', country: '香港', mode: '新设', date: utc(2025, 2, 1) },
      { name: '江海乙科技有限公司', country: '日本', mode: '增资', date: utc(2025, 4, 1) },
    ]);
    const inB = sameFirm(makeRecords(2, { seed: 74 }), [
      { name: '江海丙科技有限公司', country: '德国', mode: '增资', date: utc(2025, 6, 1) },
      { name: '江海丁科技有限公司', country: '美国', mode: '增资', date: utc(2025, 8, 1) },
    ]).map((r) => ({ ...r, cells: { ...r.cells, uscc: inA[0]!.cells.uscc } }));
    const a = await writeXlsx(path.join(dir, 'a.xlsx'), [{ name: 'S', ...layoutRows(inA, {}) }]);
    const b = await writeXlsx(path.join(dir, 'b.xlsx'), [{ name: 'S', ...layoutRows(inB, {}) }]);
    const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.consolidate', {
      files: [{ fileId: register(backend, a), options: { district: '江北区' } }, { fileId: register(backend, b), options: { district: '江北区' } }],
    });
    const state = await backend.ctx.jobs.wait(jobId);
    expect(state.status).toBe('done');
    const [batchA, batchB] = (state.result as FdiImportResult).batches;
    expect(batchA).toMatchObject({ rows: 2, enterprisesCreated: 1, enterprisesUpdated: 0 });
    expect(batchB).toMatchObject({ rows: 2, enterprisesCreated: 0, enterprisesUpdated: 1 });
    const uscc = inA[0]!.cells.uscc;
    expect(backend.ctx.db.prepare('SELECT name, country_code AS country, setup_date AS setupDate FROM enterprise WHERE uscc = ?').get(uscc)).toEqual({
      name: '江海丁科技有限公司',
      country: 'USA',
      setupDate: '2025-02-01',
    });
    const before = backend.ctx.db.prepare('SELECT before FROM import_batch_enterprise WHERE batch_id = ?').pluck().get(batchB!.batchId) as string;
    expect(JSON.parse(before)).toMatchObject({ name: '江海乙科技有限公司', country_code: 'JPN' });
  });

  it('defers the indexes of a large load and builds every one again, and loads a small one into a large table as it goes', async () => {
    const backend = await fdiBackend();
    const { db } = backend.ctx;
    expect(isBulkLoad(db, 10_000)).toBe(true); // nothing stored yet
    const schema = indexes(db);
    const file = await writeXlsx(path.join(tempDir(), 'big.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(2000, { seed: 73 }), {}) }]);
    await importFile(backend, file, { district: '江北区' });
    expect(indexes(db)).toEqual(schema);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]); // loaded without per-row checks, checked at its end
    // the stats read through the rebuilt indexes and agree with the records
    const viaIndex = db.prepare("SELECT sum(actual_fdi) FROM fdi_record INDEXED BY fdi_record_stats_country WHERE period BETWEEN '2025-01' AND '2025-12'").pluck().get() as number;
    const viaTable = db.prepare('SELECT sum(actual_fdi) FROM fdi_record NOT INDEXED').pluck().get() as number;
    expect(viaIndex).toBeCloseTo(viaTable, 6);
    expect(isBulkLoad(db, 10_000)).toBe(false); // 2,000 stored records, a file of about 250
    const small = await writeXlsx(path.join(tempDir(), 'small.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(3, { seed: 76, prefix: '江南' }), {}) }]);
    expect(isBulkLoad(db, fs.statSync(small).size)).toBe(false);
    await importFile(backend, small, { district: '江南区' });
    expect(indexes(db)).toEqual(schema);
    expect(db.prepare('SELECT count(*) FROM fdi_record').pluck().get()).toBe(2003);
  });

  it('refuses, at its end, a bulk load whose district was deleted after the job read the settings', async () => {
    const backend = await fdiBackend();
    // the check worker's way: its own connection, foreign keys off for a bulk load, one transaction
    const db = new Database(backend.ctx.dbPath);
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN IMMEDIATE');
    const load = new FdiLoad(db, { user: '测试', now: new Date().toISOString(), bulk: true });
    load.openBatch(0, 'a.xlsx');
    const draft = { row: 4, period: '2025-03', date: '2025-03-05', enterpriseName: '江海科技有限公司', uscc: '91320500MA1XXXXX0X', investor: null, mode: 'new' as const };
    const values = { contractedFdi: 10, actualFdi: 5, industryCode: '3670', countryCode: 'HKG', districtId: 999, platformId: null };
    expect(load.accept(0, { ...draft, ...values, key: hash52('k'), firm: hash52(draft.uscc) })).toBeNull();
    load.finishFile(0, { fileHash: '', sheet: 'S', unit: '万美元', districtId: null, districtName: null, skippedRows: 0, rejectedRows: 0 });
    expect(() => load.finish()).toThrow(/区县 999/);
    db.exec('ROLLBACK');
    db.close();
    expect(backend.ctx.db.prepare('SELECT count(*) FROM fdi_record').pluck().get()).toBe(0);
  });

  it('keeps the backup of an import that committed, and none of one refused', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const good = await writeXlsx(path.join(dir, 'good.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(5, { seed: 74 }), {}) }]);
    await importFile(backend, good, { district: '江北区' });
    const kept = listBackups(backend.ctx.dbPath).filter((b) => b.reason === 'before-import');
    expect(kept).toHaveLength(1);

    const bad = makeRecords(5, { seed: 75 });
    bad[2]!.cells.country = '不存在的国家';
    const refused = await commitJob(backend, { fileId: register(backend, await writeXlsx(path.join(dir, 'bad.xlsx'), [{ name: 'S', ...layoutRows(bad, {}) }])), options: {} });
    expect(refused.status).toBe('failed');
    expect(refused.error?.code).toBe('IMPORT_REFUSED');
    expect(listBackups(backend.ctx.dbPath).filter((b) => b.reason === 'before-import')).toEqual(kept);
  });
});
