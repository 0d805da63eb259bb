import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Electron in development needs better-sqlite3 compiled for Electron's ABI, while node_modules keeps the Node build
 * (tests, CLI, browser mode). So the Electron build lives in its own folder, .cache/electron-native/<version>-<os>-
 * <arch>/, made once with @electron/rebuild (prebuilt binary where one exists, else compiled) and handed to the main
 * process as FDI_DESK_SQLITE_BINDING. Packaging does its own rebuild (electron-builder npmRebuild).
 */
export interface NativeDeps {
  root: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  /** Runs a command; returns its exit status. */
  run(command: string, args: string[], cwd: string): number | null;
}

export function electronSqliteDir(root: string, electronVersion: string, platform: string, arch: string): string {
  return path.join(root, '.cache', 'electron-native', `${electronVersion}-${platform}-${arch}`);
}

export function electronSqliteBinding(dir: string): string {
  return path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export function ensureElectronSqlite(deps: NativeDeps): { binding: string } | { error: string; errorEn: string } {
  const dir = electronSqliteDir(deps.root, deps.electronVersion, deps.platform, deps.arch);
  const binding = electronSqliteBinding(dir);
  if (fs.existsSync(binding)) return { binding };
  const source = path.join(deps.root, 'node_modules', 'better-sqlite3');
  const rebuildCli = path.join(deps.root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  if (!fs.existsSync(source) || !fs.existsSync(rebuildCli)) {
    return { error: '缺少 better-sqlite3 或 @electron/rebuild', errorEn: 'better-sqlite3 or @electron/rebuild is missing' };
  }
  const version = (JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string }).version;
  fs.rmSync(dir, { recursive: true, force: true });
  // a copy without the Node build, so nothing of node_modules' own better-sqlite3 is ever touched
  fs.cpSync(source, path.join(dir, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (from) => !from.startsWith(path.join(source, 'build') + path.sep) && from !== path.join(source, 'build'),
  });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fdi-desk-electron-native', private: true, dependencies: { 'better-sqlite3': version } }));
  const status = deps.run(
    process.execPath,
    [rebuildCli, '--version', deps.electronVersion, '--arch', deps.arch, '--only', 'better-sqlite3', '--force', '--module-dir', dir],
    dir,
  );
  if (status !== 0 || !fs.existsSync(binding)) {
    return { error: '无法为 Electron 编译 better-sqlite3（需要联网或编译工具）', errorEn: 'could not build better-sqlite3 for Electron (needs internet or a compiler)' };
  }
  return { binding };
}

export function realRun(command: string, args: string[], cwd: string): number | null {
  return spawnSync(command, args, { cwd, stdio: 'inherit' }).status;
}
