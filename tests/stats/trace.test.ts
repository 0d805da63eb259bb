import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordSource, StatsRecord, StatsTables } from '../../shared/api/stats';
import { runCli } from '../../electron/cli/run';
import { call, tempDir } from '../helpers/backend';
import { fdiBackend, importFile } from '../helpers/fdi-backend';
import { convertWithLibreOffice, layoutRows, makeRecords, writeReturnCsv, writeReturnXlsx } from '../helpers/fdi-fixtures';

async function cliJson(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--json'], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, value: JSON.parse(out || '{}'), err };
}

/** The cell as the file holds it and the app reads it back: text as written, numbers, dates as YYYY-MM-DD. */
const asRead = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === '' ? null : (v ?? null));

describe('records traced to their file rows', () => {
  it('gives each record its batch, file, sheet and Excel row, and the row’s cells as they were — in a file LibreOffice wrote', async () => {
    const b = await fdiBackend();
    const dir = tempDir();
    const records = makeRecords(24, { seed: 9, textDates: true });
    const layout = { title: '外资到资情况', reportingUnit: '江北区商务局', subtotalEvery: 8, footer: true };
    // LibreOffice writes the workbook from a CSV: another program's .xlsx, its own typing of numbers and dates
    const [file] = convertWithLibreOffice([writeReturnCsv(path.join(dir, '江北区2025年1-9月.csv'), records, layout, 'utf8')], path.join(dir, 'lo'));
    const { batches } = await importFile(b, file!, {});
    const batch = batches[0]!;
    const page = await call<{ rows: StatsRecord[]; total: number }>(b, 'stats.records', { from: '2025-01', to: '2025-12', pageSize: 500 });
    // the default 口径 leaves 境内再投资 out: the rest of the file's records are here
    expect(page.total).toBe(records.filter((r) => r.expected.mode !== 'domestic_reinvestment').length);
    const { rows: laidOut } = layoutRows(records, layout);
    for (const r of page.rows) {
      expect(r.source).toMatchObject({ batchId: batch.batchId, file: '江北区2025年1-9月.xlsx', sheet: expect.any(String) });
      // the Excel row: the laid-out row with this enterprise's name
      const expectedRow = laidOut.findIndex((cells) => cells[0] === r.enterpriseName) + 1;
      expect(r.source!.row, r.enterpriseName).toBe(expectedRow);
    }
    for (const r of page.rows.slice(0, 6)) {
      const source = await call<RecordSource>(b, 'stats.recordSource', { recordId: r.id });
      const written = laidOut[source.row - 1]!;
      expect(source.header.slice(0, 5)).toEqual(['企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式']);
      expect(source.cells.map((c) => c.column).slice(0, 3)).toEqual(['A', 'B', 'C']);
      // names, codes and words as written (LibreOffice typed a code like 3670 as a number: so does the file)
      expect(source.cells.slice(0, 5).map((c) => String(c.value))).toEqual(written.slice(0, 5).map(String));
      expect(Number(source.cells[6]!.value)).toBe(Number(written[6]));
      expect(asRead(source.cells[8]?.value ?? null)).toBe(asRead(written[8]));
    }
  }, 120_000);

  it('prints the records of a cell with their sources from the command line, and their sums are the cell', async () => {
    const b = await fdiBackend();
    const records = makeRecords(30, { seed: 3 });
    const file = await writeReturnXlsx(path.join(tempDir(), '江南区.xlsx'), records, { reportingUnit: '江南区商务局' });
    await importFile(b, file, {});
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-09', domesticReinvestment: 'included' });
    const hkg = t.tables.find((x) => x.id === 'country')!.rows.find((r) => r.key === 'country:HKG')!;
    const out = await cliJson(['records', '--db', b.ctx.dbPath, '--from', '2025-01', '--to', '2025-09', '--country', 'HKG', '--domestic-reinvestment', 'included']);
    expect(out.code, out.err).toBe(0);
    const expected = records.filter((r) => r.expected.countryCode === 'HKG');
    expect(out.value.records).toHaveLength(expected.length);
    expect(out.value.sums).toMatchObject({ actualFdi: hkg.current.actualFdi, contractedFdi: hkg.current.contractedFdi });
    for (const r of out.value.records) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['enterprise', 'uscc', 'period', 'mode', 'contractedFdi', 'actualFdi', 'source']));
      expect(r.source).toMatchObject({ file: '江南区.xlsx', sheet: '外资到资', row: expect.any(Number) });
      const fixture = expected.find((e) => e.expected.uscc === r.uscc)!;
      expect(r).toMatchObject({ enterprise: fixture.expected.name, period: fixture.expected.period, mode: fixture.expected.mode, actualFdi: fixture.expected.actualFdi });
    }
    const byMode = await cliJson(['records', '--db', b.ctx.dbPath, '--from', '2025-01', '--to', '2025-09', '--mode', 'domestic_reinvestment', '--cells']);
    expect(byMode.value.records.length).toBe(records.filter((r) => r.expected.mode === 'domestic_reinvestment').length);
    expect(byMode.value.records.every((r: { cells: Array<{ value: unknown }> }) => r.cells[4]!.value === '境内再投资')).toBe(true);
    const bad = await cliJson(['records', '--db', b.ctx.dbPath, '--from', '2025-01', '--to', '2025-09', '--mode', 'reinvestment']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--mode 应为');
  }, 120_000);

  it('says when a record has no file to trace to (demo data, or imported before files were kept)', async () => {
    const b = await fdiBackend({ demo: true });
    const page = await call<{ rows: StatsRecord[] }>(b, 'stats.records', { from: '2025-01', to: '2026-10', pageSize: 5 });
    const result = await b.dispatch('stats.recordSource', { recordId: page.rows[0]!.id });
    expect(!result.ok && result.error.code).toBe('SOURCE_UNAVAILABLE');
  });
});
