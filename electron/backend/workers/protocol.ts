import type { AppErrorData } from '../../../shared/result';

/** Messages between a job and its worker thread. */
export type ToWorker =
  | { type: 'cancel' }
  /** The writer's turn the task asked for is its own (see WorkerControl.writerTurn). */
  | { type: 'turn' };
export type FromWorker =
  | { type: 'progress'; fraction: number | null; message?: string }
  /** From here on the task finishes what it started: a cancel is ignored rather than cutting a write in half. */
  | { type: 'committing' }
  /** The task is about to write: it waits for the job to take the writer's turn for it (WriteGate.turn). */
  | { type: 'turn' }
  /** `lingering`: the worker still has work that needs no one to wait for it (see WorkerControl.afterReply). */
  | { type: 'done'; value: unknown; lingering?: boolean }
  /** A lingering worker has finished: it may be terminated. */
  | { type: 'released' }
  | { type: 'failed'; error: AppErrorData };
