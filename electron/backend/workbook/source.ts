import path from 'node:path';
import { AppError } from '../errors';
import type { SheetRow } from './cells';
import { csvSheets } from './csv';
import { xlsxSheets } from './xlsx';

/** A merged range, 1-based and inclusive (`A1:C2` → top 1, left 1, bottom 2, right 3). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet of a workbook being streamed. */
export interface SheetSource {
  readonly name: string;
  readonly hidden: boolean;
  /**
   * Merged ranges, when asked for (`merges: true`). An .xlsx stores them after the rows, so this list fills as the
   * sheet is read and is complete once the next sheet is asked for; use `readMerges` to know them up front.
   */
  readonly merges: CellRange[];
  /** The rows, in order; blank rows may be missing. Stop early if you like: the rest is skipped unparsed. */
  rows(): AsyncGenerator<SheetRow>;
  /** The same rows in the batches they are read in (one step per batch, not per row, for big files). */
  batches(): AsyncGenerator<SheetRow[]>;
  /** How much of this sheet has been read, 0..1 (by bytes, so roughly), for progress bars. */
  progress(): number;
}

export type WorkbookFormat = 'xlsx' | 'csv';

const FORMATS: Record<string, WorkbookFormat> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.csv': 'csv', '.tsv': 'csv' };

/** The format a file name says; FILE_UNSUPPORTED (with what to do) for anything else. */
export function workbookFormat(fileName: string): WorkbookFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = FORMATS[ext];
  if (format) return format;
  const hint = ext === '.xls' || ext === '.et' ? '，请在 Excel/WPS 中另存为 .xlsx 后再导入' : '，请使用 .xlsx 或 .csv 文件';
  throw new AppError('FILE_UNSUPPORTED', `${fileName}（${ext || '无扩展名'}）${hint}`);
}

export interface OpenOptions {
  /** The name people know the file by (uploads are stored under another name); defaults to the path's base name. */
  fileName?: string;
  /** Collect merged ranges while reading (.xlsx only). */
  merges?: boolean;
}

/** Streams the sheets of an .xlsx or .csv (a CSV is one sheet named after the file). */
export function openSheets(file: string, options: OpenOptions = {}): AsyncGenerator<SheetSource> {
  const fileName = options.fileName ?? path.basename(file);
  return workbookFormat(fileName) === 'xlsx' ? xlsxSheets(file, fileName, { merges: options.merges }) : csvSheets(file, fileName);
}

/** Every row of every sheet, in order (sheet by sheet). */
export async function* readRows(file: string, options: OpenOptions = {}): AsyncGenerator<SheetRow> {
  for await (const sheet of openSheets(file, options)) yield* sheet.rows();
}

/** The sheets' names (in file order) and whether each is hidden. Costs one pass over the file without parsing rows. */
export async function listSheets(file: string, options: OpenOptions = {}): Promise<Array<{ name: string; hidden: boolean }>> {
  const out: Array<{ name: string; hidden: boolean }> = [];
  for await (const sheet of openSheets(file, options)) out.push({ name: sheet.name, hidden: sheet.hidden });
  return out;
}

/** Merged ranges of every sheet, by sheet name, read up front (one pass over the file without parsing rows). */
export async function readMerges(file: string, options: OpenOptions = {}): Promise<Map<string, CellRange[]>> {
  const out = new Map<string, CellRange[]>();
  let previous: SheetSource | null = null;
  for await (const sheet of openSheets(file, { ...options, merges: true })) {
    if (previous) out.set(previous.name, previous.merges);
    previous = sheet;
  }
  if (previous) out.set(previous.name, previous.merges);
  return out;
}
