/**
 * Returns written by other programs (Excel and WPS part by part, LibreOffice from flat ODS), laid out as bureaus
 * draw them, on a database that knows none of their places (issue 12: items 1–5 and 7).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FdiImportResult, FdiPreview } from '../../../shared/api/fdiImport';
import { call, tempBackend } from '../../helpers/backend';
import { layoutReturn, writeBureauReturn, type LaidOutReturn, type ReturnLayout } from '../../helpers/bureau-return';
import { commitJob, fingerprint, importFile, previewFile, storedRecords } from '../../helpers/fdi-backend';
import { FIXTURE_PLATFORMS, makeRecords, type FixtureRecord } from '../../helpers/fdi-fixtures';

const made: { dir: string; excel?: string; wps?: string; lo?: string; laid?: LaidOutReturn; wpsLaid?: LaidOutReturn } = { dir: '' };
const records = makeRecords(20, { seed: 5 });
const wpsRecords = makeRecords(16, { seed: 6, prefix: '相城' });
// 2025年1-9月, sub-areas with a 小计 each (the first one off by 1.5), 类别 for the mode column, 序号 and 备注 columns
const LAYOUT: ReturnLayout = { levels: 2, title: '2025年1-9月外商投资企业到资情况表', numbering: true, groups: 2, ofWhich: true, extraColumns: true, modeHeader: '类别', badTotal: { group: 0, delta: 1.5 }, footer: true };

beforeAll(async () => {
  // not tempDir(): that one is removed after each test, and these files serve the whole file
  made.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-writers-'));
  made.laid = layoutReturn(records, LAYOUT);
  made.excel = await writeBureauReturn(path.join(made.dir, '吴江区2025年1-9月.xlsx'), made.laid, 'excel');
  made.lo = await writeBureauReturn(path.join(made.dir, '吴江区2025年1-9月（另存）.xlsx'), made.laid, 'libreoffice');
  made.wpsLaid = layoutReturn(wpsRecords, { levels: 3, reportingUnit: '相城区商务局（盖章）', unitLine: '万美元', unitsRow: true, numbering: true, groups: 3, amountsAsText: true });
  made.wps = await writeBureauReturn(path.join(made.dir, 'wps-return.xlsx'), made.wpsLaid, 'wps', 'Sheet1');
}, 240_000);
afterAll(() => fs.rmSync(made.dir, { recursive: true, force: true }));

const platformsOf = (rs: FixtureRecord[]) => [...new Set(rs.map((r) => r.cells.platform).filter(Boolean))];
const rowsNaming = (rs: FixtureRecord[], name: string) => rs.filter((r) => r.cells.platform === name).length;

function expectTheReturnRead(preview: FdiPreview, laid: LaidOutReturn) {
  expect(preview.headerRows).toEqual(laid.headerRows);
  expect(preview.ignoredColumns).toEqual(laid.ignored);
  expect(preview.counts).toEqual({ dataRows: records.length, cleanRows: records.length, errorRows: 0, skippedRows: laid.skipped });
  expect(preview.columns.find((c) => c.field === 'mode')).toMatchObject({ label: '类别', matchedBy: 'content' });
  expect(preview.district).toEqual({ id: expect.any(Number), name: '吴江区', source: 'fileName', isNew: true });
  expect(preview.context.period).toEqual({ from: '2025-01', to: '2025-09' });
  // each unknown name once, with the rows that use it
  expect(preview.unknownPlaces).toEqual([
    { kind: 'district', name: '吴江区', rows: records.length, firstRow: null, proposal: null, type: 'district', action: 'pending' },
    ...platformsOf(records).map((name) => ({
      kind: 'platform',
      name,
      rows: rowsNaming(records, name),
      firstRow: expect.any(Number),
      proposal: null,
      type: FIXTURE_PLATFORMS.find(([n]) => n === name)![1],
      action: 'pending',
    })),
  ]);
  // the 小计 made to disagree: its row, its column, both figures
  const { mismatch } = laid;
  expect(preview.totals).toMatchObject({ checked: 6, mismatches: 1 });
  expect(preview.totals.checks.filter((c) => !c.ok)).toEqual([
    { sheet: expect.any(String), row: mismatch!.row, kind: 'sub', column: mismatch!.column, header: '外资金额（万美元）/实际使用外资', stated: mismatch!.stated, computed: mismatch!.computed, ok: false },
  ]);
  const warning = preview.problems.find((p) => p.code === 'TOTAL_MISMATCH')!;
  expect(warning).toMatchObject({ severity: 'warning', row: mismatch!.row, column: '外资金额（万美元）/实际使用外资' });
  expect(warning.message).toContain(String(mismatch!.stated));
  expect(warning.message).toContain(String(mismatch!.computed));
}

describe('returns written by Excel, WPS and LibreOffice', () => {
  it('Excel-like, district only in the file name: the header block, every column, the 小计 that disagrees, the places to add', async () => {
    const backend = await tempBackend();
    const preview = await previewFile(backend, made.excel!);
    expectTheReturnRead(preview, made.laid!);
    // nothing is written without the person's word on the new places
    const before = fingerprint(backend);
    const refused = await commitJob(backend, { previewId: preview.previewId });
    expect(refused.error?.code).toBe('IMPORT_REFUSED');
    expect(refused.error?.problems?.filter((p) => /_UNKNOWN$/.test(p.code)).map((p) => p.value)).toEqual(['吴江区', ...platformsOf(records)]);
    expect(fingerprint(backend)).toEqual(before);

    const done = await commitJob(backend, { previewId: preview.previewId, addUnknown: true });
    expect(done.status).toBe('done');
    const result = done.result as FdiImportResult;
    expect(result.added).toEqual([
      { kind: 'district', name: '吴江区', type: 'district', id: expect.any(Number) },
      ...platformsOf(records).map((name) => ({ kind: 'platform', name, type: FIXTURE_PLATFORMS.find(([n]) => n === name)![1], id: expect.any(Number) })),
    ]);
    const batch = result.batches[0]!;
    expect(batch).toMatchObject({ district: '吴江区', headerRows: made.laid!.headerRows, ignoredColumns: made.laid!.ignored, totals: { checked: 6, mismatches: 1 }, periods: { from: '2025-01', to: '2025-09' } });
    expect(batch.warnings.map((w) => [w.code, w.row])).toEqual([['TOTAL_MISMATCH', made.laid!.mismatch!.row]]);
    expect(storedRecords(backend, batch.batchId)).toEqual(records.map((r) => r.expected));
    const districts = backend.ctx.db.prepare('SELECT DISTINCT d.name FROM fdi_record r JOIN district d ON d.id = r.district_id').pluck().all();
    expect(districts).toEqual(['吴江区']);
    // the new platforms are placed in the file's district
    expect(backend.ctx.db.prepare('SELECT DISTINCT d.name FROM platform p JOIN district d ON d.id = p.district_id').pluck().all()).toEqual(['吴江区']);

    // the saved problem list carries the 小计 that disagrees
    const saved = await call<{ fileId: string }>(backend, 'fdiImport.saveProblems', { previewId: preview.previewId });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(backend.ctx.files.get(saved.fileId).path);
    const listed = book.getWorksheet('问题清单')!.getSheetValues().slice(2).map((v) => (v as unknown[]).slice(1));
    expect(listed.find((v) => v[7] === 'TOTAL_MISMATCH')).toEqual(['吴江区2025年1-9月.xlsx', '外资到资', made.laid!.mismatch!.row, '外资金额（万美元）/实际使用外资', String(made.laid!.mismatch!.stated), '警告', expect.stringContaining('小计'), 'TOTAL_MISMATCH']);
  }, 180_000);

  it('LibreOffice-written (from flat ODS): the same reading; the same content already imported is one line, and replaces its batch', async () => {
    const backend = await tempBackend();
    const preview = await previewFile(backend, made.lo!);
    expectTheReturnRead(preview, made.laid!);
    const first = await importFile(backend, made.excel!, { addUnknown: true });

    // the same file again: one line, not a duplicate per row
    const again = await previewFile(backend, made.excel!);
    expect(again.alreadyImported).toEqual({ batchId: first.batches[0]!.batchId, fileName: '吴江区2025年1-9月.xlsx', createdAt: expect.any(String), by: 'hash' });
    expect(again.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['ALREADY_IMPORTED']);
    expect(again.problems.find((p) => p.code === 'ALREADY_IMPORTED')!.message).toMatch(new RegExp(`已于第 ${first.batches[0]!.batchId} 批导入（\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d、吴江区2025年1-9月\\.xlsx）`));
    // the same rows saved by another program: every row repeats that batch
    const resaved = await previewFile(backend, made.lo!);
    expect(resaved.alreadyImported).toMatchObject({ batchId: first.batches[0]!.batchId, by: 'rows' });
    expect(resaved.problemsByCode.DUPLICATE).toBeUndefined();
    const refused = await commitJob(backend, { previewId: resaved.previewId });
    expect(refused.error?.message).toContain(`已于第 ${first.batches[0]!.batchId} 批导入`);

    // undo and replace, in one transaction
    const replaced = await importFile(backend, made.lo!, { replaceBatch: first.batches[0]!.batchId });
    expect(replaced.replaced).toEqual([first.batches[0]!.batchId]);
    expect(replaced.added).toEqual([]);
    expect(storedRecords(backend, replaced.batches[0]!.batchId)).toEqual(records.map((r) => r.expected));
    const batches = await call(backend, 'fdiImport.batches');
    expect(batches.map((b: { id: number; undoneAt: string | null }) => [b.id, b.undoneAt !== null])).toEqual([[replaced.batches[0]!.batchId, false], [first.batches[0]!.batchId, true]]);
  }, 180_000);

  it('WPS-like: three header rows, a units row, column numbers, amounts as text; the person matches a name to a known park', async () => {
    const backend = await tempBackend();
    await call(backend, 'settings.saveDistrict', { name: '相城区' });
    const known = await call(backend, 'settings.savePlatform', { name: '江海综保区', type: 'bonded_zone' });
    const laid = made.wpsLaid!;
    const preview = await previewFile(backend, made.wps!);
    expect(preview).toMatchObject({ headerRows: laid.headerRows, district: { name: '相城区', source: 'file', isNew: false }, units: { source: 'header', actualFdi: '万美元' } });
    expect(preview.ignoredColumns).toEqual(laid.ignored);
    expect(preview.counts).toMatchObject({ dataRows: wpsRecords.length, cleanRows: wpsRecords.length, skippedRows: laid.skipped });
    expect(preview.totals).toMatchObject({ checked: 8, mismatches: 0 });
    const bonded = preview.unknownPlaces.find((u) => u.name === '江海综合保税区')!;
    expect(bonded.proposal).toEqual({ id: known.id, name: '江海综保区', confident: true });

    // the person takes the proposal for one name and adds the other as new
    const places = preview.unknownPlaces.map((u) => ({ kind: u.kind, name: u.name, matchId: u.proposal?.id ?? null }));
    const state = await commitJob(backend, { previewId: preview.previewId, places });
    expect(state.status).toBe('done');
    const result = state.result as FdiImportResult;
    expect(result.matched).toEqual([{ kind: 'platform', name: '江海综合保税区', id: known.id, to: '江海综保区' }]);
    expect(result.added.map((a) => a.name)).toEqual(platformsOf(wpsRecords).filter((n) => n !== '江海综合保税区'));
    const expected = wpsRecords.map((r) => ({ ...r.expected, platform: r.expected.platform === '江海综合保税区' ? '江海综保区' : r.expected.platform }));
    expect(storedRecords(backend, result.batches[0]!.batchId)).toEqual(expected);
    // remembered: the next return naming it needs no question
    const next = await previewFile(backend, made.wps!);
    expect(next.unknownPlaces).toEqual([]);
  }, 180_000);
});
