import fs from 'node:fs';
import path from 'node:path';
import { WORKBOOK_EXTENSIONS } from '../../../shared/workbook-files';
import { AppError } from '../errors';
import type { SheetRow } from './cells';
import { csvSheets } from './csv';
import { unreadable } from './limits';
import { xlsSheets } from './xls';
import { xlsxSheets } from './xlsx';

import type { CellRange, SheetSource } from './sheet-source';

export type { CellRange, SheetSource } from './sheet-source';

export type WorkbookFormat = 'xlsx' | 'xls' | 'csv';

const FORMATS = new Map<string, WorkbookFormat>(
  Object.entries(WORKBOOK_EXTENSIONS).flatMap(([format, extensions]) => extensions.map((e) => [`.${e}`, format as WorkbookFormat] as const)),
);

/** The format a file name says; FILE_UNSUPPORTED (with what to do) for anything else. */
export function workbookFormat(fileName: string): WorkbookFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = FORMATS.get(ext);
  if (format) return format;
  throw new AppError('FILE_UNSUPPORTED', `${fileName}（${ext || '无扩展名'}），请使用 Excel（.xlsx、.xls）、WPS（.et）或 .csv 文件`);
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An OLE2 compound file: .xls and .et, and also an .xlsx saved with a password (its zip encrypted inside one). */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * How a workbook is to be read, from what its first bytes say rather than its name: writers and people rename files
 * (an .xlsx saved as `.xls`, an .xls as `.et`). A spreadsheet whose bytes are neither is refused with what it seems to
 * be and what to do.
 */
async function sniffFormat(file: string, fileName: string): Promise<WorkbookFormat> {
  const named = workbookFormat(fileName);
  const handle = await fs.promises.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT' ? new AppError('FILE_NOT_FOUND', fileName) : unreadable(err, fileName);
  });
  if (named === 'csv') {
    await handle.close();
    return 'csv';
  }
  const head = Buffer.alloc(512);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 8).equals(OLE2)) return 'xls';
  const text = head.subarray(0, bytesRead).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  const seems = text.startsWith('<') ? (/<html|<table|<!doctype html/.test(text) ? '网页（HTML）' : 'XML 表格') : bytesRead === 0 ? '空文件' : null;
  throw new AppError(
    'FILE_UNREADABLE',
    seems
      ? `${fileName}：这个文件实际是${seems}，不是 Excel 工作簿；请在 Excel/WPS 中打开后另存为 .xlsx 再导入`
      : `${fileName}：不是 Excel 工作簿（文件已损坏，或是其他文件改了扩展名）`,
  );
}

export interface OpenOptions {
  /** The name people know the file by (uploads are stored under another name); defaults to the path's base name. */
  fileName?: string;
  /** Collect merged ranges while reading (.xlsx only). */
  merges?: boolean;
}

/** Streams the sheets of an .xlsx, .xls/.et or .csv (a CSV is one sheet named after the file). */
export async function* openSheets(file: string, options: OpenOptions = {}): AsyncGenerator<SheetSource> {
  const fileName = options.fileName ?? path.basename(file);
  const format = await sniffFormat(file, fileName);
  if (format === 'xlsx') yield* xlsxSheets(file, fileName, { merges: options.merges });
  else if (format === 'xls') yield* xlsSheets(file, fileName);
  else yield* csvSheets(file, fileName);
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
