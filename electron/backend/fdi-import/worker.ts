/**
 * The check worker: runs an FDI import job off the main thread, on its own database connection. It starts the parse
 * worker (parse-worker.ts) beside it and takes its rows over a MessageChannel, so parsing (exceljs) and checking run
 * on two cores at once. Clean rows are staged (stage.ts). A preview stops there (read-only connection); a commit,
 * when every file was clean (or the user allowed a partial import), takes a backup and writes all batches in one
 * transaction (write.ts). Started by runInWorker (service.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AppErrorData } from '../../../shared/result';
import { backupDatabase, pruneBackups } from '../db/backups';
import { AppError } from '../errors';
import { serveWorkerTask, type WorkerControl } from '../workers/serve';
import { outOfMemory, startWorker, workerEntry } from '../workers/spawn';
import { FileChecker, type FileFindings, type FileTask } from './check';
import { PARSE_LIMITS, type ParseAck, type ParseInput, type ParseMessage } from './messages';
import { FdiResolvers } from './resolve';
import { FdiStage } from './stage';
import { writeBatches, type BatchMeta, type WrittenBatch } from './write';

export interface WorkerInput {
  task: 'preview' | 'commit';
  dbPath: string;
  /** The native build the app's own connection uses (see BackendContext.nativeBinding). */
  nativeBinding?: string;
  files: FileTask[];
  allowPartial: boolean;
  user: string;
  /** Backups before an import that are kept. */
  keepBackups: number;
}

export type WorkerOutput =
  | { task: 'preview'; findings: FileFindings }
  | {
      task: 'commit';
      findings: FileFindings[];
      batches: Array<WrittenBatch & { file: string; skippedRows: number; rejectedRows: number; unit: string; district: string | null }>;
      backup: string;
    };

const PARSE_WORKER = workerEntry(new URL('./parse-worker.ts', import.meta.url), 'fdi-parse');


async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unitLabel(f: FileFindings): string {
  return [...new Set([f.units.contractedFdi, f.units.actualFdi].filter(Boolean))].join('、') || '万美元';
}

function failure(error: AppErrorData): AppError {
  return Object.assign(new AppError('INTERNAL'), { code: error.code, message: error.message, problems: error.problems });
}

/** The parse worker's messages as an async sequence (its crash or early exit ends the sequence with an error). */
function parseMessages(port: MessagePort, parser: import('node:worker_threads').Worker): AsyncIterable<ParseMessage> {
  const queue: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: ParseMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  port.on('message', push);
  parser.on('error', (err) => push({ type: 'failed', error: (outOfMemory(err) ?? new AppError('INTERNAL', `读取线程出错：${err.message}`)).toData() }));
  parser.on('exit', (code) => push({ type: 'failed', error: new AppError('INTERNAL', `读取线程意外退出（${code}）`).toData() }));
  return {
    async *[Symbol.asyncIterator]() {
      while (true) {
        while (queue.length) yield queue.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

async function run(input: WorkerInput, control: WorkerControl): Promise<WorkerOutput> {
  const commit = input.task === 'commit';
  const db = new Database(input.dbPath, { fileMustExist: true, readonly: !commit, nativeBinding: input.nativeBinding });
  const channel = new MessageChannel();
  let parser: import('node:worker_threads').Worker | null = null;
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    // while rows are checked the connection only appends to the stage and looks up stored records: a small cache
    db.pragma('cache_size = -16384');
    const resolvers = new FdiResolvers(db);
    const stage = new FdiStage(db);
    const checkers = input.files.map((file, i) => new FileChecker(db, file, i, resolvers, stage));
    const parseInput: ParseInput = { files: input.files.map((f) => ({ path: f.path, name: f.name, sheet: f.options.sheet })) };
    parser = startWorker(PARSE_WORKER, { input: parseInput, port: channel.port2 }, { transfer: [channel.port2], resourceLimits: PARSE_LIMITS });
    const findings: FileFindings[] = [];
    let current = 0;
    const share = 0.9 / input.files.length;
    for await (const message of parseMessages(channel.port1, parser)) {
      control.throwIfCancelled();
      if (message.type === 'failed') throw failure(message.error);
      if (message.type === 'end') {
        // the parser's heap (exceljs holds the shared strings) is not needed any more: give it back before writing
        await parser.terminate();
        break;
      }
      if (message.type === 'file') current = message.index;
      else if (message.type === 'fileEnd') findings[message.index] = checkers[message.index]!.finish();
      else if (message.type === 'sheet') checkers[current]!.sheet(message);
      else {
        checkers[current]!.rows(message.rows);
        channel.port1.postMessage({ type: 'ack' } satisfies ParseAck);
        const checked = checkers[current]!.found.counts.dataRows;
        control.progress(share * (current + message.progress), `${input.files[current]!.name}：已检查 ${checked} 行`);
      }
    }
    stage.flush();
    if (!commit) return { task: 'preview', findings: findings[0]! };
    stage.release();

    const errors = findings.flatMap((f) => f.problems.filter((p) => p.severity === 'error'));
    const errorRows = findings.reduce((n, f) => n + f.counts.errorRows, 0);
    if (findings.some((f) => f.fatal)) throw new AppError('IMPORT_REFUSED', '文件无法按外资统计报表读取', errors);
    if (errorRows > 0 && !input.allowPartial) throw new AppError('IMPORT_REFUSED', `${errorRows} 行有错误（可选择只导入无误的行）`, errors);
    const empty = findings.filter((f) => f.counts.cleanRows === 0);
    if (empty.length) throw new AppError('IMPORT_REFUSED', `${empty.map((f) => f.file).join('、')}没有可导入的行`, errors);
    control.throwIfCancelled();
    control.committing?.();
    control.progress(0.95, '正在备份数据库');
    const backup = (await backupDatabase(db, input.dbPath, 'before-import')).name;
    pruneBackups(input.dbPath, 'before-import', input.keepBackups);
    control.progress(0.96, '正在写入数据库');
    // the parser is gone: the write, all index work, gets the memory it had (the default cache is 2 MB)
    db.pragma('cache_size = -131072');
    const metas: BatchMeta[] = [];
    for (const [i, f] of findings.entries()) {
      metas.push({
        fileIndex: i,
        fileName: f.file,
        fileHash: await sha256(input.files[i]!.path),
        sheet: f.sheet,
        unit: unitLabel(f),
        districtId: f.district?.id ?? null,
        districtName: f.district?.name ?? null,
        skippedRows: f.counts.skippedRows,
        rejectedRows: f.counts.errorRows,
      });
    }
    const written = writeBatches(db, metas, input.user, new Date().toISOString());
    return {
      task: 'commit',
      findings,
      backup,
      batches: written.map((w, i) => ({ ...w, file: metas[i]!.fileName, skippedRows: metas[i]!.skippedRows, rejectedRows: metas[i]!.rejectedRows, unit: metas[i]!.unit, district: metas[i]!.districtName })),
    };
  } finally {
    channel.port1.close();
    await parser?.terminate();
    db.close();
  }
}

serveWorkerTask(run);
