/** One cell as the readers hand it on: rich text and formulas are reduced to their value. */
export type CellValue = string | number | boolean | Date | null;

/** One row of a sheet: `rowNumber` is the row Excel shows (1-based), `cells[0]` is column A. */
export interface SheetRow {
  sheet: string;
  rowNumber: number;
  cells: CellValue[];
}

/** Rows one by one, from the batches a reader reads them in. */
export async function* rowsOf(batches: AsyncIterable<SheetRow[]>): AsyncGenerator<SheetRow> {
  for await (const batch of batches) yield* batch;
}

/** Line breaks inside a cell as `\n`, however the file wrote them (`\r\n` from Windows programs, a lone `\r`). */
export function normalizeLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** The text of a cell as a person reads it: trimmed; dates as YYYY-MM-DD; blank for null. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every(isBlankCell);
}

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
