/**
 * FDI return fixtures, written at test time: records with known values, laid out the ways bureau files come
 * (title and 填报单位 lines, units above or in the headers, two-row merged headers, 小计/合计 rows, blank lines, notes
 * and signatures, several sheets), as .xlsx (exceljs), .csv (GBK, UTF-8 with BOM) or converted by LibreOffice.
 * Every record carries what it should become once imported, so tests compare the database with the input.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { fakeUscc } from '../../electron/backend/demo/uscc';
import { seededRandom } from '../../electron/backend/demo/random';
import type { FdiMode } from '../../shared/domain/fdi';
import type { CellValue } from '../../electron/backend/workbook';

export type Unit = '美元' | '万美元' | '亿美元';
const FACTOR: Record<Unit, number> = { 美元: 0.0001, 万美元: 1, 亿美元: 10000 };

export interface FixtureRecord {
  /** As written in the file. */
  cells: { name: string; uscc: string; country: string; industry: string | number; mode: string; contracted: number | string; actual: number | string; date: Date | string; platform: string };
  /** What the database should hold (amounts in 万美元, rounded to 4 places). */
  expected: { name: string; uscc: string; countryCode: string; industryCode: string; mode: FdiMode; contractedFdi: number; actualFdi: number; period: string; platform: string | null };
}

const COUNTRIES: Array<[string, string]> = [
  ['香港', 'HKG'], ['中国香港', 'HKG'], ['香港特别行政区', 'HKG'], ['HKG', 'HKG'], ['新加坡', 'SGP'], ['日本', 'JPN'],
  ['大韩民国', 'KOR'], ['英属维尔京群岛', 'VGB'], ['美国', 'USA'], ['德国', 'DEU'], ['中国台湾', 'TWN'], ['SG', 'SGP'],
];
const INDUSTRIES: Array<[string | number, string]> = [
  ['3670', '3670'], ['C3670', '3670'], ['6513', '6513'], ['I6513', '6513'], [3982, '3982'], ['计算机整机制造', '3911'],
  [111, '0111'], ['7320', '7320'], ['C 2710', '2710'],
];
const MODES: Array<[string, FdiMode]> = [
  ['新设', 'new'], ['新设立', 'new'], ['增资', 'increase'], ['追加投资', 'increase'], ['并购', 'merger'], ['股权并购', 'merger'],
  ['利润再投资', 'profit_reinvestment'], ['境内再投资', 'domestic_reinvestment'],
];
export const FIXTURE_PLATFORMS: Array<[string, 'national_etdz' | 'ftz_area' | 'bonded_zone']> = [
  ['江海经济技术开发区', 'national_etdz'], ['自贸试验区江海片区', 'ftz_area'], ['江海综合保税区', 'bonded_zone'],
];

const round4 = (n: number) => Math.round(n * 10000) / 10000;

/** `count` deterministic records for a district; amounts written in `unit`, dates in varied forms. */
export function makeRecords(count: number, options: { seed?: number; unit?: Unit; prefix?: string; textDates?: boolean } = {}): FixtureRecord[] {
  const rng = seededRandom(options.seed ?? 7);
  const unit = options.unit ?? '万美元';
  const out: FixtureRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [country, countryCode] = COUNTRIES[i % COUNTRIES.length]!;
    const [industry, industryCode] = INDUSTRIES[i % INDUSTRIES.length]!;
    const [mode, modeCode] = MODES[i % MODES.length]!;
    const month = 1 + (i % 9);
    const day = 1 + (i % 27);
    // amounts in the file's unit: whole dollars for 美元, cents of 万美元, 6 places of 亿美元 (= whole 美元 × 100)
    const contractedWan = modeCode === 'profit_reinvestment' ? 0 : rng.int(1, 900000) / 100;
    const actualWan = rng.int(0, 500000) / 100;
    const inUnit = (wan: number) => (unit === '美元' ? Math.round(wan * 10000) : unit === '亿美元' ? Number((wan / 10000).toFixed(6)) : wan);
    const contracted = inUnit(contractedWan);
    const actual = inUnit(actualWan);
    const dateForms: Array<Date | string> = [
      new Date(Date.UTC(2025, month - 1, day)),
      `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `2025年${month}月`,
      `2025/${month}/${day}`,
      `2025${String(month).padStart(2, '0')}`,
    ];
    const date = options.textDates ? (dateForms[1 + (i % 4)] as string) : dateForms[i % dateForms.length]!;
    const platform = i % 3 === 0 ? '' : FIXTURE_PLATFORMS[i % FIXTURE_PLATFORMS.length]![0];
    const name = `${options.prefix ?? '江海'}${['华嘉', '凯丰', '森宏', '恒凯', '安安'][i % 5]}${i}号科技有限公司`;
    const uscc = fakeUscc(rng, '320111');
    out.push({
      cells: { name, uscc, country, industry, mode, contracted, actual, date, platform },
      expected: {
        name,
        uscc,
        countryCode,
        industryCode,
        mode: modeCode,
        contractedFdi: round4(contracted * FACTOR[unit]),
        actualFdi: round4(actual * FACTOR[unit]),
        period: `2025-${String(month).padStart(2, '0')}`,
        platform: platform || null,
      },
    });
  }
  return out;
}

export interface LayoutOptions {
  title?: string;
  reportingUnit?: string;
  /** A line like `单位：美元` above the header. */
  unitLine?: Unit;
  /** A unit in the amount headers: `合同外资（万美元）`. */
  headerUnit?: Unit;
  /** Header over two rows: 外资金额 merged over 合同外资/实际使用外资, other columns merged down. */
  twoRowHeader?: boolean;
  /** A 小计 row after every `subtotalEvery` records, and a 合计 row at the end. */
  subtotalEvery?: number;
  /** A blank line after every `blankEvery` records. */
  blankEvery?: number;
  /** Notes and a signature line under the table. */
  footer?: boolean;
  /** Rows written before each record's row: bad rows for error tests (already laid out as cells). */
  extraRows?: Array<{ after: number; cells: unknown[] }>;
}

const HEADERS = (unit?: Unit) => [
  '企业名称', '统一社会信用代码', '国别（地区）', '行业代码', '投资方式',
  `合同外资${unit ? `（${unit}）` : ''}`, `实际使用外资${unit ? `（${unit}）` : ''}`, '到资日期', '所属园区',
];

/** The rows of a return as a sheet would hold them (without merges), and the merges to apply. */
export function layoutRows(records: FixtureRecord[], o: LayoutOptions): { rows: unknown[][]; merges: string[] } {
  const rows: unknown[][] = [];
  const merges: string[] = [];
  if (o.title) {
    rows.push([o.title]);
    merges.push(`A${rows.length}:I${rows.length}`);
  }
  if (o.reportingUnit || o.unitLine) {
    rows.push([o.reportingUnit ? `填报单位：${o.reportingUnit}` : null, null, null, null, null, '统计期：2025年1-9月', null, null, o.unitLine ? `单位：${o.unitLine}` : null]);
  }
  if (o.twoRowHeader) {
    const top = rows.length + 1;
    const h = HEADERS();
    rows.push([h[0], h[1], h[2], h[3], h[4], `外资金额${o.headerUnit ? `（${o.headerUnit}）` : ''}`, null, h[7], h[8]]);
    rows.push([null, null, null, null, null, '合同外资', '实际使用外资', null, null]);
    for (const col of ['A', 'B', 'C', 'D', 'E', 'H', 'I']) merges.push(`${col}${top}:${col}${top + 1}`);
    merges.push(`F${top}:G${top}`);
  } else rows.push(HEADERS(o.headerUnit));
  let sumC = 0;
  let sumA = 0;
  records.forEach((r, i) => {
    for (const extra of o.extraRows ?? []) if (extra.after === i) rows.push(extra.cells);
    const c = r.cells;
    rows.push([c.name, c.uscc, c.country, c.industry, c.mode, c.contracted, c.actual, c.date, c.platform || null]);
    sumC += Number(c.contracted);
    sumA += Number(c.actual);
    if (o.subtotalEvery && (i + 1) % o.subtotalEvery === 0) rows.push([`第${(i + 1) / o.subtotalEvery}片区小计`, null, null, null, null, sumC, sumA]);
    if (o.blankEvery && (i + 1) % o.blankEvery === 0) rows.push([]);
  });
  for (const extra of o.extraRows ?? []) if (extra.after >= records.length) rows.push(extra.cells);
  if (o.subtotalEvery) rows.push(['合计', null, null, null, null, sumC, sumA]);
  if (o.footer) {
    rows.push(['注：1. 实际使用外资按外汇局结汇口径填报。']);
    merges.push(`A${rows.length}:I${rows.length}`);
    rows.push(['2. 本表由各区县商务局于次月5日前报送。']);
    rows.push(['单位负责人：张三', null, null, '统计负责人：李四', null, '填表人：王五', null, '报出日期：2025年10月5日']);
  }
  return { rows, merges };
}

/** Writes one sheet per entry with exceljs (merges, USCC as text, dates as dates). */
export async function writeXlsx(file: string, sheets: Array<{ name: string; rows: unknown[][]; merges?: string[]; state?: 'hidden' }>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) row.getCell(j + 1).value = v as ExcelJS.CellValue;
      });
      row.commit();
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    ws.getColumn(8).numFmt = 'yyyy-mm-dd';
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

export async function writeReturnXlsx(file: string, records: FixtureRecord[], layout: LayoutOptions, sheetName = '外资到资'): Promise<string> {
  const { rows, merges } = layoutRows(records, layout);
  return writeXlsx(file, [{ name: sheetName, rows, merges }]);
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes the laid-out rows as CSV in GBK (no BOM, as Chinese-locale Excel saves) or UTF-8 with BOM or without. */
export function writeReturnCsv(file: string, records: FixtureRecord[], layout: LayoutOptions, encoding: 'gbk' | 'utf8-bom' | 'utf8'): string {
  const { rows } = layoutRows(records, { ...layout, twoRowHeader: layout.twoRowHeader });
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * Converts files to .xlsx (or .xls) with LibreOffice (a writer other than exceljs), into `outDir`. Each call has its
 * own LibreOffice profile so parallel runs do not fight over one. CSV input is read as UTF-8, comma-separated.
 */
export function convertWithLibreOffice(files: string[], outDir: string, to: 'xlsx' | 'xls' = 'xlsx'): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(outDir, '.lo-profile-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', to, '--outdir', outDir, ...files],
    { stdio: 'pipe', timeout: 300_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  return files.map((f) => {
    const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${to}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}

/** The Excel row number of a row of `layoutRows` (found by identity). */
export function rowNumberOf(rows: unknown[][], cells: unknown[]): number {
  const index = rows.indexOf(cells);
  if (index < 0) throw new Error('row not in layout');
  return index + 1;
}

/** An exceljs cell value as the app's reader gives it (an oracle for tests that read a file with exceljs). */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in v) return toCellValue(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return toCellValue(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}
