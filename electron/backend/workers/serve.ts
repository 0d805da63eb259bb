import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import type { FromWorker, ToWorker } from './protocol';

/** What a task running in a worker gets to report progress and notice a cancel. */
export interface WorkerControl {
  progress(fraction: number | null, message?: string): void;
  throwIfCancelled(): void;
  /** Says the task is past the point of no return (about to write): a cancel from now on is ignored. */
  committing?(): void;
  /**
   * Runs `work` after the result has been posted, so the job is done without waiting for it: housekeeping whose
   * result nobody needs (a WAL checkpoint). The worker is terminated once it has run.
   */
  afterReply(work: () => void): void;
  /**
   * Asks the job for the database's writer turn and resolves once the job holds it for this task (at once for a job
   * that took it before starting the worker). A cancel meanwhile rejects it with JOB_CANCELLED.
   */
  writerTurn(): Promise<void>;
}

const PROGRESS_INTERVAL_MS = 100;

/** The worker side of runInWorker: runs `task` on the job's input and posts its result, error and progress. */
export function serveWorkerTask<I, R>(task: (input: I, control: WorkerControl) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTask must run in a worker thread');
  let cancelled = false;
  let turn: { resolve: () => void; reject: (err: AppError) => void } | null = null;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      cancelled = true;
      turn?.reject(new AppError('JOB_CANCELLED'));
    } else turn?.resolve();
  });
  const post = (message: FromWorker) => port.postMessage(message);
  let last = 0;
  const lingering: Array<() => void> = [];
  const control: WorkerControl = {
    progress(fraction, message) {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      post({ type: 'progress', fraction, message });
    },
    throwIfCancelled() {
      if (cancelled) throw new AppError('JOB_CANCELLED');
    },
    committing() {
      post({ type: 'committing' });
    },
    afterReply(work) {
      lingering.push(work);
    },
    writerTurn() {
      if (cancelled) return Promise.reject(new AppError('JOB_CANCELLED'));
      return new Promise<void>((resolve, reject) => {
        turn = { resolve, reject };
        post({ type: 'turn' });
      });
    },
  };
  const runLingering = () => {
    for (const work of lingering.splice(0)) {
      try {
        work();
      } catch (err) {
        console.error('[worker] after reply:', (err as Error)?.stack ?? err);
      }
    }
  };
  task((workerData as { input: I }).input, control).then(
    (value) => {
      if (!lingering.length) return post({ type: 'done', value });
      post({ type: 'done', value, lingering: true });
      runLingering();
      post({ type: 'released' });
    },
    (err) => {
      if (!(err instanceof AppError)) console.error('[worker]', (err as Error)?.stack ?? err);
      const error = err instanceof AppError ? err.toData() : AppError.internal(err).toData();
      runLingering(); // a failed job is terminated at once: nothing is left for after it
      post({ type: 'failed', error });
    },
  );
}
