import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule of the layout: only electron/main and electron/preload may import `electron`. Everything else must
 * run in plain Node (vitest, the HTTP server, the CLI) or in a browser (the renderer in browser mode).
 */
const ROOT = path.resolve(__dirname, '../..');
const GUARDED = ['shared', 'electron/backend', 'electron/host', 'electron/http', 'electron/cli', 'electron/cli.ts', 'renderer'];
const SOURCE = /\.(c|m)?(t|j)sx?$/;

/** Module names a file imports: static imports/exports, require() and import(), comments ignored (TypeScript's own scanner). */
function importedModules(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function isElectronModule(name: string): boolean {
  return name === 'electron' || name.startsWith('electron/');
}

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && SOURCE.test(d.name) && !path.join(d.parentPath, d.name).includes(`${path.sep}node_modules${path.sep}`))
    .map((d) => path.join(d.parentPath, d.name));
}

describe('no electron import outside the shell', () => {
  it('finds every way of importing electron, and nothing else', () => {
    const sample = [
      "import { app } from 'electron';",
      'import type { BrowserWindow } from "electron";',
      "export { shell } from 'electron';",
      "import 'electron';",
      "const { ipcMain } = require('electron');",
      "const m = await import('electron/main');",
      "// import { app } from 'electron'  (a comment)",
      "import x from './electron';",
      "import y from 'electron-builder';",
      "const s = 'electron';",
    ].join('\n');
    expect(importedModules(sample).filter(isElectronModule)).toEqual(['electron', 'electron', 'electron', 'electron', 'electron', 'electron/main']);
  });

  it('holds for shared/, electron/backend, the backend host, electron/http, the CLI and the renderer', () => {
    const files = GUARDED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20); // the scan really looked somewhere
    const offenders = files.filter((f) => importedModules(fs.readFileSync(f, 'utf8')).some(isElectronModule)).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the shell itself is where electron is imported', () => {
    const shell = [...sourceFiles('electron/main'), ...sourceFiles('electron/preload')];
    expect(shell.some((f) => importedModules(fs.readFileSync(f, 'utf8')).includes('electron'))).toBe(true);
  });
});
