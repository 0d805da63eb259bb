/** Undo, remembered mappings, cancel, the template, consolidation, and the migration undo relies on. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FdiImportResult, FdiPreview } from '../../../shared/api/fdiImport';
import type { Backend } from '../../../electron/backend/create';
import { call, tempDir } from '../../helpers/backend';
import { fdiBackend, importFile, previewFile, register, storedRecords } from '../../helpers/fdi-backend';
import { layoutRows, makeRecords, writeXlsx } from '../../helpers/fdi-fixtures';

/** The data an import touches, as it stands. */
function snapshot(backend: Backend): string {
  const dump = (t: string) => backend.ctx.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
  return JSON.stringify({ enterprise: dump('enterprise'), fdi_record: dump('fdi_record') });
}

describe('FDI import lifecycle', () => {
  it('undo removes the records and the enterprises the batch created, and restores the ones it updated', async () => {
    const backend = await fdiBackend({ demo: true });
    const demoFirm = backend.ctx.db.prepare('SELECT * FROM enterprise ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    const records = makeRecords(8, { seed: 61 });
    // one record of an enterprise that already exists (same USCC, another name and country): it gets updated
    records[3]!.cells.uscc = records[3]!.expected.uscc = demoFirm.uscc as string;
    const file = await writeXlsx(path.join(tempDir(), 'u.xlsx'), [{ name: 'S', ...layoutRows(records, {}) }]);
    const before = snapshot(backend);

    const batch = (await importFile(backend, file, { district: '江北区' })).batches[0]!;
    expect(batch).toMatchObject({ rows: 8, enterprisesCreated: 7, enterprisesUpdated: 1 });
    expect(backend.ctx.db.prepare('SELECT name, country_code AS country FROM enterprise WHERE id = ?').get(demoFirm.id)).toEqual({
      name: records[3]!.cells.name,
      country: records[3]!.expected.countryCode,
    });
    expect(backend.ctx.db.prepare('SELECT count(*) FROM fdi_record WHERE batch_id = ? AND enterprise_id = ?').pluck().get(batch.batchId, demoFirm.id)).toBe(1);

    const undone = await call(backend, 'fdiImport.undo', { batchId: batch.batchId });
    expect(undone).toEqual({ batchId: batch.batchId, removedRecords: 8, removedEnterprises: 7, restoredEnterprises: 1 });
    expect(snapshot(backend)).toBe(before);
    const history = await call(backend, 'fdiImport.batches');
    expect(history[0]).toMatchObject({ id: batch.batchId, records: 0, undoneAt: expect.any(String) });
    const audit = backend.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'import_batch' AND entity_id = ? ORDER BY id").pluck().all(String(batch.batchId));
    expect(audit).toEqual(['import', 'undo']);
    const again = await backend.dispatch('fdiImport.undo', { batchId: batch.batchId });
    expect(again.ok ? null : again.error.code).toBe('BATCH_UNDONE');
  });

  it('keeps an enterprise a later batch still has records for', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const first = makeRecords(3, { seed: 62 });
    const second = makeRecords(1, { seed: 63 });
    second[0]!.cells.uscc = second[0]!.expected.uscc = first[0]!.cells.uscc;
    const a = await importFile(backend, await writeXlsx(path.join(dir, 'a.xlsx'), [{ name: 'S', ...layoutRows(first, {}) }]), { district: '江北区' });
    await importFile(backend, await writeXlsx(path.join(dir, 'b.xlsx'), [{ name: 'S', ...layoutRows(second, {}) }]), { district: '江北区' });
    const undone = await call(backend, 'fdiImport.undo', { batchId: a.batches[0]!.batchId });
    expect(undone).toMatchObject({ removedRecords: 3, removedEnterprises: 2 });
    expect(backend.ctx.db.prepare('SELECT count(*) FROM enterprise WHERE uscc = ?').pluck().get(first[0]!.cells.uscc)).toBe(1);
  });

  it('remembers a corrected column mapping for files with the same header', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    // 外资A / 外资B are nobody's wording: the user says which is which once
    const header = ['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式', '外资A', '外资B', '到资日期', '所属园区'];
    const write = async (name: string, seed: number) => {
      const records = makeRecords(5, { seed });
      const { rows } = layoutRows(records, {});
      rows[0] = header;
      return { file: await writeXlsx(path.join(dir, name), [{ name: 'S', rows }]), records };
    };
    const one = await write('one.xlsx', 71);
    const detected = await previewFile(backend, one.file);
    expect(detected.mapping).toMatchObject({ contractedFdi: null, actualFdi: null });
    expect(detected.missingFields).toEqual([]);
    expect(detected.problems.map((p) => p.code)).toContain('COLUMN_MISSING');
    const corrected = await previewFile(backend, one.file, { mapping: { contractedFdi: 5, actualFdi: 6 } });
    expect(corrected).toMatchObject({ mappingSource: 'given', counts: { cleanRows: 5, errorRows: 0 } });

    const two = await write('two.xlsx', 72);
    const reused: FdiPreview = await previewFile(backend, two.file);
    expect(reused.mappingSource).toBe('remembered');
    expect(reused.mapping).toMatchObject({ contractedFdi: 5, actualFdi: 6, enterpriseName: 0 });
    expect(reused.columns[5]).toMatchObject({ label: '外资A', field: 'contractedFdi' });
    const { batches } = await importFile(backend, two.file, { district: '江北区' });
    expect(storedRecords(backend, batches[0]!.batchId)).toEqual(two.records.map((r) => r.expected));
  });

  it('remembers the header rows a person chose, with the mapping, for files laid out alike', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    // a lone parent over the amounts: found, the header is row 2 alone; the person says rows 1-2
    const write = async (name: string, seed: number) => {
      const records = makeRecords(4, { seed });
      const { rows } = layoutRows(records, { headerUnit: '万美元' });
      return writeXlsx(path.join(dir, name), [{ name: 'S', rows: [[null, null, null, null, null, '外资金额', null, null, null], ...rows] }]);
    };
    const one = await write('one.xlsx', 81);
    expect((await previewFile(backend, one, { district: '江北区' })).headerRows).toEqual([2]);
    const chosen = await previewFile(backend, one, { district: '江北区', sheet: 'S', headerRows: [1, 2] });
    expect(chosen).toMatchObject({ headerRows: [1, 2], headerSource: 'given', counts: { cleanRows: 4, errorRows: 0 } });
    expect(chosen.columns[5]!.label).toBe('外资金额/合同外资（万美元）');
    const two = await previewFile(backend, await write('two.xlsx', 82), { district: '江北区' });
    expect(two).toMatchObject({ headerRows: [1, 2], headerSource: 'remembered', mappingSource: 'remembered', counts: { cleanRows: 4 } });
  }, 120_000);

  it('cancels a running preview job, and a running commit job without writing anything', async () => {
    const backend = await fdiBackend();
    const file = path.join(tempDir(), 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const sheet = writer.addWorksheet('S');
    const records = makeRecords(40, { seed: 81 });
    sheet.addRow(layoutRows([], {}).rows[0]!).commit();
    for (let i = 0; i < 60_000; i++) {
      const c = records[i % records.length]!.cells;
      sheet.addRow([`${c.name}${i}`, c.uscc, c.country, c.industry, c.mode, i, c.actual, c.date, c.platform]).commit();
    }
    sheet.commit();
    await writer.commit();
    const fileId = register(backend, file);
    const before = snapshot(backend);
    // cancel once the worker is reading rows: a preview, then a commit (which must leave nothing behind)
    for (const method of ['fdiImport.preview', 'fdiImport.commit']) {
      const { jobId } = await call<{ jobId: string }>(backend, method, { fileId, district: '江北区' });
      await new Promise<void>((resolve) => {
        const off = backend.ctx.events.on((e) => {
          if (e.type === 'job' && e.job.id === jobId && e.job.message.includes('已检查')) {
            off();
            resolve();
          }
        });
      });
      await call(backend, 'jobs.cancel', { jobId });
      const state = await backend.ctx.jobs.wait(jobId);
      expect(state.status).toBe('cancelled');
      expect(state.error?.code).toBe('JOB_CANCELLED');
    }
    expect(snapshot(backend)).toBe(before);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(0);
  }, 90_000);

  it('gives a template that, once filled in, imports', async () => {
    const backend = await fdiBackend();
    const template = await call<{ fileId: string; name: string }>(backend, 'fdiImport.template');
    expect(template.name).toBe('外资统计导入模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(backend.ctx.files.get(template.fileId).path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['外资统计', '填写说明']);
    const sheet = workbook.getWorksheet('外资统计')!;
    sheet.getCell('A2').value = '填报单位：江南区商务局';
    const records = makeRecords(6, { seed: 91 });
    records.forEach((r, i) => {
      const c = r.cells;
      sheet.getRow(4 + i).values = [c.name, c.uscc, '某某控股', c.country, c.industry, c.mode, c.contracted, c.actual, c.date, null, c.platform || null];
    });
    const filled = path.join(tempDir(), 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    const empty = await previewFile(backend, backend.ctx.files.get(template.fileId).path);
    expect(empty).toMatchObject({ sheet: '外资统计', counts: { dataRows: 0 }, units: { source: 'header' } });
    const { batches } = await importFile(backend, filled);
    expect(batches[0]).toMatchObject({ rows: 6, district: '江南区', unit: '万美元' });
    expect(storedRecords(backend, batches[0]!.batchId)).toEqual(records.map((r) => r.expected));
    expect(backend.ctx.db.prepare('SELECT DISTINCT investor FROM enterprise').pluck().all()).toEqual(['某某控股']);
  });

  it('consolidates several district files in one go: a batch each, tagged with its district', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const north = makeRecords(7, { seed: 101, prefix: '北' });
    const south = makeRecords(5, { seed: 102, prefix: '南' });
    const a = await writeXlsx(path.join(dir, 'north.xlsx'), [{ name: 'S', ...layoutRows(north, { reportingUnit: '江北区商务局' }) }]);
    const b = await writeXlsx(path.join(dir, 'south.xlsx'), [{ name: 'S', ...layoutRows(south, { title: '江南区外资到资表' }) }]);
    const { jobId } = await call(backend, 'fdiImport.consolidate', { files: [{ fileId: register(backend, a) }, { fileId: register(backend, b) }] });
    const state = await backend.ctx.jobs.wait(jobId);
    expect(state.status).toBe('done');
    const result = state.result as FdiImportResult;
    expect(result.imported).toBe(12);
    expect(result.batches.map((x) => [x.file, x.rows, x.district])).toEqual([['north.xlsx', 7, '江北区'], ['south.xlsx', 5, '江南区']]);
    expect(storedRecords(backend, result.batches[1]!.batchId)).toEqual(south.map((r) => r.expected));
    const byDistrict = backend.ctx.db
      .prepare('SELECT d.name, count(*) AS n FROM fdi_record r JOIN district d ON d.id = r.district_id GROUP BY d.name ORDER BY d.name')
      .all();
    expect(byDistrict).toEqual([{ name: '江北区', n: 7 }, { name: '江南区', n: 5 }]);
    // one backup before the one transaction
    expect(new Set(result.batches.map((x) => x.backup)).size).toBe(1);
  });
});
