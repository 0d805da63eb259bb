/**
 * Reading bureau workbooks — shared by every importer (FDI returns, projects, enterprises, chains).
 *
 * Layer 1, rows (`source.ts`, `xlsx.ts`, `xls.ts`, `csv.ts`):
 *   - `openSheets(path, {fileName?, merges?})` → async sheets `{name, hidden, merges, rows()}`; `rows()` streams
 *     `{sheet, rowNumber (Excel's 1-based), cells: CellValue[] (cells[0] is column A)}`. A workbook is read by what its
 *     first bytes are (an .xlsx named .xls is read as .xlsx): .xlsx/.xlsm by random access (yauzl) and our own XML
 *     tokenizer (`xml-scan.ts`; why: see there), parts deflated or stored; .xls/.et (BIFF8 and older, an OLE2 file)
 *     by SheetJS in a thread of its own (`xls-worker.ts`: it reads whole files, so running out of memory ends that
 *     thread, never the caller's process); .csv/.tsv as UTF-8 (BOM or not), UTF-16 with BOM, or GB18030/GBK
 *     (detected). A sheet's rows are parsed only if read.
 *   - `readRows(path)` every row of every sheet; `listSheets(path)`; `readMerges(path)` merged ranges by sheet.
 *   - Cells (`cells.ts`): string | number | boolean | Date | null; rich text and formulas reduced to their value;
 *     line breaks as `\n`; CSV cells are always text. Dates (`dates.ts`) by their number format in any case
 *     (LibreOffice's `YYYY-MM-DD`), the 1904 system (`date1904` as 1, true or on), Excel's 1900 serials as Excel
 *     shows them (day 60 is the text `1900-02-29`). `cellText`, `isBlankRow`, `columnLetter`.
 *   - Limits (`limits.ts`, checked while reading): columns ≤ XFD (16,384), rows ≤ 1,048,576, a cell ≤ 32,767
 *     characters, a sheet ≤ 50 million cells, ≤ 1,000 sheets, ≤ 5 million shared strings, ≤ 1,048,576 merged
 *     ranges a sheet; an .xlsx's zip ≤ 10,000 entries, each part ≤ 1 GiB and all ≤ 2 GiB inflated, ≤ 100× compressed
 *     (parts past 10 MB), one XML tag ≤ 4 MiB; a CSV line ≤ 1 MiB characters; an .xls ≤ 64 MB, read within 60 s in a
 *     512 MB heap.
 *   - Refusals, each with a Chinese message naming the file: a damaged or non-workbook file → FILE_UNREADABLE (an
 *     HTML or XML "xls" says so; the library's words go to the error's `detail`, for logs); past a limit →
 *     FILE_LIMIT; out of the reading thread's memory → FILE_TOO_LARGE; an extension no reader knows →
 *     FILE_UNSUPPORTED.
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
 *   - Content: `looksLike` takes a column no header names (`byContent: 'suggest'` fields, yes/no flags, never are);
 *     `givesWayToContent` free text (备注) yields its column to such a field; `layout.lookalikes` lists columns whose
 *     cells look like a field's, and `unusedLookalikes(lookalikes, mapping, fields)` those a mapping leaves out — a
 *     field with a default is then a warning, never defaulted silently.
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
