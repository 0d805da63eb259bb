import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { AppError } from '../errors';
import type { JobControl } from '../jobs';
import type { ToWorker, FromWorker } from './protocol';

/**
 * Where a worker's code is: its `.ts` source when running from source, or, in the Electron build (where every
 * module's import.meta.url is the main bundle's), the `<name>-worker.cjs` bundle beside it (see WORKER_BUNDLES).
 */
export function workerEntry(source: URL, name: string): URL {
  return import.meta.url.endsWith('.ts') ? source : new URL(`./${name}-worker.cjs`, import.meta.url);
}

/** How long a cancelled worker gets to stop on its own before it is terminated. */
const CANCEL_GRACE_MS = 3000;

export interface StartOptions {
  /** MessagePorts carried in workerData (for runInWorker: in its input). */
  transfer?: TransferListItem[];
  /**
   * Heap limits. Without them a worker's heap grows far beyond what it holds before V8 collects (a bare exceljs read
   * of a million rows reached 1.1 GB of RSS, holding under 300 MB), and workers add up.
   */
  resourceLimits?: ResourceLimits;
  /**
   * Takes the database's writer turn when the worker asks for it (WorkerControl.writerTurn); the worker is told once it
   * is held. Without it, the worker is told at once (its job took the turn before starting it). A rejection fails the
   * job with that error.
   */
  onTurn?: () => Promise<void>;
}

/**
 * The heap of a worker that reads a whole file's rows into memory (project lists, enterprise registers, chain
 * workbooks: thousands of rows, not millions): a hostile file runs out of it and is refused as FILE_TOO_LARGE.
 */
export const READ_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

/** Starts a worker on `entry` with `workerData`. */
export function startWorker(entry: URL, workerData: Record<string, unknown>, options: StartOptions = {}): Worker {
  const common = { transferList: options.transfer ?? [], resourceLimits: options.resourceLimits };
  return entry.pathname.endsWith('.ts')
    ? new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { ...workerData, entry: entry.href }, ...common })
    : new Worker(entry, { workerData, ...common });
}

/** A worker that ran out of the heap it was given: the file was too big for it, said so people can act on it. */
export function outOfMemory(err: Error & { code?: string }): AppError | null {
  return err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('FILE_TOO_LARGE', '请把它拆成几个文件再导入', undefined, { logDetail: err.message }) : null;
}

/**
 * Runs a task in a worker thread for a job: relays its progress, asks it to stop when the job is cancelled (and
 * terminates it if it does not), and resolves with its result or rejects with its AppError. Entries are `.ts` when
 * running from source (started through bootstrap.mjs, which registers tsx) and `.js` once bundled.
 */
export function runInWorker<R>(entry: URL, input: unknown, job: JobControl, options: StartOptions = {}): Promise<R> {
  const worker = startWorker(entry, { input }, options);
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let committing = false;
    let killTimer: NodeJS.Timeout | undefined;
    let lingering = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      fn();
      // a worker with work after its reply (afterReply) is terminated when it says it has finished
      if (!lingering) void worker.terminate();
    };
    const onAbort = () => {
      // past its commit point the worker is left to finish: terminating it could report a cancel for data written
      if (committing) return;
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => settle(() => reject(new AppError('JOB_CANCELLED'))), CANCEL_GRACE_MS);
    };
    job.signal.addEventListener('abort', onAbort);
    if (job.signal.aborted) onAbort();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') job.progress(message.fraction, message.message);
      else if (message.type === 'committing') {
        committing = true;
        clearTimeout(killTimer);
      }
      else if (message.type === 'turn') {
        const granted = options.onTurn?.() ?? Promise.resolve();
        granted.then(
          () => void (!settled && worker.postMessage({ type: 'turn' } satisfies ToWorker)),
          (err) => settle(() => reject(err instanceof AppError ? err : AppError.internal(err))),
        );
      } else if (message.type === 'done') {
        lingering = message.lingering === true;
        settle(() => resolve(message.value as R));
      } else if (message.type === 'failed') settle(() => reject(AppError.fromData(message.error)));
      else if (message.type === 'released') void worker.terminate();
    });
    worker.on('error', (err) => settle(() => reject(err instanceof AppError ? err : (outOfMemory(err) ?? AppError.internal(err)))));
    worker.on('exit', (code) => settle(() => reject(new AppError(job.signal.aborted ? 'JOB_CANCELLED' : 'INTERNAL', `工作线程意外退出（${code}）`))));
  });
}
