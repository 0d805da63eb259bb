import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import {
  FDI_IMPORT_FIELDS,
  type FdiCommitResult,
  type FdiImportField,
  type FdiImportOptions,
  type FdiImportResult,
  type FdiPreview,
  type PlaceChoice,
} from '../../../shared/api/fdiImport';
import type { Problem } from '../../../shared/result';
import type { BackendContext } from '../context';
import { AppError } from '../errors';
import { columnLetter } from '../workbook/cells';
import type { JobControl } from '../jobs';
import { outOfMemory, runInWorker, startWorker, workerEntry } from '../workers/spawn';
import { readRememberedMappings, rememberMapping } from './mapping';
import type { FileFindings, FileTask } from './check';
import { inputBytes, resolverDigest, STALE_RESOLVERS, workerLimits, type ParseInput } from './messages';
import type { PlacePolicy } from './places';
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
async function runImportWorkers(ctx: BackendContext, files: FileTask[], places: PlacePolicy, allowPartial: boolean, job: JobControl, onTurn?: () => Promise<void>): Promise<WorkerOutput> {
  const task = places.stage;
  const limits = workerLimits(inputBytes(files));
  const { port1, port2 } = new MessageChannel();
  const resolverData = readResolverData(ctx.db);
  const parseInput: ParseInput = { files, resolverData, mappings: readRememberedMappings(ctx.db), places };
  const parser = startWorker(PARSE_WORKER, { input: parseInput, port: port2 }, { transfer: [port2], resourceLimits: limits.parse });
  let parserError: Error | null = null;
  parser.on('error', (err) => (parserError = err));
  const parserExited = new Promise<void>((resolve) => parser.once('exit', () => resolve()));
  const input: WorkerInput = { task, dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, files, allowPartial, user: ctx.userName(), keepBackups: KEEP_BACKUPS, port: port1 };
  if (task === 'commit') input.resolvers = resolverDigest(resolverData);
  try {
    return await runInWorker<WorkerOutput>(WORKER_ENTRY, input, job, { resourceLimits: limits.check, transfer: [port1], onTurn });
  } catch (err) {
    // the check worker only saw the parser's port close: what became of the parser (say, out of memory) is known
    // here, once its own 'error' and 'exit' have come, which may be after the check worker's failure
    await Promise.race([parserExited, new Promise((resolve) => setTimeout(resolve, PARSER_EXIT_WAIT_MS))]);
    if (parserError) throw outOfMemory(parserError) ?? new AppError('INTERNAL', '读取线程出错', undefined, { logDetail: (parserError as Error).message });
    throw err;
  } finally {
    void parser.terminate(); // it has ended, unless the check worker stopped early
  }
}

function toPreview(previewId: string, fileId: string, f: FileFindings): FdiPreview {
  const byIndex = new Map(f.columns.map((c) => [c.index, c]));
  const width = Math.max(f.layout?.labels.length ?? 0, ...f.columns.map((c) => c.index + 1));
  return {
    previewId,
    file: { fileId, name: f.file },
    sheets: f.sheets,
    sheet: f.sheet,
    needsSheetChoice: f.needsSheetChoice,
    headerRows: f.layout?.headerRows ?? [],
    headerSource: f.layout?.headerSource ?? null,
    head: f.head,
    columns: Array.from({ length: width }, (_, index) => {
      const c = byIndex.get(index);
      const field = (c?.field ?? null) as FdiImportField | null;
      return { index, letter: columnLetter(index + 1), label: f.layout?.labels[index] ?? '', field, matchedBy: field ? columnSource(f, field, c!.matchedBy) : null };
    }),
    ignoredColumns: ignoredColumns(f),
    mapping: Object.fromEntries(Object.keys(FDI_IMPORT_FIELDS).map((k) => [k, f.mapping[k as FdiImportField] ?? null])),
    mappingSource: f.mappingSource,
    missingFields: f.layout ? f.layout.missing.filter((k) => f.mapping[k as FdiImportField] == null).map((k) => ({ key: k, label: FDI_IMPORT_FIELDS[k as FdiImportField] })) : [],
    units: f.units,
    district: f.district,
    districtMissingRows: f.districtMissingRows,
    context: {
      title: f.layout?.context.title ?? null,
      reportingUnit: f.layout?.context.reportingUnit ?? null,
      periodText: f.layout?.context.periodText ?? null,
      period: f.period ? { from: f.period.from, to: f.period.to } : null,
    },
    periodOutsideRows: f.periodOutsideRows,
    unknownPlaces: f.unknownPlaces.map(({ kind, name, rows, firstRow, proposal, type, action }) => ({ kind, name, rows, firstRow, proposal, type, action })),
    totals: { ...f.totals, checks: f.totals.checks.map((c) => ({ ...c, column: columnLetter(c.column + 1) })) },
    alreadyImported: f.alreadyImported,
    counts: f.counts,
    skipped: f.skipped,
    sample: f.sample,
    problems: f.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: f.problemCount,
    problemsByCode: f.problemsByCode,
  };
}

/** A field's column came from the header or the content, unless the mapping in force was remembered or given. */
function columnSource(f: FileFindings, field: FdiImportField, found: FdiPreview['columns'][number]['matchedBy']): FdiPreview['columns'][number]['matchedBy'] {
  const detected = f.layout?.mapping[field];
  if (f.mappingSource !== 'detected' && detected !== f.mapping[field]) return f.mappingSource;
  return found;
}

function ignoredColumns(f: FileFindings): Array<{ column: string; header: string }> {
  return f.columns.filter((c) => c.field === null).map((c) => ({ column: c.column, header: c.header }));
}

/** What a person settled on for a file's layout, to remember: the mapping, and header rows they chose. */
function settled(f: FileFindings) {
  const headerRows = f.layout && f.layout.headerSource !== 'detected' ? f.layout.headerRows : undefined;
  return { mapping: f.mapping, ...(headerRows ? { headerRows } : {}) };
}

/** Starts a preview job: the worker reads and checks the whole file without writing anything. */
export function startPreview(ctx: BackendContext, input: FdiImportOptions & { fileId: string }): string {
  const { fileId, ...options } = input;
  const task = fileTask(ctx, fileId, options);
  return ctx.jobs.start('fdiImport.preview', async (job) => {
    const out = await runImportWorkers(ctx, [task], { stage: 'preview', addUnknown: false, choices: [] }, false, job);
    if (out.task !== 'preview') throw new AppError('INTERNAL', 'unexpected worker output');
    const f = out.findings;
    // a mapping or header rows the person corrected are remembered for files with the same header
    if (f.layout && (Object.keys(options.mapping ?? {}).length || options.headerRows?.length)) rememberMapping(ctx.db, f.layout.signature, settled(f));
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

/**
 * Starts a commit job for one or several files (consolidation: each file its own batch, tagged with its district).
 * All files are checked together — a record repeated across files is a duplicate — and written in one transaction,
 * after a backup; with any error nothing is written unless `allowPartial`.
 */
export function startCommit(ctx: BackendContext, files: CommitFile[], run: CommitRun): string {
  if (!files.length) throw new AppError('INVALID_INPUT', '没有要导入的文件');
  const fileIds = files.map((f) => {
    if (f.previewId) return getStoredPreview(ctx, f.previewId).fileId;
    if (!f.fileId) throw new AppError('INVALID_INPUT', '需要 previewId 或 fileId');
    return f.fileId;
  });
  const tasks = files.map((f, i) => fileTask(ctx, fileIds[i]!, f.previewId ? { ...getStoredPreview(ctx, f.previewId).options, ...stripUndefined(f.options) } : f.options));
  const label = `导入外资统计（${tasks.map((t) => t.name).join('、')}）`;
  return ctx.jobs.start('fdiImport.commit', async (job): Promise<FdiImportResult> => {
    // the writer's turn is taken when the check worker is about to write, once the file has been opened and its first
    // sheet found: a file refused before that (a zip bomb, a sheet past the limits, an .xls SheetJS cannot read)
    // never holds the database, and a restore asked for meanwhile is not refused for it
    let release: (() => void) | null = null;
    let ended = false;
    const turn = async () => {
      if (release) return; // a second reading of the files, the turn held (commitFiles)
      const granted = await ctx.gate.turn(label, job);
      // the workers died while the job waited: the turn goes on to the next in line
      if (ended) return granted();
      release = granted;
    };
    try {
      const result = await commitFiles(ctx, files, tasks, run, job, turn);
      for (const fileId of fileIds) ctx.files.discard(fileId, 'uploads'); // the uploads that went in have served
      return result;
    } finally {
      ended = true;
      (release as (() => void) | null)?.();
    }
  });
}

/** How often an import reads its files again when what it checked them against changed before its turn. */
const STALE_RETRIES = 2;

interface CommitRun {
  allowPartial: boolean;
  addUnknown: boolean;
  places: PlaceChoice[];
}

async function commitFiles(ctx: BackendContext, files: CommitFile[], tasks: FileTask[], run: CommitRun, job: JobControl, turn: () => Promise<void>): Promise<FdiImportResult> {
  const policy: PlacePolicy = { stage: 'commit', addUnknown: run.addUnknown, choices: run.places };
  let out: WorkerOutput;
  for (let attempt = 0; ; attempt++) {
    try {
      out = await runImportWorkers(ctx, tasks, policy, run.allowPartial, job, turn);
      break;
    } catch (err) {
      // districts, platforms or reference data changed (a restore, a settings change) while the file was read before
      // the turn: read it again, the turn now held
      if (!(err instanceof AppError && err.logDetail === STALE_RESOLVERS) || attempt >= STALE_RETRIES) throw err;
    }
  }
  if (out.task !== 'commit') throw new AppError('INTERNAL', 'unexpected worker output');
  // a mapping given with the commit itself is remembered (one from a preview was remembered by that preview)
  for (const [i, f] of out.findings.entries()) {
    const given = files[i]!.options;
    if (f.layout && (Object.keys(given.mapping ?? {}).length || given.headerRows?.length)) rememberMapping(ctx.db, f.layout.signature, settled(f));
  }
  const batches = out.batches.map((b, i): FdiCommitResult => {
    const f = out.findings[i]!;
    return {
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
      headerRows: f.layout?.headerRows ?? [],
      ignoredColumns: ignoredColumns(f),
      totals: { checked: f.totals.checked, mismatches: f.totals.mismatches },
      warnings: warningsOf(f.problems),
      periods: f.recordPeriods,
    };
  });
  return { batches, imported: batches.reduce((n, b) => n + b.rows, 0), added: out.added, matched: out.matched, replaced: out.replaced };
}

/** The warnings of a file as the command line prints them. */
export function warningsOf(problems: readonly Problem[]) {
  return problems
    .filter((p) => p.severity === 'warning')
    .map((p) => ({ code: p.code, sheet: p.sheet ?? null, row: p.row ?? null, column: p.column ?? null, message: p.message }));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
