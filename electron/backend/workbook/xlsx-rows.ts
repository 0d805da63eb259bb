import parseSax from 'exceljs/lib/utils/parse-sax.js';
import utils from 'exceljs/lib/utils/utils.js';
import { toCellValue, type CellValue, type SheetRow } from './cells';

/** The parts of exceljs's streaming WorkbookReader a cell's value depends on (its typings leave them out). */
export interface SheetContext {
  /** The shared-string table (plain text, or `{ richText }`), read before the sheets with `sharedStrings: 'cache'`. */
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
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

/**
 * Reads a sheet's XML (exceljs's own SAX parser, fed by its zip stream) straight into rows of plain cell values, a
 * chunk's rows at a time. exceljs's WorksheetReader would build a Row and a Cell object per cell (addresses, styles,
 * models) for the importer to reduce to a value and drop: that garbage was a third of reading a big return. Values are
 * what WorksheetReader + `toCellValue` give, except where it is wrong: an inline string with several runs keeps all of
 * them (exceljs kept the last), a formula's cached result gets its date format, and cells without a reference (some
 * writers omit `r`) follow the previous one instead of failing.
 */
export async function* xlsxRowBatches(xml: AsyncIterable<Buffer>, sheet: string, context: SheetContext): AsyncGenerator<SheetRow[]> {
  const { sharedStrings, styles } = context;
  const date1904 = context.properties?.model?.date1904 ?? false;
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (id: number): boolean => {
    let date = dateStyles.get(id);
    if (date === undefined) dateStyles.set(id, (date = utils.isDateFmt(styles.getStyleModel(id)?.numFmt)));
    return date;
  };

  const valueOf = (type: string, style: number, text: string | null): CellValue => {
    if (text === null) return null; // a formula without a cached result, or an empty cell
    switch (type) {
      case 's':
        return toCellValue(sharedStrings?.[parseInt(text, 10)]);
      case 'inlineStr':
      case 'str':
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
        return style && isDateStyle(style) ? utils.excelToDate(n, date1904) : n;
      }
    }
  };

  let inSheetData = false;
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let column = 0;
  let type = '';
  let style = 0;
  let text: string | null = null;
  let inValue = false;
  for await (const events of parseSax(xml)) {
    const rows: SheetRow[] = [];
    for (const event of events) {
      if (event.eventType === 'text') {
        if (inValue) text += event.value;
      } else if (event.eventType === 'opentag') {
        const { name, attributes } = event.value;
        if (name === 'c') {
          if (!cells) continue;
          const ref = attributes.r;
          column = ref ? columnOfRef(ref) : column + 1;
          type = attributes.t ?? '';
          style = attributes.s ? parseInt(attributes.s, 10) : 0;
          text = null;
        } else if (name === 'v' || name === 't') {
          // <v> holds the value (or a formula's result); <t> the runs of an inline string, <is><r><t>…</t></r>…</is>
          if (!cells) continue;
          inValue = true;
          text ??= '';
        } else if (name === 'row') {
          if (!inSheetData) continue;
          rowNumber = attributes.r ? parseInt(attributes.r, 10) : rowNumber + 1;
          cells = [];
          column = 0;
        } else if (name === 'sheetData') inSheetData = true;
      } else {
        const { name } = event.value;
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c') {
          if (cells && column > 0) cells[column - 1] = valueOf(type, style, text);
        } else if (name === 'row') {
          if (!cells) continue;
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          rows.push({ sheet, rowNumber, cells });
          cells = null;
        } else if (name === 'sheetData') inSheetData = false;
      }
    }
    if (rows.length) yield rows;
  }
}
