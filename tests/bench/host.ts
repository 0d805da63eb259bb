import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend/create';
import { BackendProcess } from '../../electron/main/backend-process';
import { forkNodeHost } from '../helpers/host-process';
import { benchRow, type BenchRow } from './row';

const REPEATS = 9;

interface Block {
  wall: number;
  /** The longest the caller's event loop went without turning (ms). */
  maxBlock: number;
  /** CPU time the caller spent (ms): unlike the block, not inflated when a loaded machine leaves it waiting for a core. */
  cpu: number;
}

/**
 * How long the caller's event loop is blocked while `run` runs: the longest delay a 10 ms timer saw, which is what
 * Electron's main process would spend not answering menus, window moves and other windows' IPC.
 */
async function blockedWhile(run: () => Promise<unknown>): Promise<Block> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 30)); // the sampler runs before the call starts
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  await new Promise((resolve) => setTimeout(resolve, 30)); // a tick held up by the call is counted when it comes
  histogram.disable();
  return { wall, maxBlock: histogram.max / 1e6, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Medians over REPEATS runs (a loaded machine stalls any one of them), and the worst block seen. */
async function medianOf(run: () => Promise<unknown>): Promise<Block & { worstBlock: number }> {
  const runs: Block[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await blockedWhile(run));
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    wall: mid(runs.map((r) => r.wall)),
    maxBlock: mid(runs.map((r) => r.maxBlock)),
    cpu: mid(runs.map((r) => r.cpu)),
    worstBlock: Math.max(...runs.map((r) => r.maxBlock)),
  };
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
    const inProcess = await medianOf(() => ok(backend.dispatch, 'stats.tables', input));
    const hosted = await medianOf(() => ok(bp.dispatch, 'stats.tables', input));
    // what a loaded machine alone does to the loop: the same wait with nothing to do
    const idle = await medianOf(() => new Promise((resolve) => setTimeout(resolve, hosted.wall)));
    const load = `load ${os.loadavg()[0]!.toFixed(1)}`;
    return [
      benchRow(`host: stats.tables ${label}, through the host process, median of ${REPEATS}`, Math.round(hosted.wall), 'ms', undefined, `in process: ${Math.round(inProcess.wall)} ms; ${load}`),
      benchRow(
        `host: main-process event-loop block during that call, median of ${REPEATS}`,
        Math.round(hosted.maxBlock),
        'ms',
        50,
        `forwarding only; worst ${Math.round(hosted.worstBlock)} ms; idle, the loop on this machine: ${Math.round(idle.maxBlock)} ms (worst ${Math.round(idle.worstBlock)})`,
      ),
      benchRow('host: main-process CPU for that call (receiving and checking the reply)', Math.round(hosted.cpu), 'ms', undefined, `no target; in process: ${Math.round(inProcess.cpu)} ms`),
      benchRow('host: the same block with the backend in process (before issue 16)', Math.round(inProcess.maxBlock), 'ms', undefined, `no target: what main.ts used to block; worst ${Math.round(inProcess.worstBlock)} ms`),
    ];
  } finally {
    await bp.stop();
  }
}
