import { Worker } from 'node:worker_threads';
import type { AppErrorData } from '../../../shared/result';
import { AppError } from '../errors';
import type { JobControl } from '../jobs';
import type { ToWorker, FromWorker } from './protocol';

/** How long a cancelled worker gets to stop on its own before it is terminated. */
const CANCEL_GRACE_MS = 3000;

function errorFrom(data: AppErrorData): AppError {
  const err = new AppError('INTERNAL');
  // keep the worker's code, message and problems as they were
  Object.assign(err, { code: data.code, message: data.message, problems: data.problems });
  return err;
}

/**
 * Runs a task in a worker thread for a job: relays its progress, asks it to stop when the job is cancelled (and
 * terminates it if it does not), and resolves with its result or rejects with its AppError. Entries are `.ts` when
 * running from source (started through bootstrap.mjs, which registers tsx) and `.js` once bundled.
 */
export function runInWorker<R>(entry: URL, input: unknown, job: JobControl): Promise<R> {
  const fromSource = entry.pathname.endsWith('.ts');
  const worker = fromSource
    ? new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { entry: entry.href, input } })
    : new Worker(entry, { workerData: { input } });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      fn();
      void worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => settle(() => reject(new AppError('JOB_CANCELLED'))), CANCEL_GRACE_MS);
    };
    job.signal.addEventListener('abort', onAbort);
    if (job.signal.aborted) onAbort();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') job.progress(message.fraction, message.message);
      else if (message.type === 'done') settle(() => resolve(message.value as R));
      else if (message.type === 'failed') settle(() => reject(errorFrom(message.error)));
    });
    worker.on('error', (err) => settle(() => reject(err instanceof AppError ? err : new AppError('INTERNAL', String(err?.message ?? err)))));
    worker.on('exit', (code) => settle(() => reject(new AppError(job.signal.aborted ? 'JOB_CANCELLED' : 'INTERNAL', `工作线程意外退出（${code}）`))));
  });
}
