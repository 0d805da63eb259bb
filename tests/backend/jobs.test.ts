import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { withCallScope } from '../../electron/backend/call-scope';
import { EventBus } from '../../electron/backend/events';
import { JobRunner, type JobControl } from '../../electron/backend/jobs';
import type { BackendEvent } from '../../shared/api';
import type { JobState } from '../../shared/api/jobs';
import { ERROR_MESSAGES } from '../../shared/errors';
import { call, tempBackend } from '../helpers/backend';

/** A promise the test resolves when it wants the job to go on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

function runner() {
  const events = new EventBus();
  const seen: JobState[] = [];
  events.on((e: BackendEvent) => {
    if (e.type === 'job') seen.push(e.job);
  });
  return { jobs: new JobRunner(events), seen };
}

describe('JobRunner', () => {
  it('reports start, progress and the result as events, and keeps the result', async () => {
    const { jobs, seen } = runner();
    const step = gate();
    const id = jobs.start('demo', async (job) => {
      job.progress(0.25, '读取工作簿');
      await step.opened;
      return { rows: 42 };
    });
    expect(jobs.get(id)).toMatchObject({ id, kind: 'demo', status: 'running', progress: 0 });
    // let the job reach its gate
    await new Promise((r) => setImmediate(r));
    expect(jobs.get(id)).toMatchObject({ status: 'running', progress: 0.25, message: '读取工作簿' });
    step.open();
    const final = await jobs.wait(id);
    expect(final).toMatchObject({ status: 'done', progress: 1, result: { rows: 42 } });
    expect(final.error).toBeUndefined();
    expect(jobs.get(id).result).toEqual({ rows: 42 });

    expect(seen[0]).toMatchObject({ id, status: 'running', progress: 0 });
    expect(seen).toContainEqual(expect.objectContaining({ id, status: 'running', progress: 0.25, message: '读取工作簿' }));
    expect(seen[seen.length - 1]).toMatchObject({ id, status: 'done', progress: 1, result: { rows: 42 } });
    // events are snapshots, not the live state
    expect(seen[0]!.status).toBe('running');
  });

  it('clamps progress to 0..1 and allows unknown (null)', async () => {
    const { jobs } = runner();
    const values: Array<number | null> = [];
    const id = jobs.start('clamp', (job) => {
      for (const f of [1.7, -3, null]) {
        job.progress(f);
        values.push(jobs.get(id).progress);
      }
    });
    await jobs.wait(id);
    expect(values).toEqual([1, 0, null]);
  });

  it('cancel: the job sees its signal, stops at throwIfCancelled, ends cancelled with JOB_CANCELLED', async () => {
    const { jobs, seen } = runner();
    const step = gate();
    let control: JobControl | undefined;
    let afterCancel = false;
    const id = jobs.start('long', async (job) => {
      control = job;
      job.progress(0.1, '第1批');
      await step.opened;
      job.throwIfCancelled();
      afterCancel = true;
      return 'finished';
    });
    await new Promise((r) => setImmediate(r));
    const answer = jobs.cancel(id);
    expect(answer.id).toBe(id);
    expect(control!.signal.aborted).toBe(true);
    step.open();
    const final = await jobs.wait(id);
    expect(afterCancel).toBe(false);
    expect(final).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED', message: ERROR_MESSAGES.JOB_CANCELLED } });
    expect(final.result).toBeUndefined();
    // the outcome is kept for whoever asks later
    expect(jobs.get(id)).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });
    expect(seen[seen.length - 1]).toMatchObject({ id, status: 'cancelled' });
  });

  it('a job cancelled before it began never runs', async () => {
    const { jobs } = runner();
    let ran = false;
    const id = jobs.start('never', () => {
      ran = true;
    });
    jobs.cancel(id);
    expect((await jobs.wait(id)).status).toBe('cancelled');
    expect(ran).toBe(false);
  });

  it('cancelling a finished job changes nothing', async () => {
    const { jobs } = runner();
    const id = jobs.start('quick', () => 7);
    await jobs.wait(id);
    expect(jobs.cancel(id)).toMatchObject({ status: 'done', result: 7 });
    expect(jobs.get(id)).toMatchObject({ status: 'done', result: 7 });
  });

  it('a refusal fails the job with its code; any other error with INTERNAL and no stack', async () => {
    const { jobs } = runner();
    const refused = jobs.start('refused', () => {
      throw new AppError('FILE_UNREADABLE', 'a.xlsx');
    });
    expect(await jobs.wait(refused)).toMatchObject({ status: 'failed', error: { code: 'FILE_UNREADABLE', message: `${ERROR_MESSAGES.FILE_UNREADABLE}：a.xlsx` } });
    const crashed = jobs.start('crashed', async () => {
      throw new TypeError('x is undefined');
    });
    const state = await jobs.wait(crashed);
    // what was thrown is kept for logs as the detail; the message people read is the Chinese one alone
    expect(state).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, detail: 'x is undefined' } });
    expect(JSON.stringify(state)).not.toMatch(/\bat \S+ \(|\.ts:\d+/);
  });

  it('unknown ids are JOB_NOT_FOUND', async () => {
    const { jobs } = runner();
    expect(() => jobs.get('nope')).toThrow(AppError);
    expect(() => jobs.cancel('nope')).toThrow(/找不到该任务/);
    await expect(jobs.wait('nope')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('keeps the last 50 finished jobs, and every running one', async () => {
    const { jobs } = runner();
    const step = gate();
    const running = jobs.start('running', () => step.opened);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(jobs.start('quick', () => i));
    await Promise.all(ids.map((id) => jobs.wait(id)));
    expect(() => jobs.get(ids[0]!)).toThrow(/找不到该任务/);
    expect(jobs.get(ids[59]!).result).toBe(59);
    expect(jobs.get(running).status).toBe('running');
    expect(jobs.list().filter((j) => j.status === 'done')).toHaveLength(50);
    step.open();
    await jobs.wait(running);
  });
});

describe('jobs.* through dispatch', () => {
  it('get, list and cancel', async () => {
    const b = await tempBackend();
    const step = gate();
    const id = b.ctx.jobs.start('projects.export', async (job) => {
      job.progress(0.5, '一半');
      await step.opened;
      job.throwIfCancelled();
      return { fileId: 'f0', name: '项目.xlsx', rows: 0 };
    });
    await new Promise((r) => setImmediate(r));
    expect(await call(b, 'jobs.get', { jobId: id })).toMatchObject({ id, kind: 'projects.export', status: 'running', progress: 0.5, message: '一半' });
    expect((await call<JobState[]>(b, 'jobs.list')).map((j) => j.id)).toContain(id);
    expect(await call(b, 'jobs.cancel', { jobId: id })).toMatchObject({ id });
    step.open();
    await b.ctx.jobs.wait(id);
    expect(await call(b, 'jobs.get', { jobId: id })).toMatchObject({ status: 'cancelled', error: { code: 'JOB_CANCELLED' } });

    const done = b.ctx.jobs.start('projects.export', () => ({ fileId: 'f1', name: '项目.xlsx', rows: 3 }));
    await b.ctx.jobs.wait(done);
    expect(await call(b, 'jobs.get', { jobId: done })).toMatchObject({ status: 'done', result: { fileId: 'f1', name: '项目.xlsx', rows: 3 } });
    // a job of a kind no method starts has no shape on the wire: jobs.get refuses to pass it on as anything at all
    const stray = b.ctx.jobs.start('demo', () => ({ anything: 1 }));
    await b.ctx.jobs.wait(stray);
    const strayState = await b.dispatch('jobs.get', { jobId: stray });
    expect(strayState.ok ? null : strayState.error.code).toBe('INVALID_OUTPUT');

    const missing = await b.dispatch('jobs.get', { jobId: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('JOB_NOT_FOUND');
    const missingCancel = await b.dispatch('jobs.cancel', { jobId: 'nope' });
    expect(missingCancel.ok ? null : missingCancel.error.code).toBe('JOB_NOT_FOUND');
  });
});

describe('jobs of a job method: checked against its contract, announced when done', () => {
  it('a result outside the method’s result schema fails the job with INVALID_OUTPUT, logged', async () => {
    const lines: string[] = [];
    const events = new EventBus();
    const jobs = new JobRunner(events, (l) => lines.push(l));
    const id = jobs.start('stats.export', () => ({ fileId: 'f1' }) as never); // no name, no size
    expect(await jobs.wait(id)).toMatchObject({ status: 'failed', error: { code: 'INVALID_OUTPUT' } });
    expect(jobs.get(id).result).toBeUndefined();
    expect(lines.join('\n')).toMatch(/stats\.export.*outside the contract/);
    const fine = jobs.start('stats.export', () => ({ fileId: 'f1', name: '外资统计.xlsx', size: 10 }));
    expect(await jobs.wait(fine)).toMatchObject({ status: 'done', result: { fileId: 'f1', name: '外资统计.xlsx', size: 10 } });
  });

  it('a writing job announces its method’s areas, with the origin of the call that started it, only once done', async () => {
    const b = await tempBackend();
    const seen: BackendEvent[] = [];
    b.ctx.events.on((e) => seen.push(e));
    const step = gate();
    // a stand-in for a chain import started from tab-7: the handler's call scope is what the runner keeps
    const id = withCallScope({ origin: 'tab-7' }, () =>
      b.ctx.jobs.start('chains.import', async () => {
        await step.opened;
        return { chainId: 1, name: '链', segments: 0, links: 0, firms: 0, targets: 0, warnings: [], ignoredColumns: [] };
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(seen.filter((e) => e.type === 'changed')).toEqual([]);
    step.open();
    await b.ctx.jobs.wait(id);
    const changed = seen.findIndex((e) => e.type === 'changed');
    expect(seen[changed]).toEqual({ type: 'changed', areas: ['chains', 'audit'], origin: 'tab-7' });
    // before the job's final state, so whoever sees it done can read what it wrote
    expect(seen.findIndex((e) => e.type === 'job' && e.job.status === 'done')).toBeGreaterThan(changed);

    const failing = withCallScope({ origin: 'tab-7' }, () => b.ctx.jobs.start('chains.import', () => Promise.reject(new AppError('IMPORT_REFUSED'))));
    await b.ctx.jobs.wait(failing);
    expect(seen.filter((e) => e.type === 'changed')).toHaveLength(1);
  });
});
