import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDbPath } from '../../electron/backend/paths';
import { serve } from '../../electron/http/serve';
import { buildElectron } from './build-electron';
import { probeElectron, realProbeDeps } from './electron-probe';
import { ensureElectronSqlite, realRun } from './electron-native';
import { buildRendererWithVite, electronTarget, ensureBuilt, rendererTarget, type FileTimes } from './fresh-build';
import { openBrowser } from './open-browser';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Said once, the first time: the database just made holds made-up data to try the app with. */
export const DEMO_CREATED = '已新建演示数据库：数据为虚构的示例，仅供试用；在“设置”中可查看位置。/ created a demo database (made-up data, for trying the app out)';

/**
 * Builds what changed since the last start (renderer, Electron bundles), nothing when nothing did; false when the
 * renderer build failed. The builders are parameters for the tests.
 */
export async function buildChanged(
  builders: { renderer: () => boolean | Promise<boolean>; electron: () => Promise<unknown> } = {
    renderer: () => buildRendererWithVite(ROOT),
    electron: () => buildElectron(),
  },
  options: { root?: string; say?: (line: string) => void; files?: FileTimes } = {},
): Promise<boolean> {
  const root = options.root ?? ROOT;
  const common = { root, say: options.say ?? say, files: options.files };
  if (!(await ensureBuilt(rendererTarget(root), builders.renderer, common))) return false;
  await ensureBuilt(electronTarget(root), async () => (await builders.electron(), true), common);
  return true;
}

function launchElectron(binary: string, sqliteBinding: string): void {
  say('启动桌面版 / starting the desktop app (Electron)…');
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FDI_DESK_SQLITE_BINDING: sqliteBinding } });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}

async function startBrowserMode(port: string, why?: { reason: string; reasonEn: string }): Promise<void> {
  // the one line that says why there is no desktop window
  if (why) say(`未能启动桌面版：${why.reason}，改用浏览器模式。 / Electron is not available: ${why.reasonEn}; starting browser mode instead.`);
  else say('浏览器模式 / browser mode (--browser)');
  const dbPath = defaultDbPath();
  const { url, close, demoCreated } = await serve(['--db', dbPath, '--port', port, '--static', path.join(ROOT, 'dist', 'renderer')]);
  say(`数据库 / database: ${dbPath}`);
  if (demoCreated) say(DEMO_CREATED);
  say(`外资工作台（浏览器模式）/ FDI Desk (browser mode): ${url}`);
  if (!openBrowser(url)) say('本机没有可自动打开的浏览器，请在浏览器中打开上面的地址 / no browser to open here: open the address above in one');
  say('按 Ctrl+C 停止 / press Ctrl+C to stop');
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * `npm start`: builds, then opens the desktop app; where Electron cannot run (binary not downloaded — as on this
 * team's offline machines — or no display), says so in one line and serves the same app in the browser instead.
 * `--browser` goes straight to browser mode; `--port N` picks its port (any free port by default).
 */
export async function start(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { browser: { type: 'boolean' }, port: { type: 'string', default: '0' } } });
  if (!(await buildChanged())) {
    process.stderr.write('界面构建失败 / renderer build failed\n');
    process.exit(1);
  }
  if (values.browser) return startBrowserMode(values.port);

  const probe = probeElectron(realProbeDeps(ROOT));
  if (!probe.runnable) return startBrowserMode(values.port, probe);
  const electronVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const native = ensureElectronSqlite({ root: ROOT, electronVersion, platform: process.platform, arch: process.arch, run: realRun });
  if ('error' in native) return startBrowserMode(values.port, { reason: native.error, reasonEn: native.errorEn });
  launchElectron(probe.binary, native.binding);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  start(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`错误 [${(err as { code?: string })?.code ?? 'INTERNAL'}]：${(err as Error)?.message ?? err}\n`);
    process.exit(2);
  });
}
