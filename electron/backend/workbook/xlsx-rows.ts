import utils from 'exceljs/lib/utils/utils.js';
import type { CellValue, SheetRow } from './cells';
import type { CellRange } from './source';
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

/**
 * Turns a sheet's XML events into rows of plain values, collecting merged ranges on the way. An inline string with several runs keeps all of them, a formula's cached result gets its
 * date format, and cells without a reference (some writers omit `r`) follow the previous one.
 */
class SheetRowReader implements XmlHandler {
  rows: SheetRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: CellValue[] | null = null;
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
        this.cells = [];
        this.column = 0;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell': {
        const range = attributes.ref ? parseRange(attributes.ref) : null;
        if (range) this.merges.push(range);
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.inValue = false;
        return;
      case 'c':
        if (this.cells && this.column > 0) this.cells[this.column - 1] = this.cellValue();
        return;
      case 'row': {
        const { cells } = this;
        if (!cells) return;
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        this.rows.push({ sheet: this.sheet, rowNumber: this.rowNumber, cells });
        this.cells = null;
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
    if (this.inValue) this.value += value;
  }

  private cellValue(): CellValue {
    const text = this.value;
    if (text === null) return null; // a formula without a cached result, or an empty cell
    switch (this.type) {
      case 's':
        return this.context.sharedStrings[parseInt(text, 10)] ?? null;
      case 'inlineStr':
      case 'str':
        return decodeExcelEscapes(text);
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
        return this.style && this.context.dateStyles[this.style] ? utils.excelToDate(n, this.context.date1904) : n;
      }
    }
  }
}

/** Reads a sheet's XML bytes into rows, yielding the rows each chunk completes; merged ranges go into `merges`. */
export async function* xlsxRowBatches(xml: AsyncIterable<Buffer>, sheet: string, context: SheetContext, merges: CellRange[]): AsyncGenerator<SheetRow[]> {
  const reader = new SheetRowReader(sheet, context, merges);
  const scanner = new XmlScanner(reader);
  for await (const chunk of xml) {
    scanner.write(chunk);
    if (reader.rows.length) {
      yield reader.rows;
      reader.rows = [];
    }
  }
  scanner.end();
  if (reader.rows.length) yield reader.rows;
}
