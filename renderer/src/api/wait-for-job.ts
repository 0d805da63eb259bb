import type { BackendEvent } from '../../../shared/api';
import type { JobState } from '../../../shared/api/jobs';
import type { Result } from '../../../shared/result';

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
