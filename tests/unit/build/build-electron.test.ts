import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, mainExternals } from '../../../build/scripts/build-electron';
import { tempDir } from '../../helpers/backend';

const ROOT = path.resolve(__dirname, '../../..');
// inside the project, so the bundle's external requires resolve to the project's node_modules as in the app
fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const OUT = fs.mkdtempSync(path.join(ROOT, '.tmp', 'electron-build-'));
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function requires(file: string): string[] {
  return [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))];
}

let built: { main: string; host: string; preload: string };
beforeAll(async () => {
  built = await buildElectron({ outDir: path.join(OUT, 'electron') });
});
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

function runMain(env: Record<string, string>) {
  const userData = tempDir();
  const out = spawnSync(process.execPath, ['--require', path.join(__dirname, 'fake-electron.cjs'), built.main], {
    env: { ...process.env, FAKE_USER_DATA: userData, FAKE_APP_PATH: ROOT, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (out.status !== 0) throw new Error(`main.cjs exited ${out.status}: ${out.stderr}`);
  return { userData, report: JSON.parse(out.stdout.trim().split('\n').pop()!), stderr: out.stderr };
}

describe('build-electron', () => {
  it('bundles the preload with nothing to require but electron (it runs sandboxed)', () => {
    expect(requires(built.preload)).toEqual(['electron']);
    expect(fs.readFileSync(built.preload, 'utf8')).toContain('exposeInMainWorld');
  });

  it('keeps electron, better-sqlite3 and the production dependencies external in main and the host, and nothing else', () => {
    const allowed = new Set(mainExternals(ROOT));
    expect(allowed.has('better-sqlite3')).toBe(true);
    for (const bundle of [built.main, built.host]) {
      const outside = requires(bundle).filter((m) => !BUILTINS.has(m) && !allowed.has(m) && !allowed.has(m.split('/')[0]!));
      expect(outside).toEqual([]);
      expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/import\.meta/);
    }
    // the database is the host's alone: the main process never loads SQLite (nor Electron the host)
    expect(requires(built.host)).toContain('better-sqlite3');
    expect(requires(built.main)).not.toContain('better-sqlite3');
    expect(requires(built.host)).not.toContain('electron');
  });

  it('the bundled main opens the database with demo data, locks the window down and answers IPC (fake Electron)', () => {
    const { userData, report } = runMain({});
    expect(report.errors).toEqual([]);
    expect(report.sandboxed).toBe(true);
    expect(fs.existsSync(path.join(userData, 'fdi-desk.db'))).toBe(true);
    expect(report.menu).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(fs.existsSync(report.windows[0].webPreferences.preload)).toBe(true);
    expect(report.loaded).toBe(path.join(OUT, 'renderer', 'index.html'));
    expect(report.csp).toEqual([expect.stringContaining("default-src 'self'")]);
    expect(report.permissionDenied).toBe(true);
    expect(report.handlers).toEqual(['fdi:call']);
    expect(report.info).toMatchObject({ ok: true, value: { isDemo: true, path: path.join(userData, 'fdi-desk.db') } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(report.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(report.pick).toEqual({ ok: true, value: null });
    expect(report.mainHasSqlite).toBe(false);
    // the backend ran in its own process, and closed its database before the app quit
    expect(report.utilityForks).toEqual([{ modulePath: built.host, serviceName: 'FDI Desk backend' }]);
    expect(report.hostExits).toEqual([0]);
    expect(report.quit).toBe(true);
  });

  it('a second instance quits without opening anything', () => {
    const { userData, report } = runMain({ FAKE_SECOND_INSTANCE: '1' });
    expect(report.quit).toBe(true);
    expect(report.windows).toEqual([]);
    expect(fs.existsSync(path.join(userData, 'fdi-desk.db'))).toBe(false);
  });
});
