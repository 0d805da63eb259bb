import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export type Run = (command: string, args: string[]) => number;

/**
 * `npm run dist [-- electron-builder args]`: builds, packages with electron-builder, and then — whatever happened —
 * rebuilds better-sqlite3 for Node again, because electron-builder's npmRebuild compiles it for Electron's ABI
 * in place and tests, the CLI and browser mode need the Node build. Needs internet; never run on the team machines.
 */
export function dist(args: string[], run: Run): number {
  const built = run(NPM, ['run', 'build']);
  if (built !== 0) return built;
  let status: number;
  try {
    status = run(process.execPath, [path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'build/electron-builder.config.cjs', ...args]);
  } finally {
    const restored = run(NPM, ['rebuild', 'better-sqlite3']);
    if (restored !== 0) process.stderr.write('注意：better-sqlite3 未能恢复为 Node 版本，请运行 npm rebuild better-sqlite3 / run npm rebuild better-sqlite3\n');
  }
  return status;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const run: Run = (command, args) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
  process.exit(dist(process.argv.slice(2), run));
}
