import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../../electron/backend/workers/spawn';
import { tempDir } from '../../helpers/backend';

const ENTRY = new URL('./linger-worker.ts', import.meta.url);

function job() {
  return { signal: new AbortController().signal, progress() {}, throwIfCancelled() {} };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('work after a worker has replied (afterReply)', () => {
  it('does not hold up the answer, and still runs to its end', async () => {
    const file = path.join(tempDir(), 'after.txt');
    expect(await runInWorker<string>(ENTRY, { file }, job())).toBe('answer');
    expect(fs.existsSync(file)).toBe(false);
    await waitFor(() => fs.existsSync(file));
    expect(fs.readFileSync(file, 'utf8')).toBe('after');
  });

  it('runs before a failure is reported, since a failed worker is terminated at once', async () => {
    const file = path.join(tempDir(), 'after-failure.txt');
    // what the worker threw is the error's detail, for logs; its message is the Chinese INTERNAL one
    await expect(runInWorker(ENTRY, { file, fail: true }, job())).rejects.toMatchObject({ code: 'INTERNAL', logDetail: 'refused' });
    expect(fs.readFileSync(file, 'utf8')).toBe('after');
  });
});
