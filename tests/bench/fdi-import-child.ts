/**
 * One measurement in a process of its own, so its peak RSS is its own: `read FILE` (bare exceljs streaming read) or
 * `import FILE DB` (the FDI import job through dispatch, into a new database). Prints one JSON line.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createBackend } from '../../electron/backend/create';
import { BENCH_PLATFORMS } from './fdi-import-workbook';

async function bareRead(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  let cells = 0;
  for await (const sheet of reader) for await (const row of sheet) cells += (row.values as unknown[]).length;
  return cells;
}

async function importFile(file: string, db: string): Promise<number> {
  const backend = await createBackend({ dbPath: db, create: true, workDir: path.join(path.dirname(db), 'work'), log: () => undefined });
  try {
    backend.ctx.db.prepare("INSERT INTO district (name) VALUES ('江北区')").run();
    for (const name of BENCH_PLATFORMS) backend.ctx.db.prepare("INSERT INTO platform (name, type) VALUES (?, 'national_etdz')").run(name);
    const fileId = backend.ctx.files.register(file).fileId;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await backend.dispatch('fdiImport.commit', { fileId });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const state = await backend.ctx.jobs.wait((result.value as { jobId: string }).jobId);
    if (state.status !== 'done') throw new Error(JSON.stringify(state.error).slice(0, 500));
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const imported = (state.result as { imported: number }).imported;
    // after the import, not in its time: what keeping the file costs, tracing its last row, the first tables
    const db = backend.ctx.db;
    const sourceMb = (db.prepare('SELECT coalesce(sum(length(bytes)), 0) FROM import_source').pluck().get() as number) / 1e6;
    const last = db.prepare('SELECT max(id) FROM fdi_record').pluck().get() as number;
    const timed = async (run: () => Promise<unknown>) => {
      const t0 = performance.now();
      const r = (await run()) as { ok: boolean; error?: unknown };
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return performance.now() - t0;
    };
    const lastRowSourceMs = await timed(() => backend.dispatch('stats.recordSource', { recordId: last }));
    const firstTablesMs = await timed(() => backend.dispatch('stats.tables', { from: '2025-01', to: '2025-12' }));
    process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rows: imported, maxRssMb, sourceMb, lastRowSourceMs, firstTablesMs })}\n`);
    return imported;
  } finally {
    backend.close();
  }
}

async function main(): Promise<void> {
  const [mode, file, db] = process.argv.slice(2);
  if (mode === 'read') {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const cells = await bareRead(file!);
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, cells, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } else if (mode === 'import') {
    await importFile(file!, db!);
  } else {
    process.stderr.write('usage: fdi-import-child read FILE | import FILE DB\n');
    process.exitCode = 2;
  }
}

// no top-level await: the bench runs this file bundled as CommonJS, like the app
main().catch((err) => {
  process.stderr.write(`${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 1;
});
