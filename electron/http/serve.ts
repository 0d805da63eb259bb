import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/create';
import { refusalLines } from '../backend/db/health';
import { AppError } from '../backend/errors';
import { seedDemo } from '../backend/demo';
import { defaultDbPath } from '../backend/paths';
import { startHttpServer } from './server';

/**
 * Browser mode: `npm run serve -- --db FILE --port N` (`--port 0` = any free port). Prints one line with the URL and
 * its per-run token. A database that does not exist yet is created with demo data (`--empty` for none).
 */
export async function serve(argv: string[]): Promise<{ url: string; close: () => Promise<void>; demoCreated: boolean }> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' }, empty: { type: 'boolean' } },
  });
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  const fresh = !fs.existsSync(dbPath);
  const backend = await createBackend({ dbPath, create: true });
  const demoCreated = fresh && !values.empty;
  if (demoCreated) seedDemo(backend.ctx.db);
  const staticDir = path.resolve(values.static ?? path.join(process.cwd(), 'dist/renderer'));
  const server = await startHttpServer(backend, { port: Number(values.port ?? 0), staticDir });
  return {
    url: server.url,
    demoCreated,
    close: async () => {
      await server.close();
      backend.close();
    },
  };
}

/** `npm run serve`: serves until SIGINT/SIGTERM, the address on stdout, a failure on stderr with its code (exit 2). */
export function serveMain(argv: string[]): Promise<void> {
  return serve(argv).then(
    ({ url, close }) => {
      process.stdout.write(`${url}\n`);
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      const lines = err instanceof AppError ? refusalLines(err.toData()) : [String(err?.message ?? err)];
      process.stderr.write(`错误 [${err?.code ?? 'INTERNAL'}]：${lines.join('\n')}\n`);
      const damaged = err instanceof AppError && err.code === 'DB_DAMAGED' ? err.problems?.find((p) => p.code === 'DB_DAMAGED')?.file : undefined;
      if (damaged) process.stderr.write(`恢复：npm run -s cli -- restore --db "${damaged}" --from 备份名称\n`);
      process.exit(2);
    },
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) void serveMain(process.argv.slice(2));
