import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WORKER_BUNDLES } from '../../electron/backend/workers/bundles';
import { mainExternals } from '../../build/scripts/build-electron';
import { convertWithLibreOffice } from '../helpers/fdi-fixtures';
import { writeBenchWorkbook } from './fdi-import-workbook';
import { benchRow, type BenchRow } from './row';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the measuring child and the import's workers as the Electron build does (CommonJS, dependencies external,
 * workers as `<name>-worker.cjs` beside it), so the numbers are the app's and not tsx's (which would compile every
 * module again in each thread). Inside the project, so the external requires find node_modules.
 */
async function bundleChild(): Promise<{ child: string; dir: string }> {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'bench-build-'));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    external: mainExternals(ROOT),
    define: { 'import.meta.url': '__benchImportMetaUrl' },
    banner: { js: "const __benchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  } as const;
  const child = path.join(dir, 'fdi-import-child.cjs');
  await build({ ...common, entryPoints: [path.join(ROOT, 'tests/bench/fdi-import-child.ts')], outfile: child });
  for (const w of WORKER_BUNDLES) await build({ ...common, entryPoints: [path.join(ROOT, w.source)], outfile: path.join(dir, `${w.name}-worker.cjs`) });
  return { child, dir };
}

let CHILD = '';

interface Measured {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  /** Import only: the file kept for tracing (MB), reading its last record's row back, the first tables after it. */
  sourceMb?: number;
  lastRowSourceMs?: number;
  firstTablesMs?: number;
}

function child(args: string[]): Measured {
  const out = spawnSync(process.execPath, [CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`bench child ${args[0]} failed: ${out.stderr}`);
  if (out.stderr) process.stderr.write(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Measured;
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const XLS_RECORDS = 65_000;

/**
 * An Excel 97–2003 return of 65,000 records (as many as the format holds, nearly), written by LibreOffice from the
 * bench workbook, imported by the commit job through SheetJS. Targets: < 10 s, < 600 MB peak RSS.
 */
async function xlsFile(dir: string): Promise<string> {
  const xlsx = path.join(dir, `fdi-${XLS_RECORDS}.xlsx`);
  await writeBenchWorkbook(xlsx, XLS_RECORDS);
  return convertWithLibreOffice([xlsx], dir, 'xls')[0]!;
}

function xlsRows(dir: string, xls: string): BenchRow[] {
  const dbDir = fs.mkdtempSync(path.join(dir, 'db-'));
  const imported = child(['import', xls, path.join(dbDir, 'fdi.db')]);
  fs.rmSync(dbDir, { recursive: true, force: true });
  const name = `fdi import .xls ${XLS_RECORDS / 1000}k (LibreOffice, ${(fs.statSync(xls).size / 1e6).toFixed(1)} MB)`;
  return [
    benchRow(`${name}: import (commit job)`, round(imported.ms / 1000), 's', 10, `CPU ${round(imported.cpuMs / 1000)} s (all threads); load ${os.loadavg()[0]!.toFixed(1)}`),
    benchRow(`${name}: peak RSS (import process)`, Math.round(imported.maxRssMb), 'MB', 600),
  ];
}

/**
 * FDI import (issue 3): deterministic workbooks of 100k and 1M records (BENCH_SIZES=100000 for a quick run), each
 * imported by the commit job into a new database and read bare by exceljs's streaming reader, each measurement in a
 * fresh process (bundled as the app is) so its peak RSS is its own. Wall times are the best of two runs up to 100k (one above); CPU times
 * (all threads) say how much work was done when other processes share the two cores. Targets: import / read ≤ 1.3
 * at 100k; 1M in < 60 s with RSS < 600 MB.
 */
export const fdiImportBench = {
  name: 'fdi-import',
  async run(): Promise<BenchRow[]> {
    const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-import-bench-'));
    const rows: BenchRow[] = [];
    const bundled = await bundleChild();
    CHILD = bundled.child;
    try {
      for (const size of sizes) {
        const file = path.join(dir, `fdi-${size}.xlsx`);
        await writeBenchWorkbook(file, size);
        process.stderr.write(`  ${label(size)} records: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB\n`);
        const runs = size <= 100_000 ? 2 : 1;
        const reads: Measured[] = [];
        const imports: Measured[] = [];
        for (let i = 0; i < runs; i++) {
          reads.push(child(['read', file]));
          const dbDir = fs.mkdtempSync(path.join(dir, 'db-'));
          imports.push(child(['import', file, path.join(dbDir, 'fdi.db')]));
          fs.rmSync(dbDir, { recursive: true, force: true });
          process.stderr.write(`  run ${i + 1}: read ${(reads[i]!.ms / 1000).toFixed(2)} s, import ${(imports[i]!.ms / 1000).toFixed(2)} s\n`);
        }
        const best = (list: Measured[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
        const read = best(reads);
        const imported = best(imports);
        const ratio = imported.ms / read.ms;
        const name = `fdi import ${label(size)}`;
        const load = `load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
        const at = (n: number, target: number) => (size === n ? target : undefined);
        rows.push(benchRow(`${name}: bare exceljs streaming read`, round(read.ms / 1000), 's', undefined, `CPU ${round(read.cpuMs / 1000)} s, RSS ${Math.round(read.maxRssMb)} MB`));
        rows.push(benchRow(`${name}: import (commit job)`, round(imported.ms / 1000), 's', at(1_000_000, 60), `CPU ${round(imported.cpuMs / 1000)} s (both threads); ${load}`));
        rows.push(benchRow(`${name}: import / read`, round(ratio), '×', at(100_000, 1.3)));
        rows.push(benchRow(`${name}: rows/s`, Math.round(size / (imported.ms / 1000)), 'rows/s'));
        rows.push(benchRow(`${name}: peak RSS (import process)`, Math.round(imported.maxRssMb), 'MB', at(1_000_000, 600)));
        // tracing records to their rows keeps the file itself, its compressed cells (issue 14)
        rows.push(benchRow(`${name}: file kept for tracing`, round(imported.sourceMb ?? 0, 1), 'MB', undefined, `the .xlsx as imported; ${(fs.statSync(file).size / 1e6).toFixed(1)} MB on disk`));
        rows.push(benchRow(`${name}: a record's row read back (the last row)`, round((imported.lastRowSourceMs ?? 0) / 1000), 's', undefined, 'no target: the file is read up to the row'));
        rows.push(benchRow(`${name}: first stats tables after the import (summary of its months)`, round((imported.firstTablesMs ?? 0) / 1000), 's', undefined, 'no target: once per import'));
      }
      if (process.env.BENCH_XLS !== '0') rows.push(...xlsRows(dir, await xlsFile(dir)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(bundled.dir, { recursive: true, force: true });
    }
    return rows;
  },
};
