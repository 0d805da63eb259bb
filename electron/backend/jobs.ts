import { randomUUID } from 'node:crypto';
import type { JobState } from '../../shared/api/jobs';
import { AppError } from './errors';
import type { EventBus } from './events';

export interface JobControl {
  readonly signal: AbortSignal;
  /** fraction 0..1 (or null when unknown) and a short Chinese line for the progress bar. */
  progress(fraction: number | null, message?: string): void;
  /** Throws JOB_CANCELLED when the user cancelled; call it between units of work. */
  throwIfCancelled(): void;
}

const PROGRESS_EVENT_INTERVAL_MS = 100;
const FINISHED_JOBS_KEPT = 50;

/** Long work (imports, exports, demo data): an id, progress events, cancel, and the result kept for the caller. */
export class JobRunner {
  private jobs = new Map<string, { state: JobState; abort: AbortController; done: Promise<JobState> }>();
  constructor(private events: EventBus) {}

  start(kind: string, run: (job: JobControl) => Promise<unknown> | unknown): string {
    const id = randomUUID();
    const abort = new AbortController();
    const state: JobState = { id, kind, status: 'running', progress: 0, message: '' };
    let lastEmit = 0;
    const control: JobControl = {
      signal: abort.signal,
      progress: (fraction, message) => {
        state.progress = fraction === null ? null : Math.max(0, Math.min(1, fraction));
        if (message !== undefined) state.message = message;
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVENT_INTERVAL_MS) {
          lastEmit = now;
          this.publish(state);
        }
      },
      throwIfCancelled: () => {
        if (abort.signal.aborted) throw new AppError('JOB_CANCELLED');
      },
    };
    const done = (async () => {
      // Yield once so the caller gets the id (and can subscribe) before any work or event happens.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        control.throwIfCancelled();
        state.result = await run(control);
        state.status = 'done';
        state.progress = 1;
      } catch (err) {
        const cancelled = abort.signal.aborted || (err instanceof AppError && err.code === 'JOB_CANCELLED');
        state.status = cancelled ? 'cancelled' : 'failed';
        state.error = err instanceof AppError ? err.toData() : AppError.internal(err).toData();
        if (cancelled) state.error = new AppError('JOB_CANCELLED').toData();
      }
      this.publish(state);
      this.prune();
      return state;
    })();
    this.jobs.set(id, { state, abort, done });
    this.publish(state);
    return id;
  }

  get(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', id);
    return { ...job.state };
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((j) => ({ ...j.state }));
  }

  cancel(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', id);
    if (job.state.status === 'running') job.abort.abort();
    return { ...job.state };
  }

  /** Resolves when the job has finished, whatever its outcome (for the CLI and tests). */
  wait(id: string): Promise<JobState> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new AppError('JOB_NOT_FOUND', id));
    return job.done.then((s) => ({ ...s }));
  }

  private publish(state: JobState): void {
    this.events.emit({ type: 'job', job: { ...state } });
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.state.status !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(id);
  }
}
