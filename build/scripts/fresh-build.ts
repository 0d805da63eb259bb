import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds only what is missing or older than its sources, make-style: `npm start`, `npm run serve` and `npm run bench`
 * call it, so a fresh clone works without `npm run build:renderer` first and a second start does not rebuild what
 * did not change. A target is stale when its output file is missing or older than the newest file among its inputs.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildTarget {
  /** For messages: 界面 / renderer. */
  name: string;
  nameEn: string;
  /** The file the build writes last; its time is the build's. */
  output: string;
  /** Files and folders the build reads (folders are walked, dot-files and node_modules skipped). */
  inputs: string[];
}

/** What the check needs of the file system, so tests can hand it a made-up one. */
export interface FileTimes {
  /** Modification time in ms, or null when the path does not exist. */
  mtime(file: string): number | null;
  /** Entries of a folder (names), or null when it is not a folder. */
  list(dir: string): string[] | null;
}

export const realFileTimes: FileTimes = {
  mtime: (file) => {
    try {
      return fs.statSync(file).mtimeMs;
    } catch {
      return null;
    }
  },
  list: (dir) => {
    try {
      return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir) : null;
    } catch {
      return null;
    }
  },
};

/** The newest modification time under `paths` (0 when none exists), and the file that has it. */
export function newestInput(paths: string[], files: FileTimes = realFileTimes): { time: number; file: string | null } {
  let newest = { time: 0, file: null as string | null };
  const visit = (p: string) => {
    const entries = files.list(p);
    if (entries) {
      for (const e of entries) if (!e.startsWith('.') && e !== 'node_modules') visit(path.join(p, e));
      return;
    }
    const time = files.mtime(p);
    if (time !== null && time > newest.time) newest = { time, file: p };
  };
  for (const p of paths) visit(p);
  return newest;
}

export type Staleness = { stale: false } | { stale: true; reason: 'missing' } | { stale: true; reason: 'changed'; file: string };

export function staleness(target: BuildTarget, files: FileTimes = realFileTimes): Staleness {
  const built = files.mtime(target.output);
  if (built === null) return { stale: true, reason: 'missing' };
  const newest = newestInput(target.inputs, files);
  return newest.time > built ? { stale: true, reason: 'changed', file: newest.file! } : { stale: false };
}

/**
 * Builds `target` when it is stale and says why in one line; says nothing when it is up to date. False when the
 * build failed.
 */
export async function ensureBuilt(
  target: BuildTarget,
  build: () => boolean | Promise<boolean>,
  options: { say?: (line: string) => void; files?: FileTimes; root?: string } = {},
): Promise<boolean> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const state = staleness(target, options.files);
  if (!state.stale) return true;
  if (state.reason === 'missing') say(`构建${target.name}（尚未构建过）/ building the ${target.nameEn} (not built yet)…`);
  else say(`构建${target.name}（${path.relative(options.root ?? ROOT, state.file)} 有改动）/ building the ${target.nameEn} (sources changed)…`);
  return build();
}

export function rendererTarget(root = ROOT): BuildTarget {
  return {
    name: '界面',
    nameEn: 'renderer',
    output: path.join(root, 'dist', 'renderer', 'index.html'),
    inputs: ['renderer', 'shared', 'package-lock.json', 'tsconfig.web.json'].map((p) => path.join(root, p)),
  };
}

export function electronTarget(root = ROOT): BuildTarget {
  return {
    name: '桌面版主程序',
    nameEn: 'Electron bundles',
    // buildElectron writes the preload last, after main.cjs, host.cjs and the worker bundles
    output: path.join(root, 'dist', 'electron', 'preload.cjs'),
    inputs: ['electron', 'shared', 'build/scripts/build-electron.ts', 'package-lock.json'].map((p) => path.join(root, p)),
  };
}

/** `vite build` of the renderer in a child process; false when it failed. */
export function buildRendererWithVite(root = ROOT): boolean {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/**
 * The renderer, built when missing or stale (for `npm run serve` and `npm run bench`); throws when the build fails.
 * It says so on stderr: `serve` prints exactly one line, its address, on stdout.
 */
export async function ensureRenderer(root = ROOT): Promise<void> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (!(await ensureBuilt(rendererTarget(root), () => buildRendererWithVite(root), { root, say }))) throw new Error('界面构建失败 / renderer build failed');
}
