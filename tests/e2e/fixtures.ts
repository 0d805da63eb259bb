import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, errors, expect, type Page } from '@playwright/test';

export interface AppServer {
  /** The browser-mode URL with its token. */
  url: string;
  dbPath: string;
  dir: string;
  /** Runs the CLI against the same database (e.g. to compare numbers). */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts browser mode (the real `serve` entry) on a fresh database in a temp folder; stops it after the test. */
export async function startServer(options: { demo: boolean }): Promise<AppServer & { stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-e2e-'));
  const dbPath = path.join(dir, 'e2e.db');
  const args = ['electron/http/serve.ts', '--db', dbPath, '--port', '0', '--static', path.join(ROOT, 'dist/renderer')];
  if (!options.demo) args.push('--empty');
  const child: ChildProcess = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, FDI_DESK_HOME: dir } });
  // a test that times out while the server starts never reaches stop(): the worker's exit ends the server then
  process.once('exit', () => child.kill('SIGTERM'));
  // waits for the server's address line however long a loaded machine takes to start it and seed the demo data
  // (the test's own timeout is the cap); a server that dies says why
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return {
    url,
    dbPath,
    dir,
    cli: (cliArgs) => run(['electron/cli.ts', ...cliArgs]),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A call to the app's backend from the test, as another client would make it (the CLI, a second window): the value,
 * or a thrown error naming the refusal. `origin` is the client's id in the change event it causes.
 */
export async function callApi<T = any>(app: AppServer, method: string, input: unknown = {}, origin = 'test-client'): Promise<T> {
  const url = new URL(app.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json', 'x-fdi-origin': origin },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** `app`: a demo database; `emptyApp`: an empty one. Each test gets its own server and database. */
export const test = base.extend<{ app: AppServer; emptyApp: AppServer }>({
  app: async ({}, use) => {
    const server = await startServer({ demo: true });
    await use(server);
    await server.stop();
  },
  emptyApp: async ({}, use) => {
    const server = await startServer({ demo: false });
    await use(server);
    await server.stop();
  },
});

/** The screens people use: a 1366×768 laptop and a 1920×1080 one. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** A screenshot that Chromium's compositor has not delivered in this long is given up (see shootAtSizes). */
const SCREENSHOT_CAP_MS = 60_000;

/**
 * Screenshots at each screen size into the test's output folder (not committed; to be looked at), back at the first
 * size. The pictures are for people, not assertions: once in CI a headless Chromium never delivered the frame after a
 * resize (the page itself went on answering), and a 4-minute hang there failed a test whose checks had all passed.
 * So each size first waits for the page to paint a frame (a frozen page still fails the test here), and a capture the
 * browser does not deliver is noted on the test instead.
 */
export async function shootAtSizes(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    // a string: this file is type-checked without the DOM's types
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const file = `${name}-${size.width}x${size.height}.png`;
    try {
      await page.screenshot({ path: test.info().outputPath(file), fullPage: options.fullPage ?? false, timeout: SCREENSHOT_CAP_MS });
    } catch (err) {
      if (!(err instanceof errors.TimeoutError)) throw err;
      test.info().annotations.push({ type: 'screenshot not taken', description: `${file}: ${err.message.split('\n')[0]}` });
    }
  }
  await page.setViewportSize(SCREEN_SIZES[0]!);
}

export { expect };
