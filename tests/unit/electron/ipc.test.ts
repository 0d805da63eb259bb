import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlatform, type DialogLike } from '../../../electron/main/dialogs';
import { forwardEvents, registerIpc, type PlatformHandlers } from '../../../electron/main/ipc';
import { createAppUrlCheck } from '../../../electron/main/security';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/preload/channels';
import { tempBackend } from '../../helpers/backend';
import { FakeIpcMain } from './fakes';

const INDEX = path.resolve('/opt/fdi-desk/dist/renderer/index.html');
const APP_URL = `file://${INDEX}`;

const noPlatform: PlatformHandlers = {
  'platform.pickFile': async () => {
    throw new Error('no dialog in this test');
  },
  'platform.saveFile': async () => {
    throw new Error('no dialog in this test');
  },
};

async function wired(platform: PlatformHandlers = noPlatform) {
  const backend = await tempBackend();
  const ipcMain = new FakeIpcMain();
  const logged: string[] = [];
  const stop = registerIpc({
    ipcMain,
    dispatch: backend.dispatch,
    platform,
    isTrustedSender: createAppUrlCheck({ indexHtmlPath: INDEX, platform: 'linux' }),
    log: (line) => logged.push(line),
  });
  return { backend, ipcMain, logged, stop, call: (method: unknown, input?: unknown, url: string | null = APP_URL) => ipcMain.invoke(CALL_CHANNEL, url, method, input) };
}

describe('registerIpc', () => {
  it('routes a call from our own page to the backend dispatch', async () => {
    const { call, backend } = await wired();
    const result = (await call('system.info', {})) as { ok: boolean; value: { path: string } };
    expect(result.ok).toBe(true);
    expect(result.value.path).toBe(backend.ctx.dbPath);
  });

  it("passes the window's origin on, so the change event names it", async () => {
    const { ipcMain, backend } = await wired();
    const changed: unknown[] = [];
    backend.ctx.events.on((e) => e.type === 'changed' && changed.push(e));
    const result = await ipcMain.invoke(CALL_CHANNEL, APP_URL, 'settings.setPreferences', { userName: '王科长' }, 'window-7');
    expect(result).toMatchObject({ ok: true });
    expect(changed).toEqual([expect.objectContaining({ type: 'changed', origin: 'window-7' })]);
  });

  it('refuses a foreign frame, a destroyed frame and a look-alike file with UNAUTHORIZED', async () => {
    const { call, logged } = await wired();
    for (const url of ['https://evil.example/', 'file:///tmp/index.html', `${APP_URL}.evil.html`, null, 'about:blank']) {
      const result = (await call('system.info', {}, url)) as { ok: boolean; error: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(logged).toHaveLength(5);
  });

  it('accepts our page with a hash route or query', async () => {
    const { call } = await wired();
    expect(await call('system.info', {}, `${APP_URL}#/settings`)).toMatchObject({ ok: true });
    expect(await call('system.info', {}, `${APP_URL}?x=1`)).toMatchObject({ ok: true });
  });

  it('answers an unknown or malformed method with the envelope, never a throw', async () => {
    const { call } = await wired();
    expect(await call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call({ toString: 'x' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('validates platform input with the contract schema before any dialog runs', async () => {
    let called = 0;
    const platform: PlatformHandlers = {
      'platform.pickFile': async () => {
        called++;
        return null;
      },
      'platform.saveFile': async () => ({ saved: false, path: null }),
    };
    const { call } = await wired(platform);
    const bad = (await call('platform.pickFile', { filters: [{ name: 'Excel', extensions: ['.xlsx'] }] })) as { ok: false; error: { code: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.message).toContain('filters.0.extensions.0');
    expect(called).toBe(0);
    expect(await call('platform.pickFile', { filters: [{ name: 'Excel', extensions: ['xlsx'] }] })).toEqual({ ok: true, value: null });
    expect(called).toBe(1);
  });

  it('turns a platform AppError into its code and a crash into INTERNAL', async () => {
    const backend = await tempBackend();
    const dialog: DialogLike = {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    };
    const platform = createPlatform({ dialog, files: backend.ctx.files, ownerOf: () => null, defaultDir: () => backend.dir });
    const { call } = await wired({
      ...platform,
      'platform.pickFile': async () => {
        throw new TypeError('boom');
      },
    });
    expect(await call('platform.saveFile', { fileId: 'missing', suggestedName: 'a.xlsx' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await call('platform.pickFile', { filters: [] })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('does not send platform methods to the backend, nor backend methods to the platform', async () => {
    const { call } = await wired();
    // platform.* is not in the backend contract, so dispatch would say UNKNOWN_METHOD; here the platform answers
    const viaPlatform = (await call('platform.pickFile', { filters: [] })) as { ok: false; error: { code: string } };
    expect(viaPlatform.error.code).toBe('INTERNAL');
  });

  it('unregisters its one channel', async () => {
    const { ipcMain, stop } = await wired();
    expect([...ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends backend events to every live window on the event channel', async () => {
    const backend = await tempBackend();
    const sent: Array<[string, string, unknown]> = [];
    const win = (name: string, destroyed = false) => ({
      webContents: { isDestroyed: () => destroyed, send: (channel: string, payload: unknown) => sent.push([name, channel, payload]) },
    });
    const stop = forwardEvents(backend.ctx.events, () => [win('a'), win('b'), win('gone', true)]);
    backend.ctx.events.emit({ type: 'changed', areas: ['settings'] });
    expect(sent).toEqual([
      ['a', EVENT_CHANNEL, { type: 'changed', areas: ['settings'] }],
      ['b', EVENT_CHANNEL, { type: 'changed', areas: ['settings'] }],
    ]);
    stop();
    backend.ctx.events.emit({ type: 'changed', areas: ['settings'] });
    expect(sent).toHaveLength(2);
    expect(fs.existsSync(backend.ctx.dbPath)).toBe(true);
  });
});
