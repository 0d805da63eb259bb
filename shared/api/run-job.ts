import { errorData, type AppErrorData, type Result } from '../result';
import type { BackendEvent, JobMethodName, JobResult, MethodInput } from './index';
import type { JobState } from './jobs';

/** Where a job's state comes from: its events, and a call that reads it. */
export interface JobSource {
  get(jobId: string): Promise<Result<JobState>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

/**
 * Waits for a job to finish, reporting progress while it runs; resolves with its final state. Events drive it, with a slow poll as
 * a safety net for a missed event. Settled means settled: a poll answered late or an event still on its way after the
 * job finished reports nothing (it would put a finished screen back into "running").
 */
export function waitForJob(source: JobSource, jobId: string, onProgress?: (job: JobState) => void, pollMs = 1000): Promise<JobState> {
  return new Promise((resolve) => {
    let settled = false;
    const seen = (job: JobState) => {
      if (settled) return;
      if (job.status === 'running') {
        onProgress?.(job);
        return;
      }
      settled = true;
      off();
      clearInterval(timer);
      resolve(job);
    };
    const off = source.onEvent((e) => {
      if (e.type === 'job' && e.job.id === jobId) seen(e.job);
    });
    const poll = () => void source.get(jobId).then((r) => r.ok && seen(r.value), () => undefined);
    const timer = setInterval(poll, pollMs);
    poll();
  });
}

/** How a transport reaches the backend, untyped: the renderer's client, the CLI's dispatch, a test's. */
export interface JobClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

/** A job's end: its result as its method's contract declares it, or why it has none (`job` is null when it never started). */
export type JobOutcome<M extends JobMethodName> =
  | { status: 'done'; result: JobResult<M>; job: JobState }
  | { status: 'failed' | 'cancelled'; error: AppErrorData; job: JobState | null };

export interface RunJobOptions {
  /** The job's state while it runs (never after it ended). */
  onProgress?: (job: JobState) => void;
  /** Aborting asks the backend to cancel the job (`jobs.cancel`); the outcome then says `cancelled`. */
  signal?: AbortSignal;
  pollMs?: number;
}

/**
 * Starts a job method and follows it to its end. The one job lifecycle for the renderer, the CLI and tests: a refused
 * start and a failed job are both a `failed` outcome carrying the error.
 */
export async function runJob<M extends JobMethodName>(client: JobClient, method: M, input: MethodInput<M>, options: RunJobOptions = {}): Promise<JobOutcome<M>> {
  const { signal, onProgress, pollMs } = options;
  if (signal?.aborted) return { status: 'cancelled', error: errorData('JOB_CANCELLED'), job: null };
  const started = (await client.call(method, input)) as Result<{ jobId: string }>;
  if (!started.ok) return { status: 'failed', error: started.error, job: null };
  const { jobId } = started.value;
  const cancel = () => void client.call('jobs.cancel', { jobId }).catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const source: JobSource = { get: (id) => client.call('jobs.get', { jobId: id }) as Promise<Result<JobState>>, onEvent: (l) => client.onEvent(l) };
    const job = await waitForJob(source, jobId, onProgress, pollMs);
    // the job runner checked the result against the method's contract before the job was marked done
    if (job.status === 'done') return { status: 'done', result: job.result as JobResult<M>, job };
    return { status: job.status === 'cancelled' ? 'cancelled' : 'failed', error: job.error ?? errorData('INTERNAL', job.status), job };
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
