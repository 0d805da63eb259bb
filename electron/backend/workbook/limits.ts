import { AppError } from '../errors';
import { knownLibraryReasonZh } from '../library-messages';

/**
 * What a file may ask of the readers. Everything a file controls — how wide and long its sheets are, how far its parts
 * inflate, how long a cell or a CSV line is, how many sheets, strings and merged ranges it declares — is bounded here,
 * checked while reading, and refused with FILE_LIMIT and a Chinese message naming the limit. A file that stays within
 * them and still does not fit the reading thread's heap is FILE_TOO_LARGE (the thread dies, not the process). Why each
 * number: Excel's own limits where it has one (columns, rows, cell text), else a margin over the largest real file
 * (a million-record return: a 350 MB sheet part, a few million shared strings).
 */
export const LIMITS = {
  /** Columns: XFD, as Excel. */
  columns: 16_384,
  /** Rows: as Excel (also for CSV, which Excel could not open longer). */
  rows: 1_048_576,
  /** Characters in one cell, as Excel. */
  cellChars: 32_767,
  /**
   * Cells of one sheet, counted to the last filled cell of each row: a million rows of fifty columns. Also what bounds
   * the time of a sheet with a far cell in every row (each such row is an array of 16,384).
   */
  sheetCells: 50_000_000,
  sheets: 1_000,
  sharedStrings: 5_000_000,
  /** Cell formats (Excel allows about 65,000). */
  cellFormats: 262_144,
  mergedRanges: 1_048_576,
  /** Entries in an .xlsx's zip. */
  zipEntries: 10_000,
  /** Inflated bytes of one part, and of all of them together (as the zip's directory declares them). */
  partBytes: 1024 ** 3,
  totalBytes: 2 * 1024 ** 3,
  /** Inflated / compressed size of a part, for parts inflating past `ratioFromBytes` (real sheets: 5–30×). */
  inflateRatio: 100,
  ratioFromBytes: 10 * 1024 ** 2,
  /** One XML tag (with its attributes), comment or CDATA section. */
  xmlTokenChars: 4 * 1024 ** 2,
  /** One CSV line (a record, with quoted line breaks inside it). */
  csvLineChars: 1024 ** 2,
  /** An .xls is read whole (SheetJS): its size on disk, and how long its reading may take. */
  xlsBytes: 64 * 1024 ** 2,
  xlsSeconds: 60,
} as const;

/** Rows and cells handed on at once, so that wide rows do not pile up (a sheet reader pauses at this many cells). */
export const BATCH_CELLS = 1 << 21;

export type LimitCode = 'FILE_LIMIT' | 'FILE_TOO_LARGE';

/**
 * A limit a file went past, said in Chinese without the file's name (the reader that catches it adds it, see
 * `unreadable`): thrown deep in the readers, where the file's name is not known.
 */
export class LimitError extends Error {
  constructor(
    readonly code: LimitCode,
    message: string,
  ) {
    super(message);
  }
}

/** `1,048,576` — numbers in messages as people read them. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 GB`, `128 MB` — sizes in messages. */
export function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${+(n / 1024 ** 3).toFixed(1)} GB` : `${+(n / 1024 ** 2).toFixed(1)} MB`;
}

/**
 * Turns what a reader throws into the refusal people can act on: a limit the file went past (FILE_LIMIT or
 * FILE_TOO_LARGE, saying which), or a damaged file (FILE_UNREADABLE). What yauzl, zlib or the XML reader said goes to
 * the error's detail, for logs.
 */
export function unreadable(err: unknown, fileName: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof LimitError) return new AppError(err.code, `${fileName}：${err.message}`);
  const detail = String((err as Error)?.message ?? err);
  const reason = knownLibraryReasonZh(err);
  return new AppError('FILE_UNREADABLE', `${fileName}：文件不完整或已损坏，无法作为 Excel 工作簿读取${reason ? `（${reason}）` : ''}`, undefined, { logDetail: detail });
}
