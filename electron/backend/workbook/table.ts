/**
 * Finding the table in a sheet as bureaus lay it out: title and 填报单位/统计期 lines above, a header of one row or two
 * (merged parent cells, combined as `父/子`), a unit in a line above (`单位：美元`) or in the headers (`（万美元）`),
 * and under or inside the table blank rows, 合计/小计/总计 rows, a column-number row (甲 乙 1 2 3), repeated headers,
 * notes (注：…) and signature lines (填表人/单位负责人/报出日期), which are skipped with a reason.
 */
import { findUnit, type AmountUnit } from '../../../shared/rules/units';
import { cellText, isBlankRow, type CellValue, type SheetRow } from './cells';
import { headerSignature, matchColumns, type ColumnMapping, type FieldSpec } from './headers';
import type { CellRange } from './source';

export interface TableContext {
  /** The table's title line, if any (`江北区2025年1-6月外商直接投资到位情况表`). */
  title: string | null;
  /** Who filed it (`填报单位：江北区商务局` → `江北区商务局`). */
  reportingUnit: string | null;
  /** The period text of a `统计期：`/`报告期：` line. */
  periodText: string | null;
  /** Every non-blank line above the header, as text. */
  lines: string[];
}

export interface TableLayout {
  sheet: string;
  /** Excel row numbers of the header: one, or two for a merged two-row header. */
  headerRows: number[];
  /** Per column (0-based), the header text; two-row headers give `父/子`. Blank columns are ''. */
  labels: string[];
  /** Detected field → column. */
  mapping: ColumnMapping;
  /** Required fields no column matched. */
  missing: string[];
  /** A unit named in a line above the header (or the title). */
  unit: AmountUnit | null;
  /** Per column, a unit named in its header text. */
  columnUnits: Array<AmountUnit | null>;
  context: TableContext;
  /** Stable key of the header wording (see headerSignature). */
  signature: string;
}

function texts(cells: readonly CellValue[]): string[] {
  return cells.map(cellText);
}

/** Labels of a two-row header: a cell under a merged parent is `父/子`; a cell merged down both rows is its own label. */
export function combineHeaderRows(top: SheetRow, bottom: SheetRow, merges: readonly CellRange[] | null): string[] {
  const upper = texts(top.cells);
  const lower = texts(bottom.cells);
  const width = Math.max(upper.length, lower.length);
  const labels: string[] = [];
  let carry = '';
  for (let c = 0; c < width; c++) {
    const t = upper[c] ?? '';
    const b = lower[c] ?? '';
    let parent: string;
    if (merges) {
      const range = merges.find((m) => m.top === top.rowNumber && m.left <= c + 1 && m.right >= c + 1 && m.right > m.left);
      parent = range ? (upper[range.left - 1] ?? '') : t;
    } else {
      // without merge ranges (CSV), a blank top cell continues the parent on its left, if that one had children
      if (t) carry = b ? t : '';
      parent = t || carry;
    }
    labels.push(parent && b && parent !== b ? `${parent}/${b}` : parent || b);
  }
  return labels;
}

const REPORTING_UNIT = /(?:填报|报送|填表)单位[:：]\s*((?:(?!统计期|报告期|计量单位|金额单位|单位[:：]|日期[:：])\S)+)/;
const PERIOD_LINE = /(?:统计期|报告期|统计时间|报告时间|所属期)[:：]\s*(\d{4}\S*)/;

function readContext(above: readonly SheetRow[]): { context: TableContext; unit: AmountUnit | null } {
  const lines = above.map((r) => texts(r.cells).filter(Boolean).join('  ')).filter(Boolean);
  let title: string | null = null;
  let reportingUnit: string | null = null;
  let periodText: string | null = null;
  let unit: AmountUnit | null = null;
  for (const line of lines) {
    const plain = line.normalize('NFKC');
    const ru = plain.match(REPORTING_UNIT);
    if (ru && !reportingUnit) reportingUnit = ru[1]!.replace(/[(（]盖章[)）]/g, '').trim() || null;
    const pe = plain.match(PERIOD_LINE);
    if (pe && !periodText) periodText = pe[1]!;
    unit ??= findUnit(plain);
    if (!ru && !pe && !/^(计量|金额)?单位[:：]/.test(plain) && !title) title = line;
  }
  return { context: { title, reportingUnit, periodText, lines }, unit };
}

function hasValueCells(row: SheetRow): boolean {
  return row.cells.some((c) => typeof c === 'number' || c instanceof Date);
}

export interface FindTableOptions {
  /** Merged ranges of the sheet, when known (.xlsx); without them two-row headers are combined by position. */
  merges?: readonly CellRange[] | null;
  /** Fewest fields a header must match to count as one (default 2). */
  minFields?: number;
}

/**
 * Finds the header among the first rows of a sheet (pass 20–40 rows) and reads what lies above it. Returns null
 * when no row matches enough fields: the sheet is not a table of this kind.
 */
export function findTable(head: readonly SheetRow[], fields: readonly FieldSpec[], options: FindTableOptions = {}): TableLayout | null {
  const minFields = options.minFields ?? 2;
  let best: { index: number; rows: 1 | 2; labels: string[]; mapping: ColumnMapping; score: number } | null = null;
  head.forEach((row, index) => {
    if (isBlankRow(row.cells) || hasValueCells(row)) return;
    const single = texts(row.cells);
    const one = matchColumns(single, fields);
    const count1 = Object.keys(one.mapping).length;
    const consider = (rows: 1 | 2, labels: string[], mapping: ColumnMapping, count: number) => {
      // ties go to the earlier row: a header comes before the data that might echo its words
      if (count >= minFields && (!best || count > best.score)) best = { index, rows, labels, mapping, score: count };
    };
    consider(1, single, one.mapping, count1);
    const next = head[index + 1];
    if (next && next.rowNumber === row.rowNumber + 1 && !isBlankRow(next.cells) && !hasValueCells(next)) {
      const combined = combineHeaderRows(row, next, null);
      const two = matchColumns(combined, fields);
      const count2 = Object.keys(two.mapping).length;
      // two rows are one header only when together they name more fields than either row alone
      const countNext = Object.keys(matchColumns(texts(next.cells), fields).mapping).length;
      if (count2 > count1 && count2 > countNext) consider(2, combined, two.mapping, count2);
    }
  });
  if (!best) return null;
  const found = best as { index: number; rows: 1 | 2; labels: string[]; mapping: ColumnMapping };
  const headerRows = head.slice(found.index, found.index + found.rows);
  let { labels, mapping } = found;
  if (found.rows === 2 && options.merges) {
    labels = combineHeaderRows(headerRows[0]!, headerRows[1]!, options.merges);
    mapping = matchColumns(labels, fields).mapping;
  }
  const { context, unit } = readContext(head.slice(0, found.index));
  return {
    sheet: headerRows[0]!.sheet,
    headerRows: headerRows.map((r) => r.rowNumber),
    labels,
    mapping,
    missing: fields.filter((f) => f.required && !(f.key in mapping)).map((f) => f.key),
    unit,
    columnUnits: labels.map((l) => (l ? findUnit(l) : null)),
    context,
    signature: headerSignature(labels),
  };
}

export type SkipReason = 'blank' | 'total' | 'note' | 'numbering' | 'header' | 'label';

export const SKIP_REASON_ZH: Record<SkipReason, string> = {
  blank: '空行',
  total: '合计/小计行',
  note: '表尾注释或签名行',
  numbering: '栏次行（甲、乙、1、2…）',
  header: '重复的表头行',
  label: '只有一格文字的说明或分组行',
};

const TOTAL = /^(?:其中[:：]?)?.{0,20}?(?:合计|小计|总计|共计)[:：]?$|^(?:合计|小计|总计|共计)/;
const NOTE_START = /^(?:注|说明|备注|附注|填表说明)\s*\d*\s*[:：.、]|^注\d/;
const SIGNATURE = /填表人|制表人|填报人|单位负责人|统计负责人|部门负责人|审核人|报出日期|填报日期|联系电话/;
const NUMBERING = /^(?:[甲乙丙丁戊己庚辛壬癸]|\d{1,2})$/;

/**
 * Sorts the rows under a header into data and skipped rows. Keeps a little state: after a note or signature line,
 * lines of a single text cell are the note going on.
 */
export class RowClassifier {
  private afterFooter = false;
  private first = true;
  /** The header's own words per column (the child part of two-row labels), to spot a header repeated mid-table. */
  private readonly headerWords: string[];
  constructor(layout: TableLayout) {
    this.headerWords = layout.labels.map((l) => (l.split('/').pop() ?? '').trim());
  }

  /** Runs for every row of big files: one pass over the cells, regular expressions only where they can match. */
  classify(row: SheetRow): { kind: 'data' } | { kind: 'skip'; reason: SkipReason } {
    const first = this.first;
    this.first = false;
    const { cells } = row;
    let filled = 0;
    let sameAsHeader = 0;
    let numbering = first;
    const texts: string[] = [];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined) continue;
      if (typeof c !== 'string') {
        filled++;
        if (numbering) numbering = NUMBERING.test(cellText(c));
        continue;
      }
      let t = c.trim();
      if (!t) continue;
      filled++;
      if (t === this.headerWords[i]) sameAsHeader++;
      if (t.length < 60 && /\s/.test(t)) t = t.replace(/\s+/g, '');
      if (numbering) numbering = NUMBERING.test(t);
      texts.push(t);
    }
    if (filled === 0) return { kind: 'skip', reason: 'blank' };
    const lead = texts[0] ?? '';
    if (NOTE_START.test(lead.normalize('NFKC')) || texts.some((t) => SIGNATURE.test(t))) {
      this.afterFooter = true;
      return { kind: 'skip', reason: 'note' };
    }
    if (TOTAL.test(lead) || (texts.length > 1 && TOTAL.test(texts[1]!))) return { kind: 'skip', reason: 'total' };
    if (numbering && filled >= 2) return { kind: 'skip', reason: 'numbering' };
    if (sameAsHeader >= 2 && sameAsHeader >= filled / 2) return { kind: 'skip', reason: 'header' };
    if (filled === 1 && texts.length === 1) return { kind: 'skip', reason: this.afterFooter ? 'note' : 'label' };
    return { kind: 'data' };
  }
}
