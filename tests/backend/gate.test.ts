import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../electron/backend/db/gate';
import { AppError } from '../../electron/backend/errors';
import type { JobControl } from '../../electron/backend/jobs';
import { call, tempBackend } from '../helpers/backend';

function control(): JobControl & { messages: string[]; abort: AbortController } {
  const abort = new AbortController();
  const messages: string[] = [];
  return {
    abort,
    messages,
    signal: abort.signal,
    progress: (_f, message) => void (message && messages.push(message)),
    throwIfCancelled: () => {
      if (abort.signal.aborted) throw new AppError('JOB_CANCELLED');
    },
  };
}

/** A piece of work that runs until told to finish. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteGate', () => {
  it('lets writers through one at a time, in the order they came, saying what they wait for', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    const first = held();
    const a = gate.writer('导入外资统计（a.xlsx）', control(), async () => (order.push('a'), first.work()));
    const waiting = control();
    const b = gate.writer('导入项目清单（b.xlsx）', waiting, async () => void order.push('b'));
    const c = gate.writer('导入产业链“c”', control(), async () => void order.push('c'));
    await tick();
    expect(order).toEqual(['a']);
    expect(waiting.messages).toEqual(['等待另一项操作完成（正在导入外资统计（a.xlsx））']);
    expect(gate.busyWith()).toBe('正在导入外资统计（a.xlsx）');
    first.finish();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(gate.busyWith()).toBeNull();
  });

  it('a writer that fails still hands the gate on', async () => {
    const gate = new WriteGate();
    await expect(gate.writer('x', control(), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.writer('y', control(), async () => 7)).toBe(7);
  });

  it('a writer cancelled while it waits leaves the queue without running', async () => {
    const gate = new WriteGate();
    const first = held();
    const a = gate.writer('a', control(), first.work);
    const job = control();
    let ran = false;
    const b = gate.writer('b', job, async () => void (ran = true));
    job.abort.abort();
    await expect(b).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(gate.busyWith()).toBe('正在a');
    first.finish();
    await a;
    expect(ran).toBe(false);
    expect(gate.busyWith()).toBeNull();
  });

  it('refuses maintenance while a writer holds or waits, naming it, and never runs it', async () => {
    const gate = new WriteGate();
    const first = held();
    const a = gate.writer('导入外资统计（江北区.xlsx）', control(), first.work);
    let ran = false;
    const refused = gate.exclusive('恢复备份', async () => void (ran = true));
    await expect(refused).rejects.toMatchObject({ code: 'DB_BUSY', message: expect.stringContaining('正在导入外资统计（江北区.xlsx），完成后才能恢复备份') });
    first.finish();
    await a;
    expect(ran).toBe(false);
    await gate.exclusive('恢复备份', async () => void (ran = true));
    expect(ran).toBe(true);
  });

  it('holds writers and callers back while maintenance runs', async () => {
    const gate = new WriteGate();
    const maintenance = held();
    const order: string[] = [];
    const m = gate.exclusive('恢复备份', async () => (order.push('restore'), maintenance.work()));
    const w = gate.writer('导入', control(), async () => void order.push('import'));
    const c = gate.maintenanceDone().then(() => order.push('call'));
    await tick();
    expect(order).toEqual(['restore']);
    maintenance.finish();
    await Promise.all([m, w, c]);
    expect(order[0]).toBe('restore');
    expect(order.slice(1).sort()).toEqual(['call', 'import']);
  });
});

describe('dispatch and the gate', () => {
  it('a call made during maintenance waits for it, and sees the database after it', async () => {
    const b = await tempBackend();
    const restore = held();
    const maintenance = b.ctx.gate.exclusive('恢复备份', async () => {
      await restore.work();
      b.ctx.db.prepare("INSERT INTO district (name) VALUES ('维护中写入区')").run();
    });
    const names = call(b, 'settings.get').then((s) => s.districts.map((d: { name: string }) => d.name));
    await tick();
    restore.finish();
    await maintenance;
    expect(await names).toContain('维护中写入区');
  });
});
