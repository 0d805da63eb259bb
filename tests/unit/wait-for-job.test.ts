/** Issue 15: a job's wait settles once; a late poll or event after that reports nothing. */
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api';
import type { JobState } from '../../shared/api/jobs';
import type { Result } from '../../shared/result';
import { runJob, waitForJob, type JobClient, type JobSource } from '../../shared/api/run-job';

const state = (status: JobState['status'], progress: number): JobState => ({ id: 'j1', kind: 'fdiImport.commit', status, progress, message: '' });

/** A job source whose polls the test answers by hand, in any order, and whose events it sends when it likes. */
function fakeSource() {
  const listeners = new Set<(e: BackendEvent) => void>();
  const polls: Array<(r: Result<JobState>) => void> = [];
  const source: JobSource = {
    get: () => new Promise((resolve) => polls.push(resolve)),
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const emit = (job: JobState) => listeners.forEach((l) => l({ type: 'job', job }));
  return { source, polls, emit, listeners };
}

describe('waitForJob', () => {
  it('reports progress while running, then settles once: a poll answered late reports nothing', async () => {
    const { source, polls, emit, listeners } = fakeSource();
    const seen: JobState[] = [];
    const done = waitForJob(source, 'j1', (j) => seen.push(j), 5);
    emit(state('running', 0.4));
    emit(state('done', 1));
    const final = await done;
    expect(final.status).toBe('done');
    // the first poll was sent before the job ended and is answered only now, with the state it read then
    polls[0]!({ ok: true, value: state('running', 0.2) });
    emit(state('running', 0.9)); // an event still on its way
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.map((j) => [j.status, j.progress])).toEqual([['running', 0.4]]);
    expect(listeners.size).toBe(0);
  });

  it('settles from a poll when the event was missed, and a later event changes nothing', async () => {
    const { source, polls, emit } = fakeSource();
    const seen: JobState[] = [];
    const done = waitForJob(source, 'j1', (j) => seen.push(j), 5);
    polls[0]!({ ok: true, value: state('failed', 0.3) });
    expect((await done).status).toBe('failed');
    emit(state('running', 0.5));
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]);
  });
});

describe('runJob', () => {
  /** A client whose jobs.get answers from `states`, and which records the calls. */
  function fakeClient(start: Result<{ jobId: string }>) {
    const { source, emit, listeners } = fakeSource();
    const calls: Array<[string, unknown]> = [];
    const client: JobClient = {
      call: async (method, input) => {
        calls.push([method, input]);
        if (method === 'jobs.get') return new Promise(() => undefined); // events drive this test
        if (method === 'jobs.cancel') return { ok: true, value: state('running', 0.5) };
        return start;
      },
      onEvent: source.onEvent,
    };
    return { client, emit, calls, listeners };
  }

  it('returns the typed result of a job that finished', async () => {
    const { client, emit } = fakeClient({ ok: true, value: { jobId: 'j1' } });
    const seen: JobState[] = [];
    const outcome = runJob(client, 'stats.export', { from: '2026-01', to: '2026-06' }, { onProgress: (j) => seen.push(j), pollMs: 5 });
    await new Promise((r) => setTimeout(r, 10));
    emit(state('running', 0.5));
    emit({ ...state('done', 1), result: { fileId: 'f', name: '表.xlsx', size: 3 } });
    const done = await outcome;
    expect(done.status === 'done' && done.result.name).toBe('表.xlsx');
    expect(seen.map((j) => j.progress)).toEqual([0.5]);
  });

  it('a refused start is a failed outcome with no job', async () => {
    const { client } = fakeClient({ ok: false, error: { code: 'FILE_NOT_FOUND', message: '文件不存在' } });
    expect(await runJob(client, 'stats.export', { from: '2026-01', to: '2026-06' })).toEqual({ status: 'failed', error: { code: 'FILE_NOT_FOUND', message: '文件不存在' }, job: null });
  });

  it('aborting the signal cancels the job through jobs.cancel, and the outcome says cancelled', async () => {
    const { client, emit, calls, listeners } = fakeClient({ ok: true, value: { jobId: 'j1' } });
    const abort = new AbortController();
    const outcome = runJob(client, 'stats.export', { from: '2026-01', to: '2026-06' }, { signal: abort.signal, pollMs: 5 });
    await new Promise((r) => setTimeout(r, 10));
    abort.abort();
    expect(calls).toContainEqual(['jobs.cancel', { jobId: 'j1' }]);
    emit({ ...state('cancelled', 0.5), error: { code: 'JOB_CANCELLED', message: '任务已取消' } });
    expect(await outcome).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    expect(listeners.size).toBe(0);
  });
});
