import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WORKER_BUNDLES } from '../../electron/backend/workers/bundles';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildElectronOptions {
  root?: string;
  /** dist/electron by default. */
  outDir?: string;
}

/** Modules the main bundle must require at run time instead of inlining. */
export function mainExternals(root = ROOT): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  // electron is the runtime itself; better-sqlite3 is native (rebuilt for Electron at packaging); the other
  // production dependencies ship in node_modules anyway, and some load files by path at run time
  // (i18n-iso-countries' language JSON), so they stay as they are in Node, tests and the CLI.
  return ['electron', ...Object.keys(pkg.dependencies ?? {})];
}

/**
 * Bundles the Electron main process, the backend host (run by main as a utilityProcess) and the preload into
 * CommonJS: `dist/electron/main.cjs`, `host.cjs` and `preload.cjs`. The preload runs sandboxed, where only
 * `electron` can be required, so everything else is inlined into it.
 */
export async function buildElectron(options: BuildElectronOptions = {}): Promise<{ main: string; host: string; preload: string }> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? path.join(root, 'dist', 'electron');
  const main = path.join(outDir, 'main.cjs');
  const host = path.join(outDir, 'host.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root } as const;
  const node = {
    ...common,
    external: mainExternals(root),
    // The backend is written as ES modules and uses import.meta.url (createRequire, file lookups); in a CommonJS
    // bundle that becomes the bundle's own file URL.
    define: { 'import.meta.url': '__fdiImportMetaUrl' },
    banner: { js: "const __fdiImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({ ...node, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: main });
  await build({ ...node, entryPoints: [path.join(root, 'electron/host/index.ts')], outfile: host });
  // worker threads (import parsing) run their own bundle, found beside host.cjs at run time
  for (const worker of WORKER_BUNDLES) {
    await build({ ...node, entryPoints: [path.join(root, worker.source)], outfile: path.join(outDir, `${worker.name}-worker.cjs`) });
  }
  await build({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: preload,
    external: ['electron'],
  });
  const icon = path.join(root, 'build', 'icon.png');
  if (fs.existsSync(icon)) fs.copyFileSync(icon, path.join(outDir, 'icon.png'));
  return { main, host, preload };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildElectron().then(
    (built) => process.stdout.write(`electron bundles: ${Object.values(built).map((file) => path.relative(ROOT, file)).join(', ')}\n`),
    (err) => {
      process.stderr.write(`${(err as Error)?.message ?? err}\n`);
      process.exit(1);
    },
  );
}
