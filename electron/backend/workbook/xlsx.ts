import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { rowsOf, type SheetRow } from './cells';
import { unreadable } from './limits';
import type { CellRange, SheetSource } from './sheet-source';
import { readDateStyles, readSharedStrings, readWorkbookParts, scanPart } from './xlsx-parts';
import { checkedRange, pushMerge, xlsxRowBatches, type SheetContext } from './xlsx-rows';
import { ZipArchive } from './zip';


/** Counts the bytes passing through, for progress. */
async function* counted(stream: Readable, seen: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    seen.bytes += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
}

/**
 * The sheets of an .xlsx, in the workbook's tab order, read by random access (zip.ts) and our own XML tokenizer
 * (xml-scan.ts). Parts are read only when needed: listing sheets reads the workbook part alone, the shared strings and
 * styles are read once before the first rows, and a sheet's rows only when asked for. Dates come as Date (cell formats
 * that show dates are known from the styles).
 */
export async function* xlsxSheets(file: string, fileName: string, options: { merges?: boolean } = {}): AsyncGenerator<SheetSource> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(file);
  } catch (err) {
    throw unreadable(err, fileName);
  }
  try {
    const book = await readWorkbookParts(zip);
    if (book.sheets.length === 0) throw new AppError('FILE_UNREADABLE', `${fileName}：文件中没有工作表，不是有效的 Excel 工作簿`);
    let context: Promise<SheetContext> | null = null;
    const contextOf = () =>
      (context ??= Promise.all([readSharedStrings(zip, book.sharedStrings), readDateStyles(zip, book.styles)]).then(([sharedStrings, dateStyles]) => ({
        sharedStrings,
        dateStyles,
        date1904: book.date1904,
      })));
    for (const sheet of book.sheets) {
      const merges: CellRange[] = [];
      const size = zip.size(sheet.part) || 1;
      const seen = { bytes: 0 };
      let readToEnd = false;
      const batches = async function* (): AsyncGenerator<SheetRow[]> {
        let stream: Readable | null = null;
        try {
          const ctx = await contextOf();
          stream = await zip.stream(sheet.part);
          yield* xlsxRowBatches(counted(stream, seen), sheet.name, ctx, merges);
          readToEnd = true;
        } catch (err) {
          throw unreadable(err, fileName);
        } finally {
          stream?.destroy();
        }
      };
      yield {
        name: sheet.name,
        hidden: sheet.hidden,
        merges,
        progress: () => Math.min(1, seen.bytes / size),
        rows: () => rowsOf(batches()),
        batches,
      };
      // merged ranges come after the rows: a sheet whose rows were not read through is scanned for them alone
      if (options.merges && !readToEnd) {
        merges.length = 0;
        await scanPart(zip, sheet.part, {
          open(name, a) {
            if (name === 'mergeCell' && a.ref) pushMerge(sheet.name, merges, checkedRange(sheet.name, a.ref));
          },
          close() {},
          text() {},
        });
      }
    }
  } catch (err) {
    throw unreadable(err, fileName);
  } finally {
    zip.close();
  }
}
