import type { AppErrorData } from '../../../shared/result';

/** Messages between a job and its worker thread. */
export type ToWorker = { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; fraction: number | null; message?: string }
  /** From here on the task finishes what it started: a cancel is ignored rather than cutting a write in half. */
  | { type: 'committing' }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: AppErrorData };
