import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppBackend } from '../../../electron/host/open';
import { claimSingleInstance, focusWindow, resolveAppPaths } from '../../../electron/main/main';
import { tempDir } from '../../helpers/backend';

class FakeApp extends EventEmitter {
  quitCalls = 0;
  constructor(private readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('single instance', () => {
  it('a second launch quits at once', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance brings its window to the front when a second one starts', () => {
    const app = new FakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app, () => focusWindow(win))).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', {}, ['fdi-desk'], '/home/user');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('focusing a window that is not minimized does not restore it, and no window is fine', () => {
    const win = fakeWindow(false);
    focusWindow(win);
    expect(win.calls).toEqual(['show', 'focus']);
    expect(() => focusWindow(null)).not.toThrow();
  });
});

describe('resolveAppPaths', () => {
  const base = { resourcesPath: '/opt/FDI Desk/resources', appPath: '/home/dev/fdi-desk', mainDir: '/home/dev/fdi-desk/dist/electron', userDataDir: '/home/u/.config/FDI Desk' };
  it('keeps the database and window state in userData', () => {
    const paths = resolveAppPaths({ ...base, isPackaged: true });
    expect(paths.dbPath).toBe(path.join(base.userDataDir, 'fdi-desk.db'));
    expect(paths.windowStateFile).toBe(path.join(base.userDataDir, 'window-state.json'));
    expect(paths.preloadPath).toBe(path.join(base.mainDir, 'preload.cjs'));
    expect(paths.indexHtml).toBe(path.join('/home/dev/fdi-desk/dist/renderer/index.html'));
  });
  it('finds the reference CSVs in resources when packaged and in shared/ in development', () => {
    expect(resolveAppPaths({ ...base, isPackaged: true }).referenceDir).toBe(path.join(base.resourcesPath, 'reference'));
    expect(resolveAppPaths({ ...base, isPackaged: false }).referenceDir).toBe(path.join(base.appPath, 'shared', 'reference'));
  });
});

describe('openAppBackend', () => {
  it('creates the database with demo data on first run only', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'FDI Desk', 'fdi-desk.db');
    const referenceDir = path.resolve('shared/reference');
    const first = await openAppBackend({ dbPath, referenceDir, log: () => undefined });
    expect(first.fresh).toBe(true);
    const info = await first.backend.dispatch('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { isDemo: true, path: dbPath } });
    const count = () => (first.backend.ctx.db.prepare('SELECT count(*) AS n FROM fdi_record').get() as { n: number }).n;
    const records = count();
    expect(records).toBeGreaterThan(0);
    // the user's own edits must survive the next start: no reseeding
    first.backend.ctx.db.prepare('DELETE FROM fdi_record WHERE id = (SELECT min(id) FROM fdi_record)').run();
    first.backend.close();

    const second = await openAppBackend({ dbPath, referenceDir, log: () => undefined });
    expect(second.fresh).toBe(false);
    expect((second.backend.ctx.db.prepare('SELECT count(*) AS n FROM fdi_record').get() as { n: number }).n).toBe(records - 1);
    second.backend.close();
  });
});
