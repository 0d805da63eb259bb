import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import {
  FDI_IMPORT_FIELDS,
  type FdiCommitResult,
  type FdiImportField,
  type FdiImportOptions,
  type FdiPreview,
} from '../../../shared/api/fdiImport';
import type { Problem } from '../../../shared/result';
import type { BackendContext } from '../context';
import { AppError } from '../errors';
import { columnLetter } from '../workbook/cells';
import type { JobControl } from '../jobs';
import { outOfMemory, runInWorker, startWorker, workerEntry } from '../workers/spawn';
import { readRememberedMappings, rememberMapping } from './mapping';
import type { FileFindings, FileTask } from './check';
import { inputBytes, workerLimits, type ParseInput } from './messages';
import { readResolverData } from './resolve';
import type { WorkerInput, WorkerOutput } from './worker';

const WORKER_ENTRY = workerEntry(new URL('./worker.ts', import.meta.url), 'fdi-import');
const PARSE_WORKER = workerEntry(new URL('./parse-worker.ts', import.meta.url), 'fdi-parse');
/** How long a failed job waits to hear how its parser ended. */
const PARSER_EXIT_WAIT_MS = 1000;
const KEEP_BACKUPS = 5;
const PREVIEWS_KEPT = 20;
/** Problems shown with a preview; the whole list (up to LIMITS.problems) goes into the saved problem list. */
const PROBLEMS_SHOWN = 500;

interface StoredPreview {
  fileId: string;
  fileName: string;
  options: FdiImportOptions;
  problems: Problem[];
}

/** Previews of this backend, newest last, so a commit or a saved problem list can refer to one by id. */
const previewStores = new WeakMap<BackendContext, Map<string, StoredPreview>>();
function previewsOf(ctx: BackendContext): Map<string, StoredPreview> {
  let store = previewStores.get(ctx);
  if (!store) previewStores.set(ctx, (store = new Map()));
  return store;
}

export function getStoredPreview(ctx: BackendContext, previewId: string): StoredPreview {
  const preview = previewsOf(ctx).get(previewId);
  if (!preview) throw new AppError('NOT_FOUND', '预览已过期，请重新读取文件');
  return preview;
}

function fileTask(ctx: BackendContext, fileId: string, options: FdiImportOptions): FileTask {
  const file = ctx.files.get(fileId);
  return { path: file.path, name: file.name, options };
}

/**
 * Runs an import job's two workers: the parse worker reads and checks, the check worker writes (or stages, for a
 * preview), joined by their own MessageChannel. Both start at once: started by the check worker, the parser waited
 * for its start-up first (0.1 s of a 100k-record import).
 */
async function runImportWorkers(ctx: BackendContext, task: WorkerInput['task'], files: FileTask[], allowPartial: boolean, job: JobControl): Promise<WorkerOutput> {
  const limits = workerLimits(inputBytes(files));
  const { port1, port2 } = new MessageChannel();
  const parseInput: ParseInput = { files, resolverData: readResolverData(ctx.db), mappings: readRememberedMappings(ctx.db) };
  const parser = startWorker(PARSE_WORKER, { input: parseInput, port: port2 }, { transfer: [port2], resourceLimits: limits.parse });
  let parserError: Error | null = null;
  parser.on('error', (err) => (parserError = err));
  const parserExited = new Promise<void>((resolve) => parser.once('exit', () => resolve()));
  const input: WorkerInput = { task, dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, files, allowPartial, user: ctx.userName(), keepBackups: KEEP_BACKUPS, port: port1 };
  try {
    return await runInWorker<WorkerOutput>(WORKER_ENTRY, input, job, { resourceLimits: limits.check, transfer: [port1] });
  } catch (err) {
    // the check worker only saw the parser's port close: what became of the parser (say, out of memory) is known
    // here, once its own 'error' and 'exit' have come, which may be after the check worker's failure
    await Promise.race([parserExited, new Promise((resolve) => setTimeout(resolve, PARSER_EXIT_WAIT_MS))]);
    if (parserError) throw outOfMemory(parserError) ?? new AppError('INTERNAL', `读取线程出错：${(parserError as Error).message}`);
    throw err;
  } finally {
    void parser.terminate(); // it has ended, unless the check worker stopped early
  }
}

function toPreview(previewId: string, fileId: string, f: FileFindings): FdiPreview {
  const labels = f.layout?.labels ?? [];
  const fieldOf = new Map(Object.entries(f.mapping).filter(([, c]) => c !== null && c !== undefined).map(([k, c]) => [c as number, k as FdiImportField]));
  return {
    previewId,
    file: { fileId, name: f.file },
    sheets: f.sheets,
    sheet: f.sheet,
    needsSheetChoice: f.needsSheetChoice,
    headerRows: f.layout?.headerRows ?? [],
    columns: labels.map((label, index) => ({ index, letter: columnLetter(index + 1), label, field: fieldOf.get(index) ?? null })),
    mapping: Object.fromEntries(Object.keys(FDI_IMPORT_FIELDS).map((k) => [k, f.mapping[k as FdiImportField] ?? null])),
    mappingSource: f.mappingSource,
    missingFields: f.layout ? f.layout.missing.filter((k) => f.mapping[k as FdiImportField] == null).map((k) => ({ key: k, label: FDI_IMPORT_FIELDS[k as FdiImportField] })) : [],
    units: f.units,
    district: f.district,
    context: {
      title: f.layout?.context.title ?? null,
      reportingUnit: f.layout?.context.reportingUnit ?? null,
      periodText: f.layout?.context.periodText ?? null,
    },
    counts: f.counts,
    skipped: f.skipped,
    sample: f.sample,
    problems: f.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: f.problemCount,
    problemsByCode: f.problemsByCode,
  };
}

/** Starts a preview job: the worker reads and checks the whole file without writing anything. */
export function startPreview(ctx: BackendContext, input: FdiImportOptions & { fileId: string }): string {
  const { fileId, ...options } = input;
  const task = fileTask(ctx, fileId, options);
  return ctx.jobs.start('fdiImport.preview', async (job) => {
    const out = await runImportWorkers(ctx, 'preview', [task], false, job);
    if (out.task !== 'preview') throw new AppError('INTERNAL', 'unexpected worker output');
    const f = out.findings;
    // a mapping the person corrected is remembered for files with the same header
    if (options.mapping && Object.keys(options.mapping).length && f.layout) rememberMapping(ctx.db, f.layout.signature, f.mapping);
    const previewId = randomUUID();
    const store = previewsOf(ctx);
    store.set(previewId, { fileId, fileName: task.name, options: { ...options, sheet: f.sheet ?? options.sheet, mapping: f.mapping }, problems: f.problems });
    for (const old of [...store.keys()].slice(0, Math.max(0, store.size - PREVIEWS_KEPT))) store.delete(old);
    return toPreview(previewId, fileId, f);
  });
}

export interface CommitFile {
  fileId?: string;
  previewId?: string;
  options: FdiImportOptions;
}

export interface ConsolidateResult {
  batches: FdiCommitResult[];
  imported: number;
}

/**
 * Starts a commit job for one or several files (consolidation: each file its own batch, tagged with its district).
 * All files are checked together — a record repeated across files is a duplicate — and written in one transaction,
 * after a backup; with any error nothing is written unless `allowPartial`.
 */
export function startCommit(ctx: BackendContext, files: CommitFile[], allowPartial: boolean): string {
  if (!files.length) throw new AppError('INVALID_INPUT', '没有要导入的文件');
  const fileIds = files.map((f) => {
    if (f.previewId) return getStoredPreview(ctx, f.previewId).fileId;
    if (!f.fileId) throw new AppError('INVALID_INPUT', '需要 previewId 或 fileId');
    return f.fileId;
  });
  const tasks = files.map((f, i) => fileTask(ctx, fileIds[i]!, f.previewId ? { ...getStoredPreview(ctx, f.previewId).options, ...stripUndefined(f.options) } : f.options));
  const label = `导入外资统计（${tasks.map((t) => t.name).join('、')}）`;
  return ctx.jobs.start('fdiImport.commit', (job) =>
    ctx.gate.writer(label, job, async (): Promise<ConsolidateResult> => {
      const result = await commitFiles(ctx, files, tasks, allowPartial, job);
      for (const fileId of fileIds) ctx.files.discard(fileId, 'uploads'); // the uploads that went in have served
      return result;
    }),
  );
}

async function commitFiles(ctx: BackendContext, files: CommitFile[], tasks: FileTask[], allowPartial: boolean, job: JobControl): Promise<ConsolidateResult> {
  const out = await runImportWorkers(ctx, 'commit', tasks, allowPartial, job);
  if (out.task !== 'commit') throw new AppError('INTERNAL', 'unexpected worker output');
  // a mapping given with the commit itself is remembered (one from a preview was remembered by that preview)
  for (const [i, f] of out.findings.entries()) {
    const given = files[i]!.options.mapping;
    if (given && Object.keys(given).length && f.layout) rememberMapping(ctx.db, f.layout.signature, f.mapping);
  }
  ctx.events.emit({ type: 'changed', area: 'fdi' });
  const batches = out.batches.map((b) => ({
    batchId: b.batchId,
    file: b.file,
    rows: b.rows,
    skippedRows: b.skippedRows,
    rejectedRows: b.rejectedRows,
    unit: b.unit,
    district: b.district,
    enterprisesCreated: b.enterprisesCreated,
    enterprisesUpdated: b.enterprisesUpdated,
    backup: out.backup,
  }));
  return { batches, imported: batches.reduce((n, b) => n + b.rows, 0) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
