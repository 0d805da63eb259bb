/**
 * Reading bureau workbooks — shared by every importer (FDI returns, projects, enterprises, chains).
 *
 * Layer 1, rows (`source.ts`, `xlsx.ts`, `csv.ts`):
 *   - `openSheets(path, {fileName?, merges?})` → async sheets `{name, hidden, merges, rows()}`; `rows()` streams
 *     `{sheet, rowNumber (Excel's 1-based), cells: CellValue[] (cells[0] is column A)}`. .xlsx/.xlsm by random access
 *     (yauzl) and our own XML tokenizer (`xml-scan.ts`; why: see there), .csv/.tsv as UTF-8 (BOM or not), UTF-16 with
 *     BOM, or GB18030/GBK (detected). A sheet's rows are parsed only if read.
 *   - `readRows(path)` every row of every sheet; `listSheets(path)`; `readMerges(path)` merged ranges by sheet.
 *   - Cells (`cells.ts`): string | number | boolean | Date | null; rich text and formulas reduced to their value;
 *     CSV cells are always text. `cellText`, `isBlankRow`, `columnLetter`.
 *   - Refusals: a damaged or non-workbook file → AppError FILE_UNREADABLE; an extension other than .xlsx/.xlsm/.csv/
 *     .tsv → FILE_UNSUPPORTED (with what to do, e.g. save .xls as .xlsx). Both carry a Chinese message.
 *
 * Layer 2, tables (`headers.ts`, `table.ts`, `scan.ts`):
 *   - Describe the fields you want as `FieldSpec {key, label, synonyms, required}`; labels are compared after
 *     `normalizeLabel` (full/half-width, spaces, `*`, bracketed units removed), best match per column wins.
 *   - `scanTables(path, fields, {fileName, accept?, headRows?})` → events: `sheet` (its `TableLayout` or null),
 *     then per row under the header `row` (data) or `skip` (with a `SkipReason`: blank, total, note, numbering,
 *     header, label). A `TableLayout` has the header row(s), `labels` (`父/子` for two-row headers), the detected
 *     `mapping` field → column, `missing` required fields, the `unit` from a line above and `columnUnits` from the
 *     headers, the `context` lines (title, 填报单位, 统计期), and a `signature` to remember corrected mappings by.
 *   - `scanTableBatches` gives the same a batch of `ClassifiedRow {row, skip}` at a time (one await per batch, for
 *     big files); a sheet's `batches()` is its rows as read, `rows()` one by one.
 *   - `findTable(headRows, fields)` and `RowClassifier` are the same logic for rows you already hold.
 */
export * from './cells';
export * from './headers';
export * from './scan';
export * from './source';
export * from './table';
export { detectCsvFormat, type CsvFormat } from './csv';
