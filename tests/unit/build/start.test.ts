import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeElectron, realProbeDeps, type ProbeDeps } from '../../../build/scripts/electron-probe';
import { electronSqliteBinding, electronSqliteDir, ensureElectronSqlite } from '../../../build/scripts/electron-native';
import { browserCommand, findOnPath, openBrowser, type BrowserDeps } from '../../../build/scripts/open-browser';
import { tempDir } from '../../helpers/backend';

const ELECTRON = '/proj/node_modules/electron';

function probe(files: Record<string, string>, env: NodeJS.ProcessEnv = { DISPLAY: ':0' }, platform: NodeJS.Platform = 'linux') {
  const deps: ProbeDeps = {
    electronDir: ELECTRON,
    env,
    platform,
    exists: (file) => file in files,
    readFile: (file) => files[file] ?? null,
  };
  return probeElectron(deps);
}

const installed = {
  [`${ELECTRON}/package.json`]: '{}',
  [`${ELECTRON}/path.txt`]: 'electron',
  [`${ELECTRON}/dist/electron`]: '',
};

describe('probeElectron', () => {
  it('finds the downloaded binary', () => {
    expect(probe(installed)).toEqual({ runnable: true, binary: path.join(ELECTRON, 'dist', 'electron') });
  });
  it('says why not when the binary was never downloaded (this machine)', () => {
    const result = probe({ [`${ELECTRON}/package.json`]: '{}' });
    expect(result).toMatchObject({ runnable: false, reason: expect.stringContaining('未下载'), reasonEn: expect.stringContaining('not been downloaded') });
    expect(probe({ [`${ELECTRON}/package.json`]: '{}', [`${ELECTRON}/path.txt`]: 'electron' })).toMatchObject({ runnable: false });
  });
  it('says so when the package itself is missing', () => {
    expect(probe({})).toMatchObject({ runnable: false, reasonEn: 'the electron package is not installed' });
  });
  it('needs a display on Linux, not on Windows', () => {
    expect(probe(installed, {})).toMatchObject({ runnable: false, reasonEn: expect.stringContaining('display') });
    expect(probe(installed, { WAYLAND_DISPLAY: 'wayland-0' })).toMatchObject({ runnable: true });
    expect(probe({ ...installed, [`${ELECTRON}/path.txt`]: 'electron.exe', [`${ELECTRON}/dist/electron.exe`]: '' }, {}, 'win32')).toMatchObject({ runnable: true });
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH and FDI_DESK_BROWSER=1', () => {
    const files = { [`${ELECTRON}/package.json`]: '{}', [`${ELECTRON}/path.txt`]: 'electron', '/opt/electron/electron': '' };
    expect(probe(files, { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toEqual({ runnable: true, binary: '/opt/electron/electron' });
    expect(probe(installed, { DISPLAY: ':0', FDI_DESK_BROWSER: '1' })).toMatchObject({ runnable: false });
  });
  it('on this machine: quick, and does not find a runnable Electron (offline, no binary)', () => {
    const started = performance.now();
    const result = probeElectron(realProbeDeps(path.resolve(__dirname, '../../..')));
    expect(performance.now() - started).toBeLessThan(1000);
    if (fs.existsSync(path.resolve(__dirname, '../../../node_modules/electron/dist'))) return; // someone downloaded it
    expect(result.runnable).toBe(false);
  });
});

describe('openBrowser', () => {
  function deps(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, executables: string[] = []) {
    const launched: Array<[string, string[]]> = [];
    const d: BrowserDeps = { platform, env, isExecutable: (f) => executables.includes(f), launch: (c, a) => launched.push([c, a]) };
    return { d, launched };
  }
  const URL = 'http://127.0.0.1:5000/?token=abc';

  it('uses xdg-open on a Linux desktop', () => {
    const { d, launched } = deps('linux', { DISPLAY: ':0', PATH: '/usr/local/bin:/usr/bin' }, ['/usr/bin/xdg-open']);
    expect(openBrowser(URL, d)).toBe(true);
    expect(launched).toEqual([['/usr/bin/xdg-open', [URL]]]);
  });
  it('does nothing (and says false) on a Linux box without a display or without xdg-open', () => {
    const noDisplay = deps('linux', { PATH: '/usr/bin' }, ['/usr/bin/xdg-open']);
    expect(openBrowser(URL, noDisplay.d)).toBe(false);
    const noXdg = deps('linux', { DISPLAY: ':0', PATH: '/usr/bin' });
    expect(openBrowser(URL, noXdg.d)).toBe(false);
    expect([...noDisplay.launched, ...noXdg.launched]).toEqual([]);
  });
  it('uses start on Windows and open on macOS', () => {
    expect(browserCommand(URL, deps('win32', {}).d)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', URL] });
    expect(browserCommand(URL, deps('darwin', {}).d)).toEqual({ command: 'open', args: [URL] });
  });
  it('never throws when launching fails', () => {
    const d: BrowserDeps = {
      platform: 'darwin',
      env: {},
      isExecutable: () => false,
      launch: () => {
        throw new Error('ENOENT');
      },
    };
    expect(openBrowser(URL, d)).toBe(false);
  });
  it('findOnPath walks PATH in order', () => {
    expect(findOnPath('x', { platform: 'linux', env: { PATH: '/a:/b:/c' }, isExecutable: (f) => f === '/b/x' || f === '/c/x' })).toBe('/b/x');
    expect(findOnPath('x', { platform: 'linux', env: {}, isExecutable: () => true })).toBeNull();
  });
});

describe('ensureElectronSqlite', () => {
  function fakeProject() {
    const root = tempDir();
    const sqlite = path.join(root, 'node_modules', 'better-sqlite3');
    fs.mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
    fs.mkdirSync(path.join(sqlite, 'src'), { recursive: true });
    fs.writeFileSync(path.join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    fs.writeFileSync(path.join(sqlite, 'src', 'better_sqlite3.cpp'), '//');
    fs.writeFileSync(path.join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI');
    fs.mkdirSync(path.join(root, 'node_modules', '@electron', 'rebuild', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'), '');
    return root;
  }

  it('builds a separate copy with @electron/rebuild and leaves node_modules alone', () => {
    const root = fakeProject();
    const runs: Array<{ command: string; args: string[]; cwd: string }> = [];
    const dir = electronSqliteDir(root, '45.5.0', 'linux', 'x64');
    const result = ensureElectronSqlite({
      root,
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      run: (command, args, cwd) => {
        runs.push({ command, args, cwd });
        // what the rebuild would leave behind
        fs.mkdirSync(path.dirname(electronSqliteBinding(dir)), { recursive: true });
        fs.writeFileSync(electronSqliteBinding(dir), 'ELECTRON-ABI');
        return 0;
      },
    });
    expect(result).toEqual({ binding: electronSqliteBinding(dir) });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.args).toEqual([
      path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'),
      '--version', '45.5.0', '--arch', 'x64', '--only', 'better-sqlite3', '--force', '--module-dir', dir,
    ]);
    // the copy has the sources but not node's build; node_modules still has node's build
    expect(fs.existsSync(path.join(dir, 'node_modules', 'better-sqlite3', 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({ 'better-sqlite3': '12.11.1' });
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE-ABI');

    // second start: already there, nothing runs
    const again = ensureElectronSqlite({ root, electronVersion: '45.5.0', platform: 'linux', arch: 'x64', run: () => { throw new Error('must not run'); } });
    expect(again).toEqual({ binding: electronSqliteBinding(dir) });
  });

  it('reports a failed rebuild (offline, no compiler) instead of starting a broken app', () => {
    const root = fakeProject();
    const result = ensureElectronSqlite({ root, electronVersion: '45.5.0', platform: 'linux', arch: 'arm64', run: () => 1 });
    expect(result).toMatchObject({ error: expect.stringContaining('better-sqlite3'), errorEn: expect.stringContaining('could not build') });
  });
});
