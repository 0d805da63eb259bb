/**
 * The .xls reader's thread (xls.ts starts it): SheetJS reads the whole workbook — Excel 97–2003 (BIFF8) and older,
 * WPS 表格's .et — in a heap of its own, so a file too big for it ends this thread (FILE_TOO_LARGE) and never the
 * process that asked. It answers with the sheets, then with rows a batch at a time as they are asked for, as the
 * .xlsx reader gives them: the same values, dates by the same rules (dates.ts), the same limits.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import * as cpexcel from '@e965/xlsx/dist/cpexcel.full';
import { normalizeLineEnds, type CellValue, type SheetRow } from './cells';
import { excelDate, isDateFormat } from './dates';
import { BATCH_CELLS, formatCount, LimitError, LIMITS } from './limits';
import type { CellRange } from './source';
import type { XlsBook, XlsReply, XlsRequest } from './xls';

// legacy code pages (GBK in Excel 95 files, BIFF5): SheetJS decodes through this table
XLSX.set_cptable(cpexcel);

const ROWS_PER_BATCH = 1000;
/** Excel's error codes as BIFF stores them, shown as Excel shows them (so they reach the problem list as text). */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

const { path } = workerData as { path: string };
const port = parentPort!;

function readBook(): XLSX.WorkBook {
  return XLSX.read(fs.readFileSync(path), {
    type: 'buffer',
    dense: true,
    cellNF: true,
    cellText: false,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    bookVBA: false,
    // BIFF8 has at most 65,536 rows; other formats SheetJS knows never come here (the caller sniffs an OLE2 file)
    sheetRows: LIMITS.rows,
  });
}

function checkSheet(name: string, sheet: XLSX.WorkSheet): void {
  if (!sheet['!ref']) return;
  const range = XLSX.utils.decode_range(sheet['!ref']);
  if (range.e.c + 1 > LIMITS.columns) throw new LimitError('FILE_LIMIT', `工作表“${name}”有第 ${formatCount(range.e.c + 1)} 列，超过 Excel 的最大列 XFD（${formatCount(LIMITS.columns)} 列）`);
  if ((sheet['!merges']?.length ?? 0) > LIMITS.mergedRanges) throw new LimitError('FILE_LIMIT', `工作表“${name}”的合并单元格超过 ${formatCount(LIMITS.mergedRanges)} 处`);
}

function describe(book: XLSX.WorkBook): XlsBook {
  if (book.SheetNames.length > LIMITS.sheets) throw new LimitError('FILE_LIMIT', `工作表超过 ${formatCount(LIMITS.sheets)} 个`);
  const sheets = book.SheetNames.map((name, index) => {
    const sheet = book.Sheets[name]!;
    checkSheet(name, sheet);
    const merges: CellRange[] = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
    return { name, hidden: (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0, merges, rowCount: sheet['!data']?.length ?? 0 };
  });
  return { sheets, date1904: book.Workbook?.WBProps?.date1904 === true };
}

/** Whether each number format seen shows a date (a workbook has a few dozen; its cells, hundreds of thousands). */
const dateFormats = new Map<string | number | undefined, boolean>();

function showsDate(format: string | number | undefined): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = isDateFormat(typeof format === 'number' ? XLSX.SSF.get_table()[format] : format);
    dateFormats.set(format, known);
  }
  return known;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean, sheet: string, r: number, c: number): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n':
      return showsDate(cell.z) ? excelDate(cell.v as number, date1904) : (cell.v as number);
    case 's': {
      const text = normalizeLineEnds(String(cell.v));
      if (text.length > LIMITS.cellChars) {
        throw new LimitError('FILE_LIMIT', `工作表“${sheet}”第 ${r + 1} 行 ${XLSX.utils.encode_col(c)} 列的文字超过 ${formatCount(LIMITS.cellChars)} 个字符（Excel 单元格的上限）`);
      }
      return text;
    }
    case 'b':
      return cell.v === true;
    case 'e':
      return ERRORS[cell.v as number] ?? '#ERROR!';
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}

/** Rows `from`… of a sheet, up to a batch; `next` is where the next batch starts, null at the end. */
function rowsOf(book: XLSX.WorkBook, date1904: boolean, index: number, from: number): { rows: SheetRow[]; next: number | null } {
  const name = book.SheetNames[index]!;
  const data = book.Sheets[name]?.['!data'] ?? [];
  const rows: SheetRow[] = [];
  let cells = 0;
  let r = from;
  for (; r < data.length && rows.length < ROWS_PER_BATCH && cells < BATCH_CELLS; r++) {
    const row = data[r];
    if (!row) continue;
    let last = row.length - 1;
    while (last >= 0 && (row[last] === undefined || row[last] === null)) last--;
    if (last < 0) continue;
    const values: CellValue[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) values[c] = cellValue(row[c], date1904, name, r, c);
    rows.push({ sheet: name, rowNumber: r + 1, cells: values });
    cells += values.length;
  }
  return { rows, next: r < data.length ? r : null };
}

function failure(err: unknown): XlsReply {
  if (err instanceof LimitError) return { type: 'limit', code: err.code, message: err.message };
  return { type: 'failed', detail: String((err as Error)?.message ?? err) };
}

let book: XLSX.WorkBook | null = null;
let date1904 = false;
try {
  book = readBook();
  const described = describe(book);
  date1904 = described.date1904;
  port.postMessage({ type: 'book', book: described } satisfies XlsReply);
} catch (err) {
  port.postMessage(failure(err));
}

port.on('message', (request: XlsRequest) => {
  if (!book) return;
  try {
    port.postMessage({ type: 'rows', ...rowsOf(book, date1904, request.sheet, request.from) } satisfies XlsReply);
  } catch (err) {
    port.postMessage(failure(err));
  }
});
