import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../errors';
import { knownLibraryReasonZh } from '../library-messages';
import { normalizeLineEnds, rowsOf, type CellValue, type SheetRow } from './cells';
import { BATCH_CELLS, formatCount, LimitError, LIMITS, unreadable } from './limits';
import type { SheetSource } from './sheet-source';

export type CsvEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

export interface CsvFormat {
  encoding: CsvEncoding;
  /** The BOM the file began with, if any (skipped when reading). */
  bom: boolean;
  delimiter: ',' | '\t' | ';';
}

const CHUNK_BYTES = 64 * 1024;
/** Rows per batch a CSV is read in. */
const CSV_BATCH_ROWS = 1000;
/** Enough non-ASCII bytes to tell GBK from UTF-8; reading stops there (or at MAX_SAMPLE_BYTES). */
const NON_ASCII_WANTED = 4096;
const MAX_SAMPLE_BYTES = 8 * 1024 * 1024;

/** The start of the file, read on until it holds enough non-ASCII text to judge the encoding by. */
async function readSample(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  const chunks: Buffer[] = [];
  let total = 0;
  let nonAscii = 0;
  try {
    while (total < MAX_SAMPLE_BYTES && nonAscii < NON_ASCII_WANTED) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, total);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (const byte of chunk) if (byte >= 0x80) nonAscii++;
      chunks.push(chunk);
      total += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return Buffer.concat(chunks);
}

/**
 * Works out how a CSV was saved. A BOM decides; otherwise text that is not valid UTF-8 is taken as GB18030 (the
 * superset of GBK that Chinese-locale Excel and WPS write), judged on the file's first few thousand non-ASCII bytes
 * however far in they start. The delimiter is the commonest of `,` tab `;` in the first lines.
 */
export async function detectCsvFormat(file: string): Promise<CsvFormat> {
  const sample = await readSample(file);
  let encoding: CsvEncoding;
  let bom = false;
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) [encoding, bom] = ['utf8', true];
  else if (sample[0] === 0xff && sample[1] === 0xfe) [encoding, bom] = ['utf16le', true];
  else if (sample[0] === 0xfe && sample[1] === 0xff) [encoding, bom] = ['utf16be', true];
  else {
    try {
      // stream: a character cut off at the end of the sample is held back, not taken for bad UTF-8
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
      encoding = 'utf8';
    } catch {
      encoding = 'gb18030';
    }
  }
  const text = iconv.decode(sample.subarray(0, CHUNK_BYTES), encoding).split(/\r?\n/).slice(0, 20).join('\n');
  const counts = ([',', '\t', ';'] as const).map((d) => [d, text.split(d).length - 1] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  return { encoding, bom, delimiter: counts.every((c) => c[1] === 0) ? ',' : delimiter };
}

/** A record (one row) held to LIMITS: its width, and the length of each field. */
function cellsOf(record: string[], rowNumber: number): CellValue[] {
  if (rowNumber > LIMITS.rows) throw new LimitError('FILE_LIMIT', `超过 ${formatCount(LIMITS.rows)} 行（Excel 的最大行数）`);
  if (record.length > LIMITS.columns) throw new LimitError('FILE_LIMIT', `第 ${formatCount(rowNumber)} 行有 ${formatCount(record.length)} 列，超过 ${formatCount(LIMITS.columns)} 列（Excel 的最大列数）`);
  return record.map((c) => {
    if (c === '') return null;
    if (c.length > LIMITS.cellChars) throw new LimitError('FILE_LIMIT', `第 ${formatCount(rowNumber)} 行有一格超过 ${formatCount(LIMITS.cellChars)} 个字符（Excel 单元格的上限）`);
    return normalizeLineEnds(c);
  });
}

/**
 * A CSV as one sheet named after the file. Every cell is text (or null when empty); numbers are left to the caller.
 * Held to LIMITS: a line (a record, quoted line breaks and all) longer than LIMITS.csvLineChars is refused where it
 * is, before it is held whole, and so are rows, columns and cells past Excel's limits.
 */
export async function* csvSheets(file: string, fileName: string): AsyncGenerator<SheetSource> {
  const format = await detectCsvFormat(file);
  const name = path.basename(fileName, path.extname(fileName));
  const size = (await fs.promises.stat(file)).size || 1;
  const input = fs.createReadStream(file);
  try {
    yield {
      name,
      hidden: false,
      merges: [],
      progress: () => Math.min(1, input.bytesRead / size),
      rows: () => rowsOf(batches()),
      batches,
    };
  } finally {
    input.destroy();
  }

  async function* batches(): AsyncGenerator<SheetRow[]> {
    const decoded = format.encoding === 'utf8' ? input : input.pipe(iconv.decodeStream(format.encoding));
    const parser = decoded.pipe(
      parse({ bom: true, delimiter: format.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: LIMITS.csvLineChars }),
    );
    let rowNumber = 0;
    let batch: SheetRow[] = [];
    let cells = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        rowNumber++;
        batch.push({ sheet: name, rowNumber, cells: cellsOf(record, rowNumber) });
        cells += record.length;
        if (batch.length >= CSV_BATCH_ROWS || cells >= BATCH_CELLS) {
          yield batch;
          batch = [];
          cells = 0;
        }
      }
      if (batch.length) yield batch;
    } catch (err) {
      if (err instanceof AppError || err instanceof LimitError) throw unreadable(err, fileName);
      if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
        throw unreadable(new LimitError('FILE_LIMIT', `第 ${formatCount(rowNumber + 1)} 行超过 ${formatCount(LIMITS.csvLineChars)} 个字符（可能是引号没有配对）`), fileName);
      }
      throw new AppError('FILE_UNREADABLE', `${fileName}：第 ${formatCount(rowNumber + 1)} 行附近的 CSV 格式有误${reasonOf(err)}`, undefined, { logDetail: String((err as Error)?.message ?? err) });
    }
  }
}

/** What csv-parse said, in Chinese, when it is a known complaint. */
function reasonOf(err: unknown): string {
  const reason = knownLibraryReasonZh(err);
  return reason ? `：${reason}` : '';
}
