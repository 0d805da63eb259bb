import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend/create';
import { BackendProcess } from '../../electron/main/backend-process';
import { forkNodeHost } from '../helpers/host-process';
import { benchRow, type BenchRow } from './row';

const REPEATS = 5;

/**
 * How long the caller's event loop is blocked while `run` runs: the longest delay a 10 ms timer saw, which is what
 * Electron's main process would spend not answering menus, window moves and other windows' IPC.
 */
async function blockedWhile(run: () => Promise<unknown>): Promise<{ wall: number; maxBlock: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  // a timer keeps the loop turning so a block shows as a late tick even if nothing else is queued
  const tick = setInterval(() => undefined, 5);
  histogram.enable();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  histogram.disable();
  clearInterval(tick);
  return { wall, maxBlock: histogram.max / 1e6 };
}

async function worstOf(run: () => Promise<unknown>): Promise<{ wall: number; maxBlock: number }> {
  const runs: Array<{ wall: number; maxBlock: number }> = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await blockedWhile(run));
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)]!, maxBlock: Math.max(...runs.map((r) => r.maxBlock)) };
}

async function ok(dispatch: Backend['dispatch'], method: string, input: unknown) {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/**
 * The desktop app's main process before and after the backend moved to its own process (issue 16): the same heavy
 * call on the 1M-record database, made in process (as main.ts did) and through the host (BackendProcess over IPC,
 * as main.ts does now), with the caller's event-loop block measured each time.
 */
export async function hostBlockRows(backend: Backend, input: object, label: string): Promise<BenchRow[]> {
  const bp = new BackendProcess({
    launch: () => forkNodeHost({ stderr: (text) => process.stderr.write(text) }),
    open: { dbPath: backend.ctx.dbPath, referenceDir: backend.ctx.referenceDir, workDir: path.join(path.dirname(backend.ctx.dbPath), 'host-work'), demoWhenNew: false },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    await bp.start();
    await ok(bp.dispatch, 'stats.tables', input); // the host's first call warms its caches, as the in-process one's did
    const inProcess = await worstOf(() => ok(backend.dispatch, 'stats.tables', input));
    const hosted = await worstOf(() => ok(bp.dispatch, 'stats.tables', input));
    const load = `load ${os.loadavg()[0]!.toFixed(1)}`;
    return [
      benchRow(`host: stats.tables ${label}, through the host process, median of ${REPEATS}`, Math.round(hosted.wall), 'ms', undefined, `in process: ${Math.round(inProcess.wall)} ms; ${load}`),
      benchRow(`host: main-process event-loop block during that call (worst of ${REPEATS})`, Math.round(hosted.maxBlock), 'ms', 50, 'forwarding only: the query runs in the host'),
      benchRow('host: the same block with the backend in process (before issue 16)', Math.round(inProcess.maxBlock), 'ms', undefined, 'no target: what main.ts used to block'),
    ];
  } finally {
    await bp.stop();
  }
}
