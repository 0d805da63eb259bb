/**
 * The header of a bureau table is a block of rows, not one row: parents merged over their children (所属行业 over
 * 行业代码 | 行业名称, 外资金额 over 合同外资 | 实际使用外资, a third level of 本期 | 累计), every other label merged
 * down over the block, and under it perhaps a row of units (（万美元）) and a row of column numbers (甲 乙 1 2 3).
 * This finds that block as a whole, so none of its rows is ever read as data.
 */
import { cellText, isBlankCell, type CellValue, type SheetRow } from './cells';
import type { CellRange } from './source';

/** Most label rows a header block has (parents, children, grandchildren). */
export const MAX_LABEL_ROWS = 3;

const NUMBERING = /^(?:[甲乙丙丁戊己庚辛壬癸]|\d{1,2}|栏次|[(（]\d{1,2}[)）])$/;
const UNIT_CELL = /^[(（]?(?:(?:计量|金额)?单位[:：]?)?(?:千万|百万|亿|万|千)?(?:美元|元|元人民币|人民币)[)）]?$|^[(（]?(?:%|％|个|家|户|人)[)）]?$/;

const texts = (cells: readonly CellValue[]) => cells.map(cellText);
const filled = (row: SheetRow) => row.cells.filter((c) => !isBlankCell(c));

/** A row that can hold header labels: not blank, and no numbers or dates (those are data). */
export function isLabelRow(row: SheetRow): boolean {
  let any = false;
  for (const c of row.cells) {
    if (typeof c === 'number' || c instanceof Date) return false;
    if (!isBlankCell(c)) any = true;
  }
  return any;
}

/** A row of column numbers under a header: 甲 乙 丙 1 2 3 (or (1) (2)), at least two of them. */
export function isNumberingRow(row: SheetRow): boolean {
  const cells = filled(row);
  return cells.length >= 2 && cells.every((c) => NUMBERING.test(cellText(c).replace(/\s+/g, '')));
}

/** A row under a header that only names units: （万美元） 美元 % … */
export function isUnitsRow(row: SheetRow): boolean {
  const cells = filled(row);
  return cells.length >= 1 && cells.every((c) => typeof c === 'string' && UNIT_CELL.test(c.normalize('NFKC').replace(/\s+/g, '')));
}

/** The merged range a cell lies in, if any. */
function rangeAt(merges: readonly CellRange[] | null, row: number, column: number): CellRange | null {
  if (!merges) return null;
  for (const m of merges) if (m.top <= row && m.bottom >= row && m.left <= column && m.right >= column) return m;
  return null;
}

/**
 * Whether `lower` can sit under `upper` in one header: each of its labels lies under a parent of `upper` — a cell
 * merged across columns, or (without merge ranges, as in CSV) a label followed by blanks whose columns have labels
 * beneath — or repeats the label above (files whose merges were undone). A data row under a one-row header fails:
 * its cells lie under labels that span one column.
 */
export function fitsUnder(upper: SheetRow, lower: SheetRow, merges: readonly CellRange[] | null): boolean {
  const up = texts(upper.cells);
  const low = texts(lower.cells);
  let any = false;
  for (let c = 0; c < low.length; c++) {
    if (!low[c]) continue;
    any = true;
    if (low[c] === up[c]) continue;
    const merged = rangeAt(merges, lower.rowNumber, c + 1);
    if (merged && merged.top < lower.rowNumber) return false; // a cell merged down from above holds no label of its own
    const parent = rangeAt(merges, upper.rowNumber, c + 1);
    if (parent && parent.right > parent.left && parent.bottom === upper.rowNumber) continue;
    // by position: this label, or the nearest on its left, is a parent — blanks follow it with a child under one
    let k = c;
    while (k >= 0 && !up[k]) k--;
    if (k < 0 || !(k === c ? hasChildOnRight(up, low, c) : low[k])) return false;
  }
  return any;
}

/** Whether the blanks right of an upper label have a label below one of them (the label spans them as a parent). */
function hasChildOnRight(up: readonly string[], low: readonly string[], c: number): boolean {
  for (let j = c + 1; j < low.length && !up[j]; j++) if (low[j]) return true;
  return false;
}

/**
 * Labels of a header block, per column: the levels joined as `父/子/孙`. With merge ranges a parent covers its
 * range; without them (or none in these rows) a blank cell continues the label on its left when that one has a child
 * below. A label merged down counts once.
 */
export function combineHeaderRows(rows: readonly SheetRow[], sheetMerges: readonly CellRange[] | null): string[] {
  // a header without merged cells (a writer that centres across columns instead) is combined by position
  const first = rows[0]?.rowNumber ?? 0;
  const last = rows[rows.length - 1]?.rowNumber ?? 0;
  const merges = sheetMerges?.some((m) => m.top <= last && m.bottom >= first) ? sheetMerges : null;
  const levels = rows.map((r) => texts(r.cells));
  const width = Math.max(0, ...levels.map((l) => l.length));
  const parts: string[][] = Array.from({ length: width }, () => []);
  /** Columns with a label of their own in a level above (a blank under one is that label merged down). */
  const labelledAbove = new Array<boolean>(width).fill(false);
  levels.forEach((level, k) => {
    const below = levels[k + 1];
    const rowNumber = rows[k]!.rowNumber;
    let carry = '';
    for (let c = 0; c < width; c++) {
      const own = level[c] ?? '';
      let text: string;
      if (merges) {
        const range = rangeAt(merges, rowNumber, c + 1);
        if (range && range.top < rowNumber) text = ''; // merged down from a row above: already counted there
        else text = range && range.right > range.left ? (levels[k]![range.left - 1] ?? '') : own;
      } else if (own) {
        carry = k < levels.length - 1 && below?.[c] ? own : '';
        text = own;
      } else {
        if (labelledAbove[c]) carry = '';
        text = k < levels.length - 1 ? carry : '';
      }
      if (own) labelledAbove[c] = true;
      const list = parts[c]!;
      if (text && list[list.length - 1] !== text) list.push(text);
    }
  });
  return parts.map((p) => p.join('/'));
}

export interface HeaderBlock {
  /** Index in `head` of the block's first row. */
  start: number;
  /** The rows whose labels name the columns. */
  labelRows: SheetRow[];
  /** Every row of the block (labels, then a units row and a numbering row where present), in order. */
  rows: SheetRow[];
  /** A units row's unit text per column, when there is one. */
  unitTexts: string[] | null;
}

/**
 * The block starting at `head[start]` with `labelCount` label rows, then the units and numbering rows right under it.
 * Null when those rows are not consecutive label rows that fit one under the other.
 */
export function blockAt(head: readonly SheetRow[], start: number, labelCount: number, merges: readonly CellRange[] | null): HeaderBlock | null {
  const labelRows = head.slice(start, start + labelCount);
  if (labelRows.length !== labelCount) return null;
  for (let i = 0; i < labelRows.length; i++) {
    const row = labelRows[i]!;
    if (!isLabelRow(row) || isNumberingRow(row)) return null;
    if (i > 0 && (row.rowNumber !== labelRows[i - 1]!.rowNumber + 1 || isUnitsRow(row) || !fitsUnder(labelRows[i - 1]!, row, merges))) return null;
  }
  return withTrailers(head, start, labelRows);
}

/** Adds a units row and a numbering row (either order) right under the label rows. */
function withTrailers(head: readonly SheetRow[], start: number, labelRows: SheetRow[]): HeaderBlock {
  const rows = [...labelRows];
  let unitTexts: string[] | null = null;
  let numbering = false;
  for (let i = start + labelRows.length; i < head.length; i++) {
    const row = head[i]!;
    if (row.rowNumber !== rows[rows.length - 1]!.rowNumber + 1) break;
    if (!unitTexts && isUnitsRow(row)) unitTexts = texts(row.cells);
    else if (!numbering && isNumberingRow(row)) numbering = true;
    else break;
    rows.push(row);
  }
  return { start, labelRows, rows, unitTexts };
}

/**
 * The block a person chose by Excel row numbers (first to last): its label rows are those that are not a units or a
 * numbering row. Rows missing from `head` (blank rows are not stored) are blank. Null when none of the rows has a label.
 */
export function chosenBlock(head: readonly SheetRow[], rowNumbers: readonly number[]): HeaderBlock | null {
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const sheet = head[0]?.sheet ?? '';
  const rows: SheetRow[] = [];
  for (let n = first; n <= last; n++) rows.push(head.find((r) => r.rowNumber === n) ?? { sheet, rowNumber: n, cells: [] });
  const unitsRow = rows.find((r) => r !== rows[0] && isUnitsRow(r));
  const labelRows = rows.filter((r) => r !== unitsRow && !isNumberingRow(r) && r.cells.some((c) => !isBlankCell(c)));
  if (!labelRows.length) return null;
  const start = head.findIndex((r) => r.rowNumber >= first);
  return { start: start < 0 ? head.length : start, labelRows, rows, unitTexts: unitsRow ? texts(unitsRow.cells) : null };
}

/**
 * Grows a block downwards while the next row is one more label row under it — a row of children that names no new
 * field (所属行业 over 行业代码 | 行业名称) is still header, and would otherwise be read as data — or is covered by
 * a cell merged down from the block.
 */
export function extendDown(head: readonly SheetRow[], block: HeaderBlock, merges: readonly CellRange[] | null): HeaderBlock {
  let labelRows = block.labelRows;
  while (labelRows.length < MAX_LABEL_ROWS && labelRows.length === block.rows.length) {
    const last = labelRows[labelRows.length - 1]!;
    const next = head[block.start + labelRows.length];
    if (!next || next.rowNumber !== last.rowNumber + 1) break;
    const mergedDown = merges?.some((m) => m.top >= labelRows[0]!.rowNumber && m.top <= last.rowNumber && m.bottom >= next.rowNumber) ?? false;
    const labelled = isLabelRow(next) && !isNumberingRow(next) && !isUnitsRow(next);
    if (!(labelled && fitsUnder(last, next, merges)) && !(mergedDown && (labelled || next.cells.every(isBlankCell)))) break;
    labelRows = [...labelRows, next];
    block = withTrailers(head, block.start, labelRows);
  }
  return block;
}
