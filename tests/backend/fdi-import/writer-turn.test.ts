/**
 * When an FDI import takes the database's writer turn (issue 13 item 2): only once its file has been opened and its
 * first sheet found. A hostile file refused before that never holds the database, so a restore asked for meanwhile
 * goes through; an import that had to wait for its turn reads its file again if districts, platforms or reference
 * data changed while it read.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FdiImportResult } from '../../../shared/api/fdiImport';
import type { JobControl } from '../../../electron/backend/jobs';
import { call, tempDir } from '../../helpers/backend';
import { fdiBackend, register, storedRecords } from '../../helpers/fdi-backend';
import { layoutRows, makeRecords, writeXlsx } from '../../helpers/fdi-fixtures';
import { manyStringsWorkbook, slowStartWorkbook } from '../../helpers/hostile-files';

function jobControl(): JobControl {
  const abort = new AbortController();
  return { signal: abort.signal, progress: () => undefined, throwIfCancelled: () => undefined };
}

describe('an FDI import and the writer turn', () => {
  it('a file refused before its first sheet never takes the turn: a restore asked meanwhile goes through', async () => {
    const backend = await fdiBackend();
    const backup = await call<{ name: string }>(backend, 'system.backup', { reason: 'manual' });
    await call(backend, 'settings.saveDistrict', { name: '备份后新增区' });
    const hostile = manyStringsWorkbook(path.join(tempDir(), '江北区-字符串.xlsx'));

    const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.commit', { fileId: register(backend, hostile) });
    expect(backend.ctx.gate.busyWith()).toBeNull();
    const restored = await call<{ restoredFrom: string }>(backend, 'system.restore', { name: backup.name });
    // the restore was not held for the import: it ended while the file was still being read
    expect(restored.restoredFrom).toBe(backup.name);
    expect(backend.ctx.jobs.get(jobId).status).toBe('running');

    const done = await backend.ctx.jobs.wait(jobId);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'FILE_LIMIT', message: expect.stringContaining('共享字符串超过') });
    const districts = (await call<{ districts: Array<{ name: string }> }>(backend, 'settings.get')).districts.map((d) => d.name);
    expect(districts).not.toContain('备份后新增区');
    expect(backend.ctx.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'restore'").pluck().get()).toBe(1);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
  }, 120_000);

  it('a restore that lands while an import reads its file: the import then goes into the restored database', async () => {
    const backend = await fdiBackend();
    const backup = await call<{ name: string }>(backend, 'system.backup', { reason: 'manual' });
    await call(backend, 'settings.saveDistrict', { name: '备份后新增区' });
    const records = makeRecords(30, { seed: 37 });
    const file = slowStartWorkbook(path.join(tempDir(), 'north.xlsx'), layoutRows(records, { reportingUnit: '江北区商务局' }).rows);

    const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.commit', { fileId: register(backend, file) });
    const restored = await call<{ restoredFrom: string }>(backend, 'system.restore', { name: backup.name });
    expect(restored.restoredFrom).toBe(backup.name);
    expect(backend.ctx.jobs.get(jobId).status).toBe('running');

    // the districts it checked against are not the restored database's: it read the file again under its turn
    const state = await backend.ctx.jobs.wait(jobId);
    expect(state.status, JSON.stringify(state.error)).toBe('done');
    const result = state.result as FdiImportResult;
    expect(storedRecords(backend, result.batches[0]!.batchId)).toEqual(records.map((r) => r.expected));
    const db = backend.ctx.db;
    expect(db.prepare('SELECT d.name, count(*) AS n FROM fdi_record r JOIN district d ON d.id = r.district_id GROUP BY d.name').all()).toEqual([{ name: '江北区', n: 30 }]);
    expect(db.prepare('SELECT name FROM district ORDER BY name').pluck().all()).toEqual(['江北区', '江南区']);
    expect(db.prepare('SELECT action FROM audit_log WHERE action IN (\'restore\', \'import\') ORDER BY id').pluck().all()).toEqual(['restore', 'import']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(await call(backend, 'system.check')).toMatchObject({ ok: true, integrity: 'ok', counts: { fdi_record: 30 } });
  }, 120_000);

  it('waits for its turn after reading the first sheet, and reads again when districts changed meanwhile', async () => {
    const backend = await fdiBackend();
    const records = makeRecords(40, { seed: 31 });
    const file = await writeXlsx(path.join(tempDir(), 'north.xlsx'), [{ name: 'S', ...layoutRows(records, { reportingUnit: '江北区商务局' }) }]);
    // another writer holds the turn
    let finish!: () => void;
    const other = backend.ctx.gate.writer('导入项目清单（别的.xlsx）', jobControl(), () => new Promise<void>((resolve) => (finish = resolve)));

    const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.commit', { fileId: register(backend, file) });
    await expect.poll(() => backend.ctx.jobs.get(jobId).message, { timeout: 60_000 }).toMatch(/等待另一项操作完成（正在导入项目清单/);
    // the district the file names is deleted and set up again (a new id) while the import waits
    const settings = await call<{ districts: Array<{ id: number; name: string }> }>(backend, 'settings.get');
    const north = settings.districts.find((d) => d.name === '江北区')!;
    await call(backend, 'settings.deleteDistrict', { id: north.id });
    await call(backend, 'settings.saveDistrict', { name: '江北区' });
    finish();
    await other;

    const state = await backend.ctx.jobs.wait(jobId);
    expect(state.status, JSON.stringify(state.error)).toBe('done');
    const result = state.result as FdiImportResult;
    expect(result.batches.map((b) => [b.rows, b.district])).toEqual([[40, '江北区']]);
    expect(storedRecords(backend, result.batches[0]!.batchId)).toEqual(records.map((r) => r.expected));
    const byDistrict = backend.ctx.db.prepare('SELECT d.name, count(*) AS n FROM fdi_record r JOIN district d ON d.id = r.district_id GROUP BY d.name').all();
    expect(byDistrict).toEqual([{ name: '江北区', n: 40 }]);
    expect(backend.ctx.db.pragma('foreign_key_check')).toEqual([]);
  }, 120_000);

  it('leaves the stats summary up to date before the next writer: tables read while another import writes', async () => {
    const backend = await fdiBackend();
    const records = makeRecords(30, { seed: 41 });
    const file = await writeXlsx(path.join(tempDir(), 'north.xlsx'), [{ name: 'S', ...layoutRows(records, { reportingUnit: '江北区商务局' }) }]);
    const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.commit', { fileId: register(backend, file) });
    expect((await backend.ctx.jobs.wait(jobId)).status).toBe('done');
    // the next writer in line gets its turn once the summary has the records
    await backend.ctx.gate.writer('下一项导入', jobControl(), async () => undefined);
    // another import's transaction, on a connection of its own, holds SQLite's write lock
    const other = new Database(backend.ctx.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await call<{ tables: unknown[] }>(backend, 'stats.tables', { from: '2025-01', to: '2025-12' });
      expect(result.tables.length).toBeGreaterThan(0);
      const sum = (sql: string) => backend.ctx.db.prepare(sql).pluck().get() as number;
      expect(sum("SELECT round(sum(a), 2) FROM stats_cube_place WHERE period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'")).toBe(sum('SELECT round(sum(actual_fdi), 2) FROM fdi_record'));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 120_000);
});
