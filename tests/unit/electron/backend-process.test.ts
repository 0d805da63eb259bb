import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../../shared/api';
import { ERROR_MESSAGES } from '../../../shared/errors';
import { AppError } from '../../../electron/backend/errors';
import { BackendProcess, stopBeforeQuit } from '../../../electron/main/backend-process';
import { createPlatform } from '../../../electron/main/dialogs';
import { forwardEvents } from '../../../electron/main/ipc';
import { EVENT_CHANNEL } from '../../../electron/preload/channels';
import { tempDir } from '../../helpers/backend';
import { fakeOpenOptions, FakeUtilityProcess } from './fake-utility';

function setup(options: { launch?: () => FakeUtilityProcess; maxRestarts?: number; stopTimeoutMs?: number } = {}) {
  const dir = tempDir();
  const launched: FakeUtilityProcess[] = [];
  const logs: string[] = [];
  const bp = new BackendProcess({
    launch: () => {
      const child = options.launch?.() ?? new FakeUtilityProcess();
      launched.push(child);
      return child;
    },
    open: fakeOpenOptions(dir),
    log: (line) => logs.push(line),
    maxRestarts: options.maxRestarts,
    stopTimeoutMs: options.stopTimeoutMs,
  });
  const events: BackendEvent[] = [];
  bp.on((event) => events.push(event));
  return { dir, bp, launched, logs, events };
}

const until = (bp: BackendProcess, state: 'ready' | 'failed') =>
  new Promise<void>((resolve) => {
    const stop = bp.on((e) => {
      if (e.type === 'backend' && e.state === state) {
        stop();
        resolve();
      }
    });
  });

describe('BackendProcess (the main process’s side of the backend host)', () => {
  it('opens the database in the host and forwards calls, with the window’s origin, to its dispatch', async () => {
    const { bp, launched, dir } = setup();
    expect(await bp.start()).toEqual({ fresh: true });
    expect(launched[0]!.sent[0]).toEqual({ type: 'open', options: fakeOpenOptions(dir) });
    const seen: Array<{ origin?: string | undefined } | undefined> = [];
    const backend = launched[0]!.backend!;
    const dispatch = backend.dispatch;
    backend.dispatch = ((method: string, input: unknown, options?: { origin?: string }) => (seen.push(options), dispatch(method, input, options))) as typeof dispatch;
    expect(await bp.dispatch('settings.saveDistrict', { name: '江北区' }, { origin: 'window-1' })).toMatchObject({ ok: true, value: { name: '江北区' } });
    expect(seen).toEqual([{ origin: 'window-1' }]);
    expect(await bp.dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await bp.stop();
  });

  it('relays the backend’s events to every window', async () => {
    const { bp, launched } = setup();
    await bp.start();
    const sent: unknown[] = [];
    const stop = forwardEvents(bp, () => [{ webContents: { isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push([channel, payload]) } }]);
    launched[0]!.backend!.ctx.events.emit({ type: 'changed', areas: ['settings'], origin: 'window-1' });
    await expect.poll(() => sent).toEqual([[EVENT_CHANNEL, { type: 'changed', areas: ['settings'], origin: 'window-1' }]]);
    stop();
    await bp.stop();
  });

  it('gives the dialogs the host’s FileStore: a picked file registered there, an unknown id refused as FILE_NOT_FOUND', async () => {
    const { bp, dir } = setup();
    await bp.start();
    const picked = path.join(dir, '江北区.xlsx');
    fs.writeFileSync(picked, 'x'.repeat(10));
    const platform = createPlatform({
      dialog: {
        showOpenDialog: async () => ({ canceled: false, filePaths: [picked] }),
        showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      },
      files: bp.fileStore,
      ownerOf: () => null,
      defaultDir: () => dir,
    });
    const ref = await platform['platform.pickFile']({ filters: [] }, { senderFrame: null, sender: {} });
    expect(ref).toMatchObject({ name: '江北区.xlsx', size: 10 });
    expect(await bp.fileStore.get(ref!.fileId)).toMatchObject({ path: picked });
    await expect(platform['platform.saveFile']({ fileId: 'nope', suggestedName: 'a.xlsx' }, { senderFrame: null, sender: {} })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await bp.stop();
  });

  it('when the host dies: the call in flight is answered BACKEND_RESTARTING, the window told, the host restarted on the same data', async () => {
    const { bp, launched, events } = setup();
    await bp.start();
    await bp.dispatch('settings.saveDistrict', { name: '江北区' });
    const inFlight = bp.dispatch('settings.get', {});
    launched[0]!.crash();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'BACKEND_RESTARTING', message: ERROR_MESSAGES.BACKEND_RESTARTING } });
    const later = bp.dispatch('settings.get', {}); // waits for the new host
    await until(bp, 'ready');
    expect(launched).toHaveLength(2);
    expect(launched[1]!.sent[0]).toMatchObject({ type: 'open' });
    const settings = await later;
    expect(settings.ok && settings.value.districts.map((d) => d.name)).toEqual(['江北区']);
    expect(events.filter((e) => e.type === 'backend')).toEqual([
      { type: 'backend', state: 'restarting', message: '后台服务意外退出，正在重新启动…' },
      { type: 'backend', state: 'ready' },
    ]);
    await bp.stop();
  });

  it('reports a job the dead host was running as failed, so no window waits for it forever', async () => {
    const { bp, launched, events } = setup();
    await bp.start();
    launched[0]!.backend!.ctx.events.emit({ type: 'job', job: { id: 'j1', kind: 'stats.export', status: 'running', progress: 0.5, message: '导出外资统计' } });
    await expect.poll(() => events.length).toBe(1);
    launched[0]!.crash();
    await until(bp, 'ready');
    expect(events).toContainEqual({
      type: 'job',
      job: expect.objectContaining({ id: 'j1', status: 'failed', error: { code: 'BACKEND_RESTARTING', message: `${ERROR_MESSAGES.BACKEND_RESTARTING}：导出外资统计` } }),
    });
    await bp.stop();
  });

  it('stops restarting a host that keeps dying, says so, and answers BACKEND_UNAVAILABLE', async () => {
    let n = 0;
    const { bp, launched, events } = setup({
      maxRestarts: 2,
      launch: () => {
        const child = new FakeUtilityProcess();
        if (n++ > 0) child.crash(); // every restart dies at once
        return child;
      },
    });
    await bp.start();
    launched[0]!.crash();
    await until(bp, 'failed');
    expect(launched).toHaveLength(3);
    expect(events.filter((e) => e.type === 'backend').map((e) => e.type === 'backend' && e.state)).toEqual(['restarting', 'failed']);
    expect(await bp.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });
  });

  it('a database the host refuses rejects start with the host’s AppError; a restore opens it with the chosen backup', async () => {
    const opened: unknown[] = [];
    const { bp, launched } = setup({
      launch: () =>
        new FakeUtilityProcess({
          open: async (options) => {
            opened.push(options.restoreFrom ?? null);
            throw new AppError('DB_DAMAGED');
          },
        }),
    });
    await expect(bp.start()).rejects.toSatisfy((err) => err instanceof AppError && err.code === 'DB_DAMAGED');
    await expect(bp.start({ path: '/b/x.db', name: 'x.db' })).rejects.toMatchObject({ code: 'DB_DAMAGED' });
    expect(opened).toEqual([null, { path: '/b/x.db', name: 'x.db' }]);
    expect(launched.map((c) => c.exitCode)).toEqual([1, 1]); // each refused host is let go; the next start forks anew
  });

  it('on quit: holds it until the host has closed the database, then quits for real', async () => {
    const { bp, launched } = setup();
    await bp.start();
    const app = Object.assign(new EventEmitter(), { quits: 0, quit: () => app.quits++ });
    let cleaned = 0;
    stopBeforeQuit(app as never, bp, () => cleaned++);
    const first = { prevented: false, preventDefault: () => (first.prevented = true) };
    app.emit('will-quit', first);
    app.emit('will-quit', { preventDefault: () => undefined }); // a second quit while closing changes nothing
    expect(first.prevented).toBe(true);
    await expect.poll(() => app.quits).toBe(1);
    expect(launched[0]!.sent.at(-1)).toEqual({ type: 'shutdown' });
    expect(launched[0]!.exitCode).toBe(0);
    expect(launched[0]!.backend!.ctx.db.open).toBe(false);
    expect(cleaned).toBe(1);
    const last = { prevented: false, preventDefault: () => (last.prevented = true) };
    app.emit('will-quit', last);
    expect(last.prevented).toBe(false);
  });

  it('kills a host that does not exit in time', async () => {
    const { bp, launched, logs } = setup({ stopTimeoutMs: 50, launch: () => new FakeUtilityProcess({ ignoreShutdown: true }) });
    await bp.start();
    await bp.stop();
    expect(launched[0]!.exitCode).toBe(1);
    expect(logs.join('\n')).toMatch(/did not exit in time/);
  });

  it('ignores (and logs) a malformed message from the host', async () => {
    const { bp, launched, logs } = setup();
    await bp.start();
    launched[0]!.emit('message', { type: 'reply', id: 'x' });
    expect(logs.join('\n')).toMatch(/malformed message/);
    expect(await bp.dispatch('system.info', {})).toMatchObject({ ok: true });
    await bp.stop();
  });
});
