/**
 * A district's FDI return laid out as bureaus draw it, as rows and merge ranges any writer can write: a header over
 * two or three rows (所属行业 merged over 行业代码 | 行业名称, 外资金额 over 合同外资 | 实际使用外资, every other label
 * merged down), a row of column numbers and a units row, sub-areas each closed by a 小计, a 合计 and a 其中 row, columns
 * the importer does not take (序号, 行业名称, 备注), and totals that can be made to disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { columnLetter } from '../../electron/backend/workbook/cells';
import type { FixtureRecord } from './fdi-fixtures';
import { libreOfficeXlsx, writeFods, writeXlsxParts, type Cell } from './other-writers';

export interface ReturnLayout {
  title?: string;
  reportingUnit?: string;
  /** A line `单位：万美元` above the header. */
  unitLine?: string;
  /** Header rows: two (parents over children) or three (本期 | 本年累计 under each amount). */
  levels: 2 | 3;
  numbering?: boolean;
  /** A row under the header naming each amount column's unit. */
  unitsRow?: boolean;
  /** Sub-areas, each with a label row before and a 小计 after; a 合计 follows the last. */
  groups?: number;
  /** A 其中：新设 row after the 合计. */
  ofWhich?: boolean;
  /** A 序号 column first and a 备注 column last (not imported). */
  extraColumns?: boolean;
  /** The mode column's header, when it is one no list knows (recognised by its content). */
  modeHeader?: string;
  /** Amounts as text with thousands separators, as some files hold them. */
  amountsAsText?: boolean;
  /** Makes one total disagree with its rows by `delta` in the 实际使用外资 column: the group's 小计, or the 合计. */
  badTotal?: { group: number | 'grand'; delta: number };
  /** Notes and signatures under the table. */
  footer?: boolean;
}

export interface LaidOutReturn {
  rows: Cell[][];
  merges: string[];
  /** The header block's rows (labels, then units and numbering rows). */
  headerRows: number[];
  /** Rows that are not data: total, label, ofWhich and footer rows. */
  skipped: number;
  /** Every total row, and the one made to disagree. */
  totals: Array<{ row: number; kind: 'sub' | 'grand' }>;
  mismatch: { row: number; column: string; stated: number; computed: number } | null;
  /** Columns the importer is expected not to take. */
  ignored: Array<{ column: string; header: string }>;
  /** Column letters of the amounts, the first 本期 ones. */
  amountColumns: { contracted: string; actual: string };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const asText = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function layoutReturn(records: FixtureRecord[], o: ReturnLayout): LaidOutReturn {
  const extra = o.extraColumns ? 1 : 0;
  const perAmount = o.levels === 3 ? 2 : 1;
  // column indexes (0-based)
  const col = { name: extra, uscc: extra + 1, country: extra + 2, code: extra + 3, industryName: extra + 4, mode: extra + 5, amounts: extra + 6 };
  const dateCol = col.amounts + 2 * perAmount;
  const platformCol = dateCol + 1;
  const remarkCol = platformCol + 1;
  const width = platformCol + 1 + extra;
  const letter = (c: number) => columnLetter(c + 1);
  const rows: Cell[][] = [];
  const merges: string[] = [];
  const blank = () => new Array<Cell>(width).fill(null);
  if (o.title) {
    rows.push([o.title, ...new Array<Cell>(width - 1).fill(null)]);
    merges.push(`A${rows.length}:${letter(width - 1)}${rows.length}`);
  }
  if (o.reportingUnit || o.unitLine) {
    const line = blank();
    line[0] = o.reportingUnit ? `填报单位：${o.reportingUnit}` : null;
    line[width - 1] = o.unitLine ? `单位：${o.unitLine}` : null;
    rows.push(line);
  }
  const top = rows.length + 1;
  const levels = o.levels;
  const bottom = top + levels - 1;
  const header: Cell[][] = Array.from({ length: levels }, blank);
  const downward = (c: number, text: string) => {
    header[0]![c] = text;
    merges.push(`${letter(c)}${top}:${letter(c)}${bottom}`);
  };
  if (extra) downward(0, '序号');
  downward(col.name, '企业名称');
  downward(col.uscc, '统一社会信用代码');
  downward(col.country, '国别（地区）');
  header[0]![col.code] = '所属行业';
  merges.push(`${letter(col.code)}${top}:${letter(col.industryName)}${top}`);
  header[1]![col.code] = '行业代码';
  header[1]![col.industryName] = '行业名称';
  if (levels === 3) merges.push(`${letter(col.code)}${top + 1}:${letter(col.code)}${bottom}`, `${letter(col.industryName)}${top + 1}:${letter(col.industryName)}${bottom}`);
  downward(col.mode, o.modeHeader ?? '投资方式');
  header[0]![col.amounts] = '外资金额（万美元）';
  merges.push(`${letter(col.amounts)}${top}:${letter(col.amounts + 2 * perAmount - 1)}${top}`);
  (['合同外资', '实际使用外资'] as const).forEach((name, k) => {
    const c = col.amounts + k * perAmount;
    header[1]![c] = name;
    if (levels === 3) {
      merges.push(`${letter(c)}${top + 1}:${letter(c + 1)}${top + 1}`);
      header[2]![c] = '本期';
      header[2]![c + 1] = '本年累计';
    }
  });
  downward(dateCol, '到资日期');
  downward(platformCol, '所属园区');
  if (extra) downward(remarkCol, '备注');
  rows.push(...header);
  if (o.unitsRow) {
    const units = blank();
    for (let k = 0; k < 2 * perAmount; k++) units[col.amounts + k] = '万美元';
    rows.push(units);
  }
  if (o.numbering) {
    const numbers = blank();
    const words = '甲乙丙丁戊己庚辛壬癸';
    let w = 0;
    let n = 1;
    for (let c = 0; c < width; c++) numbers[c] = c >= col.amounts && c < dateCol ? String(n++) : words[w++]!;
    rows.push(numbers);
  }
  const headerRows = Array.from({ length: rows.length - top + 1 }, (_, i) => top + i);

  const amountCells = (contracted: number, actual: number): Cell[] => {
    const v = (x: number) => (o.amountsAsText ? asText(x) : x);
    return levels === 3 ? [v(contracted), v(contracted), v(actual), v(actual)] : [v(contracted), v(actual)];
  };
  const totals: LaidOutReturn['totals'] = [];
  let mismatch: LaidOutReturn['mismatch'] = null;
  let skipped = 0;
  const totalRow = (label: string, sums: { c: number; a: number }, kind: 'sub' | 'grand', bad: boolean) => {
    const line = blank();
    line[col.name] = label;
    const stated = round2(sums.a + (bad ? o.badTotal!.delta : 0));
    line.splice(col.amounts, 2 * perAmount, ...amountCells(round2(sums.c), stated));
    rows.push(line);
    skipped++;
    totals.push({ row: rows.length, kind });
    if (bad) mismatch = { row: rows.length, column: letter(col.amounts + perAmount), stated, computed: round2(sums.a) };
  };
  const groups = o.groups ?? 1;
  const size = Math.ceil(records.length / groups);
  const all = { c: 0, a: 0 };
  for (let g = 0; g < groups; g++) {
    const part = records.slice(g * size, (g + 1) * size);
    if (groups > 1) {
      const label = blank();
      label[col.name] = `${'一二三四五六七八九十'[g]}、第${g + 1}片区`;
      rows.push(label);
      skipped++;
    }
    const sums = { c: 0, a: 0 };
    part.forEach((r, i) => {
      const line = blank();
      const c = r.cells;
      if (extra) line[0] = g * size + i + 1;
      line[col.name] = c.name;
      line[col.uscc] = c.uscc;
      line[col.country] = c.country;
      line[col.code] = c.industry;
      line[col.industryName] = `（${c.industry}）`;
      line[col.mode] = c.mode;
      line.splice(col.amounts, 2 * perAmount, ...amountCells(Number(c.contracted), Number(c.actual)));
      line[dateCol] = c.date;
      line[platformCol] = c.platform || null;
      if (extra && i % 3 === 0) line[remarkCol] = '已核实';
      rows.push(line);
      sums.c += Number(c.contracted);
      sums.a += Number(c.actual);
    });
    all.c += sums.c;
    all.a += sums.a;
    if (groups > 1) totalRow(`第${g + 1}片区小计`, sums, 'sub', o.badTotal?.group === g);
  }
  totalRow('合计', all, 'grand', o.badTotal?.group === 'grand');
  if (o.ofWhich) {
    const news = records.filter((r) => /新设/.test(r.cells.mode));
    const line = blank();
    line[col.name] = '其中：新设';
    line.splice(col.amounts, 2 * perAmount, ...amountCells(round2(news.reduce((n, r) => n + Number(r.cells.contracted), 0)), round2(news.reduce((n, r) => n + Number(r.cells.actual), 0))));
    rows.push(line);
    skipped++;
  }
  if (o.footer) {
    rows.push(['注：实际使用外资按外汇局结汇口径填报。']);
    rows.push(['单位负责人：张三', null, null, '填表人：李四', null, null, '报出日期：2025年10月5日']);
    skipped += 2;
  }
  const ignored = [
    ...(extra ? [{ column: 'A', header: '序号' }] : []),
    { column: letter(col.industryName), header: '所属行业/行业名称' },
    ...(levels === 3
      ? [
          { column: letter(col.amounts + 1), header: '外资金额（万美元）/合同外资/本年累计' },
          { column: letter(col.amounts + 3), header: '外资金额（万美元）/实际使用外资/本年累计' },
        ]
      : []),
    ...(extra ? [{ column: letter(remarkCol), header: '备注' }] : []),
  ];
  return { rows, merges, headerRows, skipped, totals, mismatch, ignored, amountColumns: { contracted: letter(col.amounts), actual: letter(col.amounts + perAmount) } };
}

/**
 * Writes a laid-out return as `writer` would: Excel or WPS part by part, or LibreOffice (flat ODS converted with
 * `soffice`). Returns the .xlsx path (`file` names it: its folder and base name).
 */
export async function writeBureauReturn(file: string, laid: LaidOutReturn, writer: 'excel' | 'wps' | 'libreoffice', sheet = '外资到资'): Promise<string> {
  const spec = [{ name: sheet, rows: laid.rows, merges: laid.merges }];
  if (writer !== 'libreoffice') {
    const printTitles = `$${laid.headerRows[0]}:$${laid.headerRows[laid.headerRows.length - 1]}`;
    return writeXlsxParts(file, spec, writer, { printTitles });
  }
  const dir = path.dirname(file);
  const fods = writeFods(path.join(dir, `${path.basename(file, path.extname(file))}.fods`), spec);
  const [out] = libreOfficeXlsx([fods], dir);
  fs.rmSync(fods);
  return out!;
}
