import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowLabel, type StatsTables } from '../../shared/api/stats';
import type { JobState } from '../../shared/api/jobs';
import { roundReported } from '../../shared/rules/money';
import { BASIS_ROW, FIRST_DATA_ROW, FORM_META_ROWS, HEADER_ROWS, META_ROW, SHEET_NAMES, columnsFor } from '../../electron/backend/stats/export/layout';
import { sheetTitle } from '../../electron/backend/stats/export/workbook';
import { writeSetting } from '../../electron/backend/settings/store';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { createArea, insertRecords } from './fixture';

type Backend = Awaited<ReturnType<typeof tempBackend>>;

/** Runs the export job as the renderer would and returns the written file, checking progress was reported. */
async function exportFile(b: Backend, range: { from: string; to: string } & Record<string, unknown>): Promise<string> {
  const seen: JobState[] = [];
  const off = b.ctx.events.on((e) => e.type === 'job' && seen.push(e.job));
  const { jobId } = await call<{ jobId: string }>(b, 'stats.export', range);
  const done = await b.ctx.jobs.wait(jobId);
  off();
  expect(done.status, JSON.stringify(done.error)).toBe('done');
  expect(seen.some((s) => s.id === jobId && s.status === 'running')).toBe(true);
  const result = done.result as { fileId: string; name: string; size: number };
  const info = await call<{ name: string; size: number }>(b, 'files.info', { fileId: result.fileId });
  expect(info.size).toBeGreaterThan(5000);
  return b.ctx.files.get(result.fileId).path;
}

/** What the sheet must hold in a data row: the printed code, label and numbers of the table row (blank for null). */
function expectedCells(tables: StatsTables, id: (typeof tables.tables)[number]['id']) {
  const table = tables.tables.find((t) => t.id === id)!;
  return table.rows.map((row) => columnsFor(id).map((c) => c.value(row)));
}

/** LibreOffice headless, a fresh profile, every sheet to its own CSV; returns sheet name → rows. */
function libreOfficeCsv(xlsx: string): Map<string, string[][]> {
  const dir = tempDir('fdi-lo-');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const base = path.basename(xlsx, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const name of Object.values(SHEET_NAMES)) {
    const file = path.join(dir, `${base}-${name}.csv`);
    expect(fs.existsSync(file), `LibreOffice wrote ${file}`).toBe(true);
    sheets.set(name, parse(fs.readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][]);
  }
  return sheets;
}

describe('stats.export', () => {
  it('writes a sheet per table in the layout of a printed return, and exceljs reads back the very numbers', async () => {
    const b = await tempBackend({ demo: true });
    const range = { from: '2026-01', to: '2026-10' };
    const file = await exportFile(b, range);
    expect(path.basename(file)).toBe('外资统计表_2026年1-10月.xlsx');
    const tables = await call<StatsTables>(b, 'stats.tables', range);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET_NAMES));
    for (const table of tables.tables) {
      const ws = wb.getWorksheet(SHEET_NAMES[table.id])!;
      const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? '');
      expect(text(1, 1)).toBe(`${table.title}（金额单位：万美元）`);
      // the form's metadata: labels with nothing made up behind them until the bureau fills them in
      expect(FORM_META_ROWS.map((r) => text(r, 10))).toEqual(['表　　号：', '制定机关：', '批准机关：', '批准文号：', '有效期至：']);
      expect(text(META_ROW, 1)).toBe('填报单位：苏州市商务局（演示）');
      expect(text(META_ROW, 6)).toBe('统计期：2026年1-10月');
      expect(text(META_ROW, 10)).toBe('计量单位：万美元');
      expect(text(BASIS_ROW, 1)).toBe('统计口径：全口径；境内再投资不计入');
      expect(text(HEADER_ROWS[0], 9)).toBe('实际使用外资');
      expect(text(HEADER_ROWS[1], 12)).toBe('占比%');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS[1] });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}` });
      expectedCells(tables, table.id).forEach((cells, i) => {
        cells.forEach((value, c) => expect(ws.getCell(FIRST_DATA_ROW + i, c + 1).value ?? null, `${table.id} row ${i} col ${c}`).toEqual(value));
      });
      expect(ws.getCell(FIRST_DATA_ROW, 9).numFmt).toBe('#,##0.00');
      expect(ws.getCell(FIRST_DATA_ROW, 11).numFmt).toBe('0.0');
      expect(ws.getCell(FIRST_DATA_ROW, 2).font?.bold).toBe(true);
      const signature = FIRST_DATA_ROW + table.rows.length + 2;
      expect([1, 3, 5, 7, 10].map((c) => text(signature, c))).toEqual(['单位负责人：', '统计负责人：', '填表人：', '联系电话：', '报出日期：　　年　　月　　日']);
    }
    expect(tables.tables.find((t) => t.id === 'summary')!.rows.map(rowLabel)).toContain('其中：高技术产业');
  });

  it('opens in LibreOffice (headless conversion succeeds) with the database numbers in every sheet', async () => {
    const b = await tempBackend({ demo: true });
    const range = { from: '2025-07', to: '2026-06' };
    const file = await exportFile(b, range);
    const tables = await call<StatsTables>(b, 'stats.tables', range);
    const sheets = libreOfficeCsv(file);
    for (const table of tables.tables) {
      const rows = sheets.get(SHEET_NAMES[table.id])!;
      expect(rows[0]![0]).toBe(sheetTitle(table, tables));
      expectedCells(tables, table.id).forEach((cells, i) => {
        const read = rows[FIRST_DATA_ROW - 1 + i]!;
        cells.forEach((value, c) => {
          if (typeof value === 'number') expect(Number(read[c]), `${table.id} row ${i} col ${c}`).toBe(value);
          else expect(read[c] ?? '', `${table.id} row ${i} col ${c}`).toBe(value ?? '');
        });
      });
    }
    // and the 合计 is the database's own sum (境内再投资 left out by the default 口径), not just the tables' figure
    const sql = b.ctx.db
      .prepare("SELECT sum(actual_fdi) AS a, sum(contracted_fdi) AS c FROM fdi_record WHERE period BETWEEN ? AND ? AND mode <> 'domestic_reinvestment'")
      .get(range.from, range.to) as { a: number; c: number };
    const total = sheets.get('总表')![FIRST_DATA_ROW - 1]!;
    expect(Number(total[8])).toBe(roundReported(sql.a));
    expect(Number(total[5])).toBe(roundReported(sql.c));
  });

  it('writes names that look like formulas as text, never as formulas', async () => {
    const b = await tempBackend();
    const evil = ['=1+2', '+SUM(1,1)', '-3+4', '@A1'];
    const area = createArea(b.ctx.db, evil, [['=HYPERLINK("http://evil.example","点我")', 'national_etdz', '=1+2']]);
    writeSetting(b.ctx.db, 'jurisdiction', { code: null, name: '', reportingUnit: '=2*3' });
    insertRecords(b.ctx.db, area, evil.map((d, i) => ({ period: '2025-05', mode: 'new' as const, district: d, actual: i + 1, platform: i === 0 ? '=HYPERLINK("http://evil.example","点我")' : null })));
    const file = await exportFile(b, { from: '2025-01', to: '2025-12' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const districts = wb.getWorksheet(SHEET_NAMES.district)!;
    evil.forEach((name, i) => {
      const cell = districts.getCell(FIRST_DATA_ROW + 1 + i, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.numFmt).toBe('@');
    });
    const platformCell = wb.getWorksheet(SHEET_NAMES.platform)!.getCell(FIRST_DATA_ROW + 2, 2);
    expect(platformCell.type).toBe(ExcelJS.ValueType.String);
    expect(platformCell.value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(districts.getCell(META_ROW, 1).value).toBe('填报单位：=2*3');
    // LibreOffice shows the text itself: nothing was computed
    const csv = libreOfficeCsv(file).get(SHEET_NAMES.district)!;
    expect(evil.map((_, i) => csv[FIRST_DATA_ROW + i]![1])).toEqual(evil);
  });

  it('prints the bureau’s form details, the 口径, 亿元人民币 in the title and 计量单位, and marks 同比 when the prior lacks a district', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db, ['东区', '西区']);
    insertRecords(b.ctx.db, area, [
      { period: '2025-03', mode: 'new', district: '东区', actual: 10, contracted: 20 },
      { period: '2025-04', mode: 'domestic_reinvestment', district: '西区', actual: 5, contracted: 6 },
      { period: '2025-04', mode: 'increase', district: '西区', industry: '6621', actual: 7 },
      { period: '2024-03', mode: 'new', district: '东区', actual: 8 },
    ]);
    for (const period of ['2024', '2025']) await call(b, 'stats.saveRate', { period, rate: 7, source: '测试' });
    await call(b, 'stats.saveSettings', {
      forms: { summary: { formNo: 'X外资1表', authority: '某市商务局', approvedBy: '某市统计局', approvalNo: '某统字〔2025〕1号', validUntil: '2027年12月' } },
      signature: { unitHead: '张三', statsHead: '', preparer: '李四', phone: '0512-1234' },
    });
    const query = { from: '2025-01', to: '2025-06', scope: 'excl-finance', currency: 'cny', domesticReinvestment: 'included' };
    const file = await exportFile(b, query);
    const tables = await call<StatsTables>(b, 'stats.tables', query);
    const sheets = libreOfficeCsv(file);
    const summary = sheets.get('总表')!;
    const cell = (r: number, c: number) => summary[r - 1]?.[c - 1] ?? '';
    expect(cell(1, 1)).toBe('外商投资企业总表（金额单位：亿元人民币）');
    expect(FORM_META_ROWS.map((r) => cell(r, 10))).toEqual(['表　　号：X外资1表', '制定机关：某市商务局', '批准机关：某市统计局', '批准文号：某统字〔2025〕1号', '有效期至：2027年12月']);
    expect(cell(META_ROW, 10)).toBe('计量单位：亿元人民币');
    expect(cell(BASIS_ROW, 1)).toBe('统计口径：不含银行、证券、保险；境内再投资全额计入');
    expect(cell(HEADER_ROWS[1], 11)).toBe('同比±%※');
    // the total: 东区 10 + 西区 5 (境内再投资 in full; the bank left out), at 7 元 per 美元, in 亿元
    expect(Number(cell(FIRST_DATA_ROW, 9))).toBe(tables.tables[0]!.rows[0]!.current.actualFdi);
    expect(tables.tables[0]!.rows[0]!.current.actualFdi).toBe(roundReported((15 * 7) / 10000));
    const note = summary.find((r) => r[0]?.startsWith('注：'))![0]!;
    expect(note).toContain('※上年同期缺少 西区 的数据');
    const sign = summary.find((r) => r[0]?.startsWith('单位负责人'))!;
    expect(sign.filter(Boolean)).toEqual(['单位负责人：张三', '统计负责人：', '填表人：李四', '联系电话：0512-1234', '报出日期：　　年　　月　　日']);
    // other tables keep blank details: nothing made up
    expect(FORM_META_ROWS.map((r) => sheets.get('分行业')![r - 1]![9])).toEqual(['表　　号：', '制定机关：', '批准机关：', '批准文号：', '有效期至：']);
  }, 120_000);

  it('can be cancelled, and then leaves no file behind', async () => {
    const b = await tempBackend({ demo: true });
    const { jobId } = await call<{ jobId: string }>(b, 'stats.export', { from: '2026-01', to: '2026-10' });
    await call(b, 'jobs.cancel', { jobId });
    const state = await b.ctx.jobs.wait(jobId);
    expect(state.status).toBe('cancelled');
    expect(state.result).toBeUndefined();
    const exports = path.join(b.dir, 'work', 'exports');
    const files = fs.existsSync(exports) ? fs.readdirSync(exports, { recursive: true }).filter((f) => String(f).endsWith('.xlsx')) : [];
    expect(files).toEqual([]);
  });
});
