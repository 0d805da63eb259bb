import { columnLetter, type CellValue, type SheetRow } from './cells';
import { excelDate } from './dates';
import { BATCH_CELLS, formatCount, LimitError, LIMITS } from './limits';
import type { CellRange } from './sheet-source';
import { cellTooLong, RAW_CELL_CHARS } from './xlsx-parts';
import { decodeExcelEscapes, XmlScanner, type XmlHandler } from './xml-scan';

/** What a cell's value depends on besides its own XML. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell format (a cell's `s`), whether it shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** 1-based column of a cell reference: `AB12` → 28. */
function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65) break;
    n = n * 26 + ((c & 0xdf) - 64);
  }
  return n;
}

/** `A1:C2` → a range; null for anything else. */
export function parseRange(ref: string): CellRange | null {
  const m = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/.exec(ref.trim());
  return m ? { top: +m[2]!, left: columnOfRef(m[1]!.toUpperCase()), bottom: +m[4]!, right: columnOfRef(m[3]!.toUpperCase()) } : null;
}

function beyondColumns(where: string, column: number): LimitError {
  const at = column <= 18_278 ? `（${columnLetter(column)} 列）` : '';
  return new LimitError('FILE_LIMIT', `${where}有单元格在第 ${formatCount(column)} 列${at}，超过 Excel 的最大列 XFD（${formatCount(LIMITS.columns)} 列）`);
}

function beyondRows(where: string, row: number): LimitError {
  return new LimitError('FILE_LIMIT', `${where}有第 ${formatCount(row)} 行，超过 Excel 的最大行数 ${formatCount(LIMITS.rows)}`);
}

/** A merged range of a sheet, held to the limits (a merge far beyond the cells would make a header's labels huge). */
export function checkedRange(sheet: string, ref: string): CellRange | null {
  const range = parseRange(ref);
  if (!range) return null;
  const where = `工作表“${sheet}”的合并单元格 ${ref.slice(0, 30)} `;
  if (range.right > LIMITS.columns) throw beyondColumns(where, range.right);
  if (range.bottom > LIMITS.rows) throw beyondRows(where, range.bottom);
  return range;
}

/** Counts a sheet's merged ranges as they are collected. */
export function pushMerge(sheet: string, merges: CellRange[], range: CellRange | null): void {
  if (!range) return;
  if (merges.length >= LIMITS.mergedRanges) throw new LimitError('FILE_LIMIT', `工作表“${sheet}”的合并单元格超过 ${formatCount(LIMITS.mergedRanges)} 处`);
  merges.push(range);
}

/**
 * A cell this far right of the row's last one makes the row sparse: V8 then keeps it as a dictionary, which filling
 * cell by cell makes slow (a row with one cell at XFD took 7 ms).
 */
const SPARSE_GAP = 64;

/** A sparse row as an array of every cell, blanks null: filled at once, then the cells copied in. */
function dense(sparse: CellValue[]): CellValue[] {
  const cells = new Array<CellValue>(sparse.length).fill(null);
  for (const key of Object.keys(sparse)) cells[Number(key)] = sparse[Number(key)]!;
  return cells;
}

/**
 * Turns a sheet's XML events into rows of plain values, collecting merged ranges on the way. An inline string with
 * several runs keeps all of them, a formula's cached result gets its date format, and cells without a reference (some
 * writers omit `r`) follow the previous one. Held to LIMITS as it reads: columns, rows, a cell's text, the sheet's
 * cells; and when the rows read hold BATCH_CELLS cells it asks to be paused (`onFull`), so they are handed on first.
 */
class SheetRowReader implements XmlHandler {
  rows: SheetRow[] = [];
  /** Cells in `rows`, and in the whole sheet so far (each row counted to its last cell). */
  batchCells = 0;
  private sheetCells = 0;
  onFull: () => void = () => undefined;
  private inSheetData = false;
  private rowNumber = 0;
  private cells: CellValue[] | null = null;
  /** A cell of this row lies far right of the one before it: the row is filled in at its end (see close). */
  private sparse = false;
  private column = 0;
  private type = '';
  private style = 0;
  private value: string | null = null;
  private inValue = false;
  private phonetic = 0;

  constructor(
    private readonly sheet: string,
    private readonly context: SheetContext,
    private readonly merges: CellRange[],
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'c':
        if (!this.cells) return;
        this.column = attributes.r ? columnOfRef(attributes.r) : this.column + 1;
        if (this.column > LIMITS.columns) throw beyondColumns(this.where(), this.column);
        this.type = attributes.t ?? '';
        this.style = attributes.s ? parseInt(attributes.s, 10) : 0;
        this.value = null;
        return;
      case 'v':
      case 't':
        // <v> holds the value (or a formula's result); <t> the runs of an inline string, <is><r><t>…</t></r>…</is>
        if (!this.cells || this.phonetic) return;
        this.inValue = true;
        this.value ??= '';
        return;
      case 'row':
        if (!this.inSheetData) return;
        this.rowNumber = attributes.r ? parseInt(attributes.r, 10) : this.rowNumber + 1;
        if (this.rowNumber > LIMITS.rows) throw beyondRows(`工作表“${this.sheet}”`, this.rowNumber);
        this.cells = [];
        this.sparse = false;
        this.column = 0;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell':
        if (attributes.ref) pushMerge(this.sheet, this.merges, checkedRange(this.sheet, attributes.ref));
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.inValue = false;
        return;
      case 'c':
        if (!this.cells || this.column <= 0) return;
        if (this.column > this.cells.length + SPARSE_GAP) this.sparse = true;
        this.cells[this.column - 1] = this.cellValue();
        return;
      case 'row': {
        let { cells } = this;
        if (!cells) return;
        if (this.sparse) cells = dense(cells);
        else for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        this.rows.push({ sheet: this.sheet, rowNumber: this.rowNumber, cells });
        this.cells = null;
        this.sheetCells += cells.length;
        if (this.sheetCells > LIMITS.sheetCells) throw new LimitError('FILE_LIMIT', `工作表“${this.sheet}”的单元格超过 ${formatCount(LIMITS.sheetCells)} 个`);
        this.batchCells += cells.length;
        if (this.batchCells >= BATCH_CELLS) this.onFull();
        return;
      }
      case 'rPh':
        this.phonetic--;
        return;
      case 'sheetData':
        this.inSheetData = false;
    }
  }

  text(value: string): void {
    if (!this.inValue) return;
    this.value += value;
    if (this.value!.length > RAW_CELL_CHARS) throw cellTooLong(this.where());
  }

  /** `工作表“外资”第 12 行` — where the cell being read is, for messages. */
  private where(): string {
    return `工作表“${this.sheet}”第 ${formatCount(this.rowNumber)} 行`;
  }

  private decoded(text: string): string {
    const decoded = decodeExcelEscapes(text);
    if (decoded.length > LIMITS.cellChars) throw cellTooLong(`${this.where()} ${columnLetter(this.column)} 列`);
    return decoded;
  }

  private cellValue(): CellValue {
    const text = this.value;
    if (text === null) return null; // a formula without a cached result, or an empty cell
    switch (this.type) {
      case 's':
        return this.context.sharedStrings[parseInt(text, 10)] ?? null;
      case 'inlineStr':
      case 'str':
        return this.decoded(text);
      case 'e': // an error (#N/A): its text, so it shows in the problem list
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'd': {
        const date = new Date(text);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        const n = parseFloat(text);
        if (Number.isNaN(n)) return text;
        return this.style && this.context.dateStyles[this.style] ? excelDate(n, this.context.date1904) : n;
      }
    }
  }
}

/** Reads a sheet's XML bytes into rows, yielding the rows each chunk completes; merged ranges go into `merges`. */
export async function* xlsxRowBatches(xml: AsyncIterable<Buffer>, sheet: string, context: SheetContext, merges: CellRange[]): AsyncGenerator<SheetRow[]> {
  const reader = new SheetRowReader(sheet, context, merges);
  const scanner = new XmlScanner(reader);
  reader.onFull = () => scanner.pause();
  /** The rows read so far, then on through what a pause held back. */
  const drain = function* (): Generator<SheetRow[]> {
    for (;;) {
      if (reader.rows.length) {
        yield reader.rows;
        reader.rows = [];
        reader.batchCells = 0;
      }
      if (!scanner.isPaused) return;
      scanner.resume();
    }
  };
  for await (const chunk of xml) {
    scanner.write(chunk);
    yield* drain();
  }
  scanner.end();
  yield* drain();
}
