import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { outOfMemory, startWorker, workerEntry } from '../workers/spawn';
import { rowsOf, type SheetRow } from './cells';
import { formatBytes, LIMITS, type LimitCode } from './limits';
import type { CellRange, SheetSource } from './sheet-source';

const XLS_WORKER = workerEntry(new URL('./xls-worker.ts', import.meta.url), 'xls-read');

/**
 * The reading thread's heap. SheetJS holds the whole workbook: a 65,000-row return of 9 columns (13 MB) takes about
 * 100 MB (300 MB without patches/@e965+xlsx, whose `delete` made each cell a dictionary); a file within
 * LIMITS.xlsBytes that needs more than this is refused as FILE_TOO_LARGE.
 */
const XLS_HEAP_MB = 512;

export interface XlsBook {
  sheets: Array<{ name: string; hidden: boolean; merges: CellRange[]; rowCount: number }>;
  date1904: boolean;
}

/** To the reading thread: the rows of a sheet (by index) from row `from` (0-based) on, one batch. */
export type XlsRequest = { sheet: number; from: number };
export type XlsReply =
  | { type: 'book'; book: XlsBook }
  | { type: 'rows'; rows: SheetRow[]; next: number | null }
  | { type: 'limit'; code: LimitCode; message: string }
  | { type: 'failed'; detail: string };

/** What SheetJS says of a file it cannot read, as people can act on it (its own words go to the detail). */
function refusal(fileName: string, detail: string): AppError {
  const hint = /password|encrypt/i.test(detail)
    ? '文件设有打开密码，请在 Excel/WPS 中取消密码后再导入'
    : '文件不完整或已损坏，无法作为 Excel 97–2003（.xls）或 WPS（.et）工作簿读取';
  return new AppError('FILE_UNREADABLE', `${fileName}：${hint}`, undefined, { logDetail: detail });
}

/** The reading thread, asked one thing at a time; each answer within LIMITS.xlsSeconds or the thread is stopped. */
class XlsThread {
  private readonly worker: Worker;
  private waiting: { resolve: (reply: XlsReply) => void; reject: (err: AppError) => void; timer: NodeJS.Timeout } | null = null;
  private ended: AppError | null = null;

  constructor(
    file: string,
    private readonly fileName: string,
  ) {
    this.worker = startWorker(XLS_WORKER, { path: file }, { resourceLimits: { maxOldGenerationSizeMb: XLS_HEAP_MB } });
    this.worker.on('message', (reply: XlsReply) => this.settle((w) => w.resolve(reply)));
    this.worker.on('error', (err) => {
      const tooLarge = outOfMemory(err);
      this.end(tooLarge ? new AppError('FILE_TOO_LARGE', `${fileName}：请在 Excel/WPS 中另存为 .xlsx，或拆成几个文件再导入`, undefined, { logDetail: err.message }) : refusal(fileName, err.message));
    });
    this.worker.on('exit', (code) => this.end(refusal(fileName, `xls reader exited (${code})`)));
  }

  /** The next reply (the book first, then one per request). */
  next(request?: XlsRequest): Promise<XlsReply> {
    if (this.ended) return Promise.reject(this.ended);
    if (request) this.worker.postMessage(request);
    return new Promise<XlsReply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.end(new AppError('FILE_LIMIT', `${this.fileName}：读取超过 ${LIMITS.xlsSeconds} 秒仍未完成，文件可能已损坏或过于复杂；请在 Excel/WPS 中另存为 .xlsx 再导入`)),
        LIMITS.xlsSeconds * 1000,
      );
      this.waiting = { resolve, reject, timer };
    });
  }

  /** The answer to a request, or its refusal thrown. */
  async ask(request?: XlsRequest): Promise<Exclude<XlsReply, { type: 'limit' | 'failed' }>> {
    const reply = await this.next(request);
    if (reply.type === 'limit') throw new AppError(reply.code, `${this.fileName}：${reply.message}`);
    if (reply.type === 'failed') throw refusal(this.fileName, reply.detail);
    return reply;
  }

  close(): void {
    this.ended ??= new AppError('JOB_CANCELLED');
    void this.worker.terminate();
  }

  private settle(fn: (waiting: NonNullable<XlsThread['waiting']>) => void): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    clearTimeout(waiting.timer);
    fn(waiting);
  }

  private end(err: AppError): void {
    if (!this.ended) this.ended = err;
    this.settle((w) => w.reject(this.ended!));
    void this.worker.terminate();
  }
}

/**
 * The sheets of an .xls or .et, as SheetSource like an .xlsx's: read whole by SheetJS in a thread of its own (see
 * xls-worker.ts), with every merged range known up front. A file past LIMITS.xlsBytes is refused before it is read.
 */
export async function* xlsSheets(file: string, fileName: string): AsyncGenerator<SheetSource> {
  const { size } = await fs.promises.stat(file);
  if (size > LIMITS.xlsBytes) {
    throw new AppError('FILE_LIMIT', `${fileName}：.xls 文件有 ${formatBytes(size)}，超过 ${formatBytes(LIMITS.xlsBytes)} 的上限；请在 Excel/WPS 中另存为 .xlsx 再导入`);
  }
  const thread = new XlsThread(file, fileName);
  try {
    const { book } = (await thread.ask()) as Extract<XlsReply, { type: 'book' }>;
    for (const [index, sheet] of book.sheets.entries()) {
      let read = 0;
      const batches = async function* (): AsyncGenerator<SheetRow[]> {
        let from: number | null = 0;
        while (from !== null) {
          const reply = (await thread.ask({ sheet: index, from })) as Extract<XlsReply, { type: 'rows' }>;
          if (reply.rows.length) yield reply.rows;
          from = reply.next;
          read = from ?? sheet.rowCount;
        }
      };
      yield {
        name: sheet.name,
        hidden: sheet.hidden,
        merges: sheet.merges,
        mergesUpFront: true,
        progress: () => (sheet.rowCount ? Math.min(1, read / sheet.rowCount) : 1),
        rows: () => rowsOf(batches()),
        batches,
      };
    }
  } finally {
    thread.close();
  }
}
