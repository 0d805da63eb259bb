import type { AppErrorData } from '../../../shared/result';

/** Messages between a job and its worker thread. */
export type ToWorker = { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; fraction: number | null; message?: string }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: AppErrorData };
