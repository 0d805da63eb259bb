import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/create';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temp folder removed after the test. */
export function tempDir(prefix = 'fdi-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A backend on a real SQLite file in a temp folder, closed after the test. */
export async function tempBackend(options: { demo?: boolean } = {}): Promise<Backend & { dir: string }> {
  const dir = tempDir();
  const backend = await createBackend({ dbPath: path.join(dir, 'test.db'), create: true, workDir: path.join(dir, 'work'), log: () => undefined });
  cleanups.push(() => backend.close());
  if (options.demo) {
    const { seedDemo } = await import('../../electron/backend/demo');
    seedDemo(backend.ctx.db, new Date('2026-11-15T00:00:00Z'));
  }
  return Object.assign(backend, { dir });
}

/** Calls a method and returns its value, failing the test with the error envelope otherwise. */
export async function call<T = any>(backend: Backend, method: string, input: unknown = {}): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
