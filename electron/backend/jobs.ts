import { randomUUID } from 'node:crypto';
import { contract, isMethodName, type JobMethodName, type JobResult } from '../../shared/api';
import type { MethodSpec } from '../../shared/api/define';
import type { JobState } from '../../shared/api/jobs';
import { currentCallScope } from './call-scope';
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

/** What the contract declares for a job of this kind (a job method's name), if anything. */
function declared(kind: string): MethodSpec | undefined {
  return isMethodName(kind) ? contract[kind] : undefined;
}

/**
 * Long work (imports, exports, demo data): an id, progress events, cancel, and the result kept for the caller. A job
 * of a job method's kind has its result checked against the method's `job` schema (outside it, the job fails with
 * INVALID_OUTPUT), and once done announces the areas the method `writes`, for the window or client that started it.
 */
export class JobRunner {
  private jobs = new Map<string, { state: JobState; abort: AbortController; done: Promise<JobState> }>();
  constructor(
    private events: EventBus,
    private log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  ) {}

  start<M extends JobMethodName>(kind: M, run: (job: JobControl) => Promise<JobResult<M>> | JobResult<M>): string;
  start(kind: string, run: (job: JobControl) => unknown): string;
  start(kind: string, run: (job: JobControl) => unknown): string {
    const spec = declared(kind);
    const { origin } = currentCallScope();
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
        state.result = this.checked(kind, spec, await run(control));
        state.status = 'done';
        state.progress = 1;
        if (spec?.writes?.length) this.events.emit({ type: 'changed', areas: spec.writes, origin });
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

  private checked(kind: string, spec: MethodSpec | undefined, result: unknown): unknown {
    if (!spec?.job) return result;
    const checked = spec.job.safeParse(result);
    if (checked.success) return checked.data;
    this.log(`[jobs] ${kind} finished with a result outside the contract: ${checked.error.message}`);
    throw new AppError('INVALID_OUTPUT', kind);
  }

  private publish(state: JobState): void {
    this.events.emit({ type: 'job', job: { ...state } });
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.state.status !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(id);
  }
}
