import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import type { SheetRow } from './cells';
import type { CellRange, SheetSource } from './source';
import { xlsxRowBatches, type SheetContext } from './xlsx-rows';

/** What exceljs's streaming WorksheetReader has at run time (its typings leave these out). */
interface RawWorksheetReader {
  name: string;
  state?: string;
  /** The sheet XML: the zip entry, or a temp-file stream when exceljs had to put the sheet aside. */
  iterator: AsyncIterable<Buffer> & Partial<AsyncIterator<Buffer>>;
  workbook: SheetContext;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Turns what exceljs, unzipper or saxes throw on a damaged file into the one refusal people can act on. */
export function unreadable(err: unknown, fileName: string): AppError {
  if (err instanceof AppError) return err;
  const reason = String((err as Error)?.message ?? err);
  return new AppError('FILE_UNREADABLE', `${fileName}：文件不完整或已损坏，无法作为 Excel 工作簿读取（${reason.slice(0, 120)}）`);
}

async function assertZip(file: string, fileName: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || !head.equals(ZIP_MAGIC)) {
      throw new AppError('FILE_UNREADABLE', `${fileName}：不是 .xlsx 工作簿（可能是旧版 .xls、WPS 或其他文件改了扩展名），请在 Excel/WPS 中另存为 .xlsx`);
    }
  } finally {
    await handle.close();
  }
}

/** Passes a sheet's XML bytes through while collecting its `<mergeCell ref="A1:C2"/>` ranges. */
function scanningMerges(raw: AsyncIterator<Buffer>, merges: CellRange[]): AsyncIterator<Buffer> {
  const seen = new Set<string>();
  let tail = '';
  const pattern = /<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  return (async function* () {
    while (true) {
      const next = await raw.next();
      if (next.done) return;
      const chunk = next.value;
      // merge ranges sit after the rows: skip the byte scan on chunks that cannot hold one
      if (tail || chunk.includes('<mergeCell')) {
        const window = tail + chunk.toString('latin1');
        for (const m of window.matchAll(pattern)) {
          if (seen.has(m[0])) continue;
          seen.add(m[0]);
          merges.push({ top: +m[2]!, left: lettersToNumber(m[1]!), bottom: +m[4]!, right: lettersToNumber(m[3]!) });
        }
        tail = window.slice(-64);
      } else tail = chunk.subarray(-64).toString('latin1');
      yield chunk;
    }
  })();
}

function lettersToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The sheets of an .xlsx, streamed with exceljs's WorkbookReader (patched: see patches/exceljs+4.4.0.patch). Each
 * sheet's rows may be read or not; whatever is left unread is skipped without being parsed when the next sheet is
 * asked for. Dates come as Date (styles are cached so date formats are known). Rows are read from the sheet's XML by
 * xlsx-rows.ts rather than by exceljs's WorksheetReader.
 */
export async function* xlsxSheets(file: string, fileName: string, options: { merges?: boolean } = {}): AsyncGenerator<SheetSource> {
  await assertZip(file, fileName);
  const fileSize = (await fs.promises.stat(file)).size || 1;
  const input = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const ws of reader as unknown as AsyncIterable<RawWorksheetReader>) {
      sheets++;
      const merges: CellRange[] = [];
      // a sheet exceljs put aside comes from a temp file (progress through that file); otherwise straight from the zip
      const putAside = ws.iterator as unknown as { path?: string; bytesRead?: number };
      const asideSize = typeof putAside.path === 'string' ? fs.statSync(putAside.path, { throwIfNoEntry: false })?.size || 1 : 0;
      const xml: AsyncIterator<Buffer> = typeof ws.iterator.next === 'function' ? (ws.iterator as AsyncIterator<Buffer>) : ws.iterator[Symbol.asyncIterator]();
      const raw = options.merges ? scanningMerges(xml, merges) : xml;
      let ended = false;
      // exceljs closes the iterator it was given when rows stop being read; this wrapper keeps `raw` open for draining
      ws.iterator = (async function* () {
        while (true) {
          const next = await raw.next();
          if (next.done) {
            ended = true;
            return;
          }
          yield next.value;
        }
      })();
      const name = ws.name;
      yield {
        name,
        hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
        merges,
        progress: () => Math.min(1, asideSize ? (putAside.bytesRead ?? 0) / asideSize : input.bytesRead / fileSize),
        async *rows(): AsyncGenerator<SheetRow> {
          try {
            for await (const batch of xlsxRowBatches(ws.iterator, name, ws.workbook)) yield* batch;
          } catch (err) {
            throw unreadable(err, fileName);
          }
        },
      };
      if (!ended) while (!(await raw.next()).done);
    }
  } catch (err) {
    throw unreadable(err, fileName);
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new AppError('FILE_UNREADABLE', `${fileName}：文件中没有工作表，不是有效的 Excel 工作簿`);
}
