import type ExcelJS from 'exceljs';

/** Text a spreadsheet could take for a formula or a DDE call (=, +, -, @, and tab/CR that some programs skip). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters XML 1.0 cannot carry (lone surrogates, U+FFFE/U+FFFF); exceljs already drops the C0 controls. */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Writes user-supplied text (enterprise, district, platform, unit names) as a text cell: exceljs stores a JS string as
 * a shared string, never a formula, and on formula-like text the Text number format (@) makes the spreadsheet keep
 * it as text even when someone edits the cell and presses Enter. The text itself is kept as it was, so what is read
 * back equals the database.
 */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text.replace(NOT_XML, '\uFFFD');
  if (looksLikeFormula(text)) cell.numFmt = '@';
}
