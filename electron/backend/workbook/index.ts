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
 * Layer 2, tables (`headers.ts`, `header-block.ts`, `table.ts`, `context.ts`, `columns.ts`, `totals.ts`, `scan.ts`):
 *   - Describe the fields you want as `FieldSpec {key, label, synonyms, required, looksLike?}`; labels are compared
 *     after `normalizeLabel` (full/half-width, spaces, `*`, bracketed units removed), best match per column wins; a
 *     field no header names takes a column whose cells mostly pass `looksLike` (recognised by content).
 *   - `scanTables(path, fields, {fileName, accept?, headRows?, headerRows?, rememberedHeaders?})` → events: `sheet`
 *     (its `TableLayout` or null), then per row under the header `row` (data) or `skip` (with a `SkipReason`: blank,
 *     total, note, numbering, header, label). A `TableLayout` has the whole header block (`headerRows`: one to three
 *     label rows — merged parents, children, labels merged down — and a units or 甲乙1 2 3 row under them) and how
 *     it was chosen (`headerSource`: detected, given by a person through `headerRows`, or remembered), `labels`
 *     (`父/子`), the `mapping` field → column with `matchedBy` (header or content), `missing` required fields, the
 *     `unit` from a line above and `columnUnits` from the headers, the `context` (title, 填报单位, 统计期 text and the
 *     `period` months it names), and a `signature` to remember corrected mappings and header choices by.
 *   - `scanTableBatches` gives the same a batch of `ClassifiedRow {row, skip}` at a time (one await per batch, for
 *     big files); a sheet's `batches()` is its rows as read, `rows()` one by one.
 *   - `findTable(headRows, fields, options)` and `RowClassifier` are the same logic for rows you already hold; the
 *     classifier also tracks `dataColumns` (columns without a header that hold data).
 *   - Accounting: `accountColumns(labels, mapping, classifier.dataColumns, matchedBy)` → every non-empty column with
 *     its field, and `ignored` `{column: 'H', header}` for the ones not imported.
 *   - Totals: `TotalsCheck(sheet, amountColumns)` fed `detail(cells)` for data rows and `total(row)` for rows skipped
 *     as totals, then `finish()`: each 小计/合计 against the rows it covers (`checks`, `mismatches`).
 */
export * from './cells';
export * from './columns';
export * from './context';
export * from './header-block';
export * from './headers';
export * from './scan';
export * from './source';
export * from './table';
export * from './totals';
export { detectCsvFormat, type CsvFormat } from './csv';
