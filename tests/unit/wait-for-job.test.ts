/** Issue 15: a job's wait settles once; a late poll or event after that reports nothing. */
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api';
import type { JobState } from '../../shared/api/jobs';
import type { Result } from '../../shared/result';
import { waitForJob, type JobSource } from '../../shared/api/run-job';

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
