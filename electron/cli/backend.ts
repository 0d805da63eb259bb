import { AppError } from '../backend/errors';
import { createBackend, type Backend } from '../backend/create';
import type { CliIO } from './command';
import { exitCodeFor } from './command';

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
    if (err instanceof AppError) return io.fail(err.toData());
    throw err;
  } finally {
    backend?.close();
  }
}

/** Calls a method and fails the command on an error envelope; returns the value or null (already reported). */
export async function callOrFail<T>(backend: Backend, io: CliIO, method: string, input: unknown): Promise<{ value: T } | { code: number }> {
  const result = await backend.dispatch(method, input);
  if (result.ok) return { value: result.value as T };
  return { code: io.fail(result.error) };
}

export { exitCodeFor };
