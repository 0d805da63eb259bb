import type ExcelJS from 'exceljs';
import type { CellKind } from './columns';
import { EXCEL_FORMATS } from '../../../shared/format';

export type CellValue = string | number | null;

/** Text a spreadsheet might take for a formula (or a DDE payload) when someone edits the cell. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export const AMOUNT_FORMAT = EXCEL_FORMATS.amount;
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Writes one value the way our importers read it back: amounts as numbers (stored precision, shown with 2 decimals),
 * dates as real dates, and text always as a text cell — text that starts with = + - @ gets the text format too, so
 * it stays text even when someone edits it in Excel or WPS (no formula injection).
 */
export function writeCell(cell: ExcelJS.Cell, value: CellValue, kind: CellKind): void {
  if (value === null || value === '') return;
  if (kind === 'percent' && typeof value === 'number') {
    cell.value = value; // in per cent, as the header says: 81 is 81 %
    cell.numFmt = '0.##';
    return;
  }
  if (kind === 'amount' && typeof value === 'number') {
    cell.value = value;
    cell.numFmt = AMOUNT_FORMAT;
    return;
  }
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    cell.value = new Date(Date.UTC(y, m - 1, d));
    cell.numFmt = DATE_FORMAT;
    return;
  }
  const text = String(value);
  cell.value = text;
  if (FORMULA_LIKE.test(text)) cell.numFmt = '@';
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
