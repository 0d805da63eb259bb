/** Every kind of bad row is named with its row, column and code; a file with errors is refused whole by default. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FdiPreview } from '../../../shared/api/fdiImport';
import { listBackups } from '../../../electron/backend/db/backups';
import { call, tempDir } from '../../helpers/backend';
import { commitJob, fdiBackend, fingerprint, importFile, previewFile, register, storedRecords } from '../../helpers/fdi-backend';
import { layoutRows, makeRecords, rowNumberOf, writeXlsx, type FixtureRecord } from '../../helpers/fdi-fixtures';

const good = (r: FixtureRecord) => r.cells;
const row = (r: FixtureRecord, change: Partial<FixtureRecord['cells']>): unknown[] => {
  const c = { ...good(r), ...change };
  return [c.name, c.uscc, c.country, c.industry, c.mode, c.contracted, c.actual, c.date, c.platform || null];
};

/** A file with clean records and one bad row of each kind; returns it with the problems each bad row must raise. */
async function badFile(dir: string) {
  const records = makeRecords(10, { seed: 31 });
  const base = makeRecords(30, { seed: 32, prefix: '坏行' });
  const wrongCheck = `${base[0]!.cells.uscc.slice(0, 17)}${base[0]!.cells.uscc.endsWith('0') ? '1' : '0'}`;
  const bad: Array<{ cells: unknown[]; column: string | null; code: string }> = [
    { cells: row(base[0]!, { uscc: wrongCheck }), column: '统一社会信用代码', code: 'USCC_INVALID' },
    { cells: row(base[1]!, { uscc: Number('913201111663999631') as unknown as string }), column: '统一社会信用代码', code: 'USCC_INVALID' },
    { cells: row(base[2]!, { actual: -120.5 }), column: '实际使用外资（万美元）', code: 'AMOUNT_NEGATIVE' },
    { cells: row(base[3]!, { contracted: '一百万' }), column: '合同外资（万美元）', code: 'AMOUNT_INVALID' },
    { cells: row(base[4]!, { country: '火星' }), column: '国别（地区）', code: 'COUNTRY_UNKNOWN' },
    { cells: row(base[5]!, { industry: '9999' }), column: '行业代码', code: 'INDUSTRY_UNKNOWN' },
    { cells: row(base[6]!, { industry: '软件开发' }), column: '行业代码', code: 'INDUSTRY_UNKNOWN' },
    { cells: row(base[7]!, { industry: 'A3670' }), column: '行业代码', code: 'INDUSTRY_UNKNOWN' },
    { cells: row(base[8]!, { date: '2025-02-30' }), column: '到资日期', code: 'PERIOD_INVALID' },
    { cells: row(base[9]!, { date: '2025.3' }), column: '到资日期', code: 'PERIOD_INVALID' },
    { cells: row(base[10]!, { mode: '合资' }), column: '投资方式', code: 'MODE_UNKNOWN' },
    { cells: row(base[12]!, { name: '' }), column: '企业名称', code: 'VALUE_MISSING' },
    { cells: row(records[2]!, {}), column: null, code: 'DUPLICATE' },
  ];
  const { rows } = layoutRows(records, { title: '江北区外资表', reportingUnit: '江北区商务局', headerUnit: '万美元', extraRows: bad.map((b, i) => ({ after: 3 + (i % 6), cells: b.cells })) });
  // a clean row whose two amounts are blank: a warning, still imported
  const blankAmounts = row(base[13]!, { contracted: null as unknown as number, actual: null as unknown as number });
  rows.push(blankAmounts);
  const file = await writeXlsx(path.join(dir, 'bad.xlsx'), [{ name: '到资', rows }]);
  const expected = bad.map((b) => ({ row: rowNumberOf(rows, b.cells), column: b.column, code: b.code }));
  return { file, records, expected, blankAmountsRow: rowNumberOf(rows, blankAmounts), blankAmounts: base[13]! };
}

const errorsOf = (p: FdiPreview) => p.problems.filter((x) => x.severity === 'error').map((x) => ({ row: x.row, column: x.column ?? null, code: x.code }));

describe('FDI import validation', () => {
  it('names every bad row with its Excel row, column, value, code and a Chinese message', async () => {
    const backend = await fdiBackend();
    const { file, expected, records, blankAmountsRow } = await badFile(tempDir());
    const preview = await previewFile(backend, file);
    expect(errorsOf(preview).sort((a, b) => a.row! - b.row!)).toEqual(expected.sort((a, b) => a.row - b.row));
    expect(preview.counts).toEqual({ dataRows: records.length + expected.length + 1, cleanRows: records.length + 1, errorRows: expected.length, skippedRows: 0 });
    for (const p of preview.problems) {
      expect(p.file).toBe('bad.xlsx');
      expect(p.sheet).toBe('到资');
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const byCode = (code: string) => preview.problems.filter((p) => p.code === code);
    expect(byCode('USCC_INVALID').map((p) => p.message).join()).toMatch(/校验位不符.*被存成了数字/);
    expect(byCode('INDUSTRY_UNKNOWN').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/9999 不在 GB\/T 4754-2017 中/), expect.stringMatching(/“软件开发”是中类/), expect.stringMatching(/门类字母 A 与代码 3670/)]),
    );
    expect(byCode('COUNTRY_UNKNOWN')[0]!.value).toBe('火星');
    const firstOccurrence = preview.sample.find((s) => s.enterpriseName === records[2]!.cells.name && s.ok)!;
    expect(byCode('DUPLICATE')[0]!.message).toContain(`与本文件第${firstOccurrence.row}行相同`);
    expect(preview.problems.find((p) => p.code === 'AMOUNT_MISSING')).toMatchObject({ row: blankAmountsRow, severity: 'warning' });
  });

  it('refuses the whole file by default and leaves the database unchanged', async () => {
    const backend = await fdiBackend({ demo: true });
    const { file, expected } = await badFile(tempDir());
    const before = fingerprint(backend);
    const state = await commitJob(backend, { fileId: register(backend, file) });
    expect(state.status).toBe('failed');
    expect(state.error).toMatchObject({ code: 'IMPORT_REFUSED' });
    expect(state.error!.message).toContain(`${expected.length} 行有错误`);
    expect(state.error!.problems!.filter((p) => p.severity === 'error').length).toBe(expected.length);
    expect(fingerprint(backend)).toEqual(before);
    // nothing was going to be written, so no backup was taken
    expect(listBackups(backend.ctx.dbPath).filter((b) => b.reason === 'before-import')).toEqual([]);
  });

  it('with allowPartial commits only the clean rows, and records how many were left out', async () => {
    const backend = await fdiBackend();
    const { file, records, expected, blankAmounts } = await badFile(tempDir());
    const preview = await previewFile(backend, file);
    const state = await commitJob(backend, { previewId: preview.previewId, allowPartial: true });
    expect(state.status).toBe('done');
    const batch = (state.result as { batches: Array<{ batchId: number; rows: number; rejectedRows: number }> }).batches[0]!;
    expect(batch).toMatchObject({ rows: records.length + 1, rejectedRows: expected.length });
    const stored = storedRecords(backend, batch.batchId);
    expect(stored.slice(0, records.length)).toEqual(records.map((r) => r.expected));
    expect(stored[records.length]).toMatchObject({ name: blankAmounts.cells.name, contractedFdi: 0, actualFdi: 0 });
    const history = await call(backend, 'fdiImport.batches');
    expect(history[0]).toMatchObject({ id: batch.batchId, rows: records.length + 1, rejectedRows: expected.length, records: records.length + 1, district: '江北区' });
  });

  it('saves the problem list as a workbook that lists each problem', async () => {
    const backend = await fdiBackend();
    const { file, expected } = await badFile(tempDir());
    const preview = await previewFile(backend, file);
    const saved = await call<{ fileId: string; name: string }>(backend, 'fdiImport.saveProblems', { previewId: preview.previewId });
    expect(saved.name).toBe('bad-问题清单.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(backend.ctx.files.get(saved.fileId).path);
    const sheet = workbook.getWorksheet('问题清单')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['文件', '工作表', '行', '列', '值', '级别', '问题', '代码']);
    const listed = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const v = sheet.getRow(r).values as unknown[];
      if (v[6] === '错误') listed.push({ row: v[3], column: v[4] || null, code: v[8] });
    }
    expect(listed).toEqual([...expected].sort((a, b) => a.row - b.row));
  });

  it('catches a record already stored, and one repeated across files imported together', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const first = makeRecords(6, { seed: 41 });
    const again = makeRecords(4, { seed: 42, prefix: '江南' });
    const a = await writeXlsx(path.join(dir, 'a.xlsx'), [{ name: 'S', ...layoutRows(first, { headerUnit: '万美元' }) }]);
    await importFile(backend, a, { district: '江北区' });
    const repeatRow = row(first[4]!, {});
    const { rows } = layoutRows(again, { headerUnit: '万美元', extraRows: [{ after: 2, cells: repeatRow }] });
    const b = await writeXlsx(path.join(dir, 'b.xlsx'), [{ name: 'S', rows }]);
    const preview = await previewFile(backend, b);
    expect(errorsOf(preview)).toEqual([{ row: rowNumberOf(rows, repeatRow), column: null, code: 'DUPLICATE' }]);
    expect(preview.problems.find((p) => p.code === 'DUPLICATE')!.message).toMatch(/与已导入的记录相同（第1批《a\.xlsx》第6行）/);

    // across files of one consolidation: c repeats a row of d, neither stored yet
    const c = await writeXlsx(path.join(dir, 'c.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(3, { seed: 43, prefix: '丙' }), {}) }]);
    const dRecords = makeRecords(3, { seed: 43, prefix: '丙' });
    const d = await writeXlsx(path.join(dir, 'd.xlsx'), [{ name: 'S', ...layoutRows(dRecords.slice(0, 1), {}) }]);
    const before = fingerprint(backend);
    const { jobId } = await call(backend, 'fdiImport.consolidate', { files: [{ fileId: register(backend, c) }, { fileId: register(backend, d) }] });
    const state = await backend.ctx.jobs.wait(jobId);
    const errors = state.error?.problems?.filter((p) => p.severity === 'error');
    expect(errors?.map((p) => [p.file, p.code, p.message.includes('同批导入的另一文件')])).toEqual([['d.xlsx', 'DUPLICATE', true]]);
    expect(fingerprint(backend)).toEqual(before);
  });

  it('refuses a damaged workbook and a file of another type without writing anything', async () => {
    const backend = await fdiBackend();
    const dir = tempDir();
    const whole = await writeXlsx(path.join(dir, 'whole.xlsx'), [{ name: 'S', ...layoutRows(makeRecords(200, { seed: 51 }), {}) }]);
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(path.join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    // an .xls or .et is read (by what its bytes are); a Numbers file is not
    fs.writeFileSync(path.join(dir, 'return.numbers'), bytes);
    const before = fingerprint(backend);
    const cut = await commitJob(backend, { fileId: register(backend, path.join(dir, 'truncated.xlsx')) });
    expect(cut.error).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(cut.error!.message).toContain('truncated.xlsx');
    const other = await commitJob(backend, { fileId: register(backend, path.join(dir, 'return.numbers')) });
    expect(other.error).toMatchObject({ code: 'FILE_UNSUPPORTED' });
    expect(fingerprint(backend)).toEqual(before);
    // nothing was about to be written, so no backup was taken either
    expect(listBackups(backend.ctx.dbPath).filter((b) => b.reason === 'before-import')).toEqual([]);
  });

  it('refuses a sheet whose required columns are missing, naming them', async () => {
    const backend = await fdiBackend();
    const file = await writeXlsx(path.join(tempDir(), 'cols.xlsx'), [{ name: 'S', rows: [['企业名称', '统一社会信用代码', '实际使用外资'], ['甲', '91320111MA1234567X', 1]] }]);
    const preview = await previewFile(backend, file);
    expect(preview.missingFields.map((f) => f.key)).toEqual(['country', 'industry', 'mode']);
    expect(preview.problems.filter((p) => p.code === 'COLUMN_MISSING').map((p) => p.message)).toEqual([
      expect.stringContaining('国别（地区）'),
      expect.stringContaining('行业代码'),
      expect.stringContaining('投资方式'),
      expect.stringContaining('到资日期'),
    ]);
  });
});
