/** Each way bureau files come imports to exactly the records that were written into it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { commitJob, fdiBackend, importFile, previewFile, register, storedRecords } from '../../helpers/fdi-backend';
import {
  convertWithLibreOffice,
  layoutRows,
  makeRecords,
  toCellValue,
  writeReturnCsv,
  writeReturnXlsx,
  writeXlsx,
  type FixtureRecord,
  type LayoutOptions,
} from '../../helpers/fdi-fixtures';

const SAMPLE = fileURLToPath(new URL('../../fixtures/fdi/sample-fdi-return-2025H1.xlsx', import.meta.url));

async function expectImported(file: string, records: FixtureRecord[], expected: { skipped: number; district?: string | null; unit?: string }, options = {}) {
  const backend = await fdiBackend();
  const preview = await previewFile(backend, file, options);
  expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(preview.counts).toEqual({ dataRows: records.length, cleanRows: records.length, errorRows: 0, skippedRows: expected.skipped });
  const result = await importFile(backend, file, options);
  expect(result.batches).toHaveLength(1);
  const batch = result.batches[0]!;
  expect(batch).toMatchObject({ rows: records.length, skippedRows: expected.skipped });
  if (expected.district !== undefined) expect(batch.district).toBe(expected.district);
  if (expected.unit) expect(batch.unit).toBe(expected.unit);
  expect(storedRecords(backend, batch.batchId)).toEqual(records.map((r) => r.expected));
  return { backend, preview, batch };
}

describe('FDI import of real-world layouts', () => {
  it('imports the real sample: 24 records matching its cells and its 合计 row, district from 填报单位', async () => {
    // the oracle: the same file read whole by exceljs's non-streaming reader
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    const sheet = workbook.worksheets[0]!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map(toCellValue);
    const dataRows = [...Array(12).keys()].map((i) => i + 4).concat([...Array(12).keys()].map((i) => i + 17));
    const backend = await fdiBackend();
    const preview = await previewFile(backend, SAMPLE);
    expect(preview).toMatchObject({
      sheet: 'Sheet1',
      headerRows: [3],
      units: { contractedFdi: '万美元', actualFdi: '万美元', source: 'header' },
      district: { name: '江北区', source: 'file' },
      context: { reportingUnit: '江北区商务局', periodText: '2025年1-6月' },
      counts: { dataRows: 24, cleanRows: 24, errorRows: 0, skippedRows: 4 },
    });
    expect(preview.skipped.map((s) => [s.row, s.reason])).toEqual([[16, 'total'], [29, 'total'], [30, 'total'], [31, 'note']]);
    const { batches } = await importFile(backend, SAMPLE);
    const stored = backend.ctx.db
      .prepare('SELECT enterprise_name AS name, uscc, contracted_fdi AS c, actual_fdi AS a, source_row AS row FROM fdi_record WHERE batch_id = ? ORDER BY source_row')
      .all(batches[0]!.batchId) as Array<{ name: string; uscc: string; c: number; a: number; row: number }>;
    expect(stored.map((s) => s.row)).toEqual(dataRows);
    expect(stored.map((s) => [s.name, s.uscc, s.c, s.a])).toEqual(dataRows.map((r) => [cells(r)[0], cells(r)[1], cells(r)[5], cells(r)[6]]));
    const total = cells(30);
    const sum = (k: 'c' | 'a') => Math.round(stored.reduce((n, s) => n + s[k], 0) * 100) / 100;
    expect([sum('c'), sum('a')]).toEqual([total[5], total[6]]);
    expect(backend.ctx.db.prepare('SELECT count(*) FROM enterprise').pluck().get()).toBe(24);
  });

  it('title, 填报单位 and a 单位：美元 line: dollars stored as 万美元, district from 填报单位', async () => {
    const records = makeRecords(40, { unit: '美元' });
    const file = await writeReturnXlsx(path.join(tempDir(), 'dollars.xlsx'), records, { title: '江南区2025年1-9月外商投资企业到资情况表', reportingUnit: '江南区商务局（盖章）', unitLine: '美元' });
    const { preview } = await expectImported(file, records, { skipped: 0, district: '江南区', unit: '美元' });
    expect(preview.units.source).toBe('title');
  });

  it('two-row merged header with 万美元 in the parent, 小计/合计 rows, blank lines, notes and signatures', async () => {
    const records = makeRecords(30, { seed: 11 });
    const layout: LayoutOptions = { title: '外资到资表', reportingUnit: '江北区商务局', twoRowHeader: true, headerUnit: '万美元', subtotalEvery: 10, blankEvery: 7, footer: true };
    const file = await writeReturnXlsx(path.join(tempDir(), 'merged.xlsx'), records, layout);
    // 3 小计 + 1 合计 + 4 blank lines + 3 footer lines (exceljs writes no row for a blank line: they are not seen)
    const { preview } = await expectImported(file, records, { skipped: 3 + 1 + 3, district: '江北区', unit: '万美元' });
    expect(preview.headerRows).toEqual([3, 4]);
    expect(preview.columns.map((c) => c.label).slice(5, 7)).toEqual(['外资金额（万美元）/合同外资', '外资金额（万美元）/实际使用外资']);
  });

  it('亿美元 in the headers', async () => {
    const records = makeRecords(20, { unit: '亿美元', seed: 3 });
    const file = await writeReturnXlsx(path.join(tempDir(), 'yi.xlsx'), records, { headerUnit: '亿美元' });
    await expectImported(file, records, { skipped: 0, unit: '亿美元' }, { district: '江北区' });
  });

  it('finds the data sheet among notes and a code list, and asks when two sheets hold data', async () => {
    const dir = tempDir();
    const records = makeRecords(12, { seed: 5 });
    const data = layoutRows(records, { headerUnit: '万美元' });
    const notes = { name: '填写说明', rows: [['填写说明'], ['1. 金额单位为万美元']] };
    const codes = { name: '代码表', rows: [['行业代码', '行业名称'], ['3670', '汽车零部件及配件制造']] };
    const one = await writeXlsx(path.join(dir, 'one.xlsx'), [notes, { name: '到资明细', ...data }, codes]);
    const { preview } = await expectImported(one, records, { skipped: 0 });
    expect(preview.sheets).toEqual([
      { name: '填写说明', hidden: false, isData: false, headerRow: null },
      { name: '到资明细', hidden: false, isData: true, headerRow: 1 },
      { name: '代码表', hidden: false, isData: false, headerRow: null },
    ]);

    const other = makeRecords(8, { seed: 6, prefix: '江南' });
    const two = await writeXlsx(path.join(dir, 'two.xlsx'), [{ name: '一季度', ...data }, { name: '二季度', ...layoutRows(other, {}) }]);
    const backend = await fdiBackend();
    const asked = await previewFile(backend, two);
    expect(asked.needsSheetChoice).toBe(true);
    expect(asked.problems.map((p) => p.code)).toContain('SHEET_CHOICE_REQUIRED');
    const refused = await commitJob(backend, { fileId: register(backend, two) });
    expect(refused.error?.code).toBe('IMPORT_REFUSED');
    expect(backend.ctx.db.prepare('SELECT count(*) FROM fdi_record').pluck().get()).toBe(0);
    const chosen = await previewFile(backend, two, { sheet: '二季度' });
    expect(chosen).toMatchObject({ sheet: '二季度', needsSheetChoice: false, counts: { cleanRows: 8 } });
    const { batches } = await importFile(backend, two, { sheet: '二季度' });
    expect(storedRecords(backend, batches[0]!.batchId)).toEqual(other.map((r) => r.expected));
  });

  it('GBK CSV with title, 填报单位, a 单位：美元 line, subtotals and a footer', async () => {
    const records = makeRecords(25, { unit: '美元', seed: 9, textDates: true });
    const file = writeReturnCsv(path.join(tempDir(), '江北区外资.csv'), records, { title: '江北区外资到资表', reportingUnit: '江北区商务局', unitLine: '美元', subtotalEvery: 10, footer: true }, 'gbk');
    // 2 小计 + 1 合计 + 3 footer lines
    await expectImported(file, records, { skipped: 6, district: '江北区', unit: '美元' });
  });

  it('UTF-8 CSV with BOM and a two-row header (no merge ranges: combined by position), blank lines kept as rows', async () => {
    const records = makeRecords(15, { seed: 13, textDates: true });
    const file = writeReturnCsv(path.join(tempDir(), 'bom.csv'), records, { twoRowHeader: true, headerUnit: '万美元', blankEvery: 5 }, 'utf8-bom');
    const { preview } = await expectImported(file, records, { skipped: 3 }, { district: '江南区' });
    expect(preview.headerRows).toEqual([1, 2]);
    expect(preview.district).toEqual({ id: expect.any(Number), name: '江南区', source: 'given', isNew: false });
  });

  describe('files written by LibreOffice', () => {
    const made: { dir: string; merged?: string; fromCsv?: string } = { dir: '' };
    const mergedRecords = makeRecords(18, { seed: 21 });
    const csvRecords = makeRecords(22, { seed: 22, unit: '美元', textDates: true });
    beforeAll(async () => {
      // not tempDir(): that one is removed after each test, and these files serve the whole group
      made.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-lo-'));
      const src = path.join(made.dir, 'src');
      const merged = await writeReturnXlsx(path.join(made.dir, 'lo-merged.xlsx'), mergedRecords, { title: '江北区外资表', reportingUnit: '江北区商务局', twoRowHeader: true, headerUnit: '万美元', subtotalEvery: 6, footer: true });
      const csv = writeReturnCsv(path.join(made.dir, 'lo-from-csv.csv'), csvRecords, { title: '江南区外资表', reportingUnit: '江南区商务局', unitLine: '美元' }, 'utf8');
      [made.merged, made.fromCsv] = convertWithLibreOffice([merged, csv], src);
    }, 120_000);
    afterAll(() => fs.rmSync(made.dir, { recursive: true, force: true }));

    it('a two-row merged header re-saved by LibreOffice', async () => {
      await expectImported(made.merged!, mergedRecords, { skipped: 3 + 1 + 3, district: '江北区' });
    });

    it('a CSV converted to .xlsx by LibreOffice (its own typing of numbers and dates)', async () => {
      await expectImported(made.fromCsv!, csvRecords, { skipped: 0, district: '江南区', unit: '美元' });
    });
  });
});
