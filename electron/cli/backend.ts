import fs from 'node:fs';
import path from 'node:path';
import type { JobMethodName, JobResult, MethodInput } from '../../shared/api';
import { runJob as runSharedJob, type JobClient } from '../../shared/api/run-job';
import type { AppErrorData } from '../../shared/result';
import { AppError } from '../backend/errors';
import { createBackend, type Backend } from '../backend/create';
import { EXIT, exitCodeFor, type CliIO } from './command';

/** Opens the backend for a command, runs it, always closes; turns an AppError into the command's exit code. */
export async function withBackend(
  dbPath: string,
  io: CliIO,
  run: (backend: Backend) => Promise<number>,
  options: { create?: boolean } = {},
): Promise<number> {
  let backend: Backend | undefined;
  try {
    backend = await createBackend({ dbPath, create: options.create ?? false, log: () => undefined });
    return await run(backend);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.code === 'DB_DAMAGED' ? failDamaged(io, dbPath, err.toData()) : io.fail(err.toData());
  } finally {
    backend?.close();
  }
}

/** A damaged database's refusal (exit 2), with what to do about it: its problems list the backups to restore from. */
export function failDamaged(io: CliIO, dbPath: string, error: AppErrorData, extra?: Record<string, unknown>): number {
  return io.fail({ ...error, message: `${error.message}；恢复：restore --db ${dbPath} --from 备份名称` }, extra);
}

/** What a change made from the command line names as its origin in the change events. */
const CLI_ORIGIN = 'cli';

/** The backend as the CLI calls it: its dispatch (changes name the CLI as their origin), and its events for jobs. */
export function cliClient(backend: Backend): JobClient {
  return { call: (method, input) => backend.dispatch(method, input, { origin: CLI_ORIGIN }), onEvent: (listener) => backend.ctx.events.on(listener) };
}

/** Calls a method and fails the command on an error envelope; returns the value or null (already reported). */
export async function callOrFail<T>(backend: Backend, io: CliIO, method: string, input: unknown): Promise<{ value: T } | { code: number }> {
  const result = await cliClient(backend).call(method, input);
  if (result.ok) return { value: result.value as T };
  return { code: io.fail(result.error) };
}

/**
 * Runs a job method to its end; a refused start or a failed job fails the command (`onFailure` may report it its own
 * way, as failImport does).
 */
export async function runJob<M extends JobMethodName>(
  backend: Backend,
  io: CliIO,
  method: M,
  input: MethodInput<M>,
  onFailure: (error: AppErrorData) => number = (error) => io.fail(error),
): Promise<{ value: JobResult<M> } | { code: number }> {
  const outcome = await runSharedJob(cliClient(backend), method, input);
  if (outcome.status === 'done') return { value: outcome.result };
  return { code: onFailure(outcome.error) };
}

/**
 * A refused import under --json prints `{"errors":[…]}` (exit 1), as the FDI importer's contract says, with what
 * `extra` adds; else as any failure. The list is never empty: a refusal without row problems (a file with a header
 * and no rows) is itself the one error. Its Chinese line goes to stderr as well, as every refusal's does.
 */
export function failImport(io: CliIO, error: AppErrorData, extra: Record<string, unknown> = {}): number {
  if (error.code !== 'IMPORT_REFUSED' || !io.json) return io.fail(error);
  const problems = (error.problems ?? []).filter((p) => p.severity !== 'warning');
  const listed = problems.length ? problems : [{ code: error.code, message: error.message, detail: error.detail }];
  const errors = listed.map((p) => ({
    file: ('file' in p && p.file) || null,
    sheet: ('sheet' in p && p.sheet) || null,
    row: ('row' in p && p.row) || null,
    column: ('column' in p && p.column) || null,
    value: ('value' in p && p.value) || null,
    code: p.code,
    message: p.message,
    ...(p.detail ? { detail: p.detail } : {}),
  }));
  io.note(`错误 [${error.code}]：${error.message}`);
  io.out({ errors, ...extra });
  return EXIT.refused;
}

/** Copies a file a job made (an export) to where the command was told to put it; returns that absolute path. */
export function saveJobFile(backend: Backend, fileId: string, out: string): string {
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backend.ctx.files.get(fileId).path, target);
  backend.ctx.files.discard(fileId, 'exports');
  return target;
}

export { exitCodeFor };
