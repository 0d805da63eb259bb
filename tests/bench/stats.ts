import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/create';
import type { Db } from '../../electron/backend/db/open';
import { seedDemo } from '../../electron/backend/demo';
import { seededRandom } from '../../electron/backend/demo/random';
import { FDI_MODE_CODES } from '../../shared/domain/fdi';
import { benchRow, type BenchRow } from './row';

const RECORDS = 1_000_000;
const ENTERPRISES = 250_000;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const RANGE = { from: '2025-01', to: '2025-10' };
const REPEATS = 5;

/**
 * 1M records over five years (2021–2025, ~16.7k a month), written month by month: 70% from the sources and
 * industries a real bureau sees most, 30% spread over every country and every GB/T 4754 class (so the breakdowns have
 * many groups), 95% with a district, 60% in a platform. Straight into fdi_record in one transaction, indexes in place.
 */
function generate(db: Db): number {
  const rng = seededRandom(4754);
  const classes = (db.prepare("SELECT code FROM ref_industry WHERE level = 'class'").all() as { code: string }[]).map((r) => r.code);
  const countries = (db.prepare('SELECT code FROM ref_country').all() as { code: string }[]).map((r) => r.code);
  const common = { classes: classes.filter((_, i) => i % 35 === 0), countries: ['HKG', 'SGP', 'JPN', 'KOR', 'TWN', 'DEU', 'USA', 'VGB', 'NLD', 'GBR', 'CHE', 'FRA', 'MYS', 'THA', 'CYM', 'ITA'] };
  const districts = (db.prepare('SELECT id FROM district').all() as { id: number }[]).map((r) => r.id);
  const platforms = (db.prepare('SELECT id FROM platform').all() as { id: number }[]).map((r) => r.id);
  const started = performance.now();
  db.transaction(() => {
    const enterprise = db.prepare("INSERT INTO enterprise (name, uscc, created_at, updated_at) VALUES (?, NULL, 'bench', 'bench')");
    const first = Number(enterprise.run('基准企业0').lastInsertRowid);
    for (let i = 1; i < ENTERPRISES; i++) enterprise.run(`基准企业${i}`);
    const record = db.prepare(
      `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, contracted_fdi, actual_fdi, industry_code, country_code,
         district_id, platform_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')`,
    );
    const modes = FDI_MODE_CODES.map((m, i) => [m, [30, 40, 10, 15, 5][i]!] as const);
    const months = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
    for (let i = 0; i < RECORDS; i++) {
      // month by month, as the returns arrive (and as an import of monthly files writes them)
      const period = months[Math.floor((i * months.length) / RECORDS)]!;
      const e = rng.int(0, ENTERPRISES - 1);
      const mode = rng.weighted(modes);
      const contracted = mode === 'profit_reinvestment' ? 0 : Math.round(rng.next() * 5_000_000) / 10_000;
      record.run(
        period,
        first + e,
        `基准企业${e}`,
        mode,
        contracted,
        Math.round(rng.next() * 3_000_000) / 10_000,
        rng.next() < 0.7 ? rng.pick(common.classes) : rng.pick(classes),
        rng.next() < 0.7 ? rng.pick(common.countries) : rng.pick(countries),
        rng.next() < 0.95 ? rng.pick(districts) : null,
        rng.next() < 0.6 ? rng.pick(platforms) : null,
      );
    }
  })();
  return performance.now() - started;
}

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Wall time of each run, and the CPU time this process spent (on a busy machine wall time waits for a core). */
async function median(run: () => Promise<unknown> | unknown): Promise<{ first: number; median: number; cpu: number }> {
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < REPEATS; i++) times.push(await time(run));
  const cpu = process.cpuUsage(cpuStart);
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0]!, median: sorted[Math.floor(sorted.length / 2)]!, cpu: (cpu.user + cpu.system) / 1000 / REPEATS };
}

const cpuNote = (m: { cpu: number }) => `cpu ${Math.round(m.cpu)} ms/run, load ${os.loadavg()[0]!.toFixed(1)}`;

async function ok(backend: Backend, method: string, input: unknown) {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const row = (name: string, ms: number, target?: number, note?: string): BenchRow => benchRow(name, Math.round(ms), 'ms', target, note);

export const statsBench = {
  name: 'stats',
  async run(): Promise<BenchRow[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-bench-stats-'));
    const backend = await createBackend({ dbPath: path.join(dir, 'bench.db'), create: true, workDir: path.join(dir, 'work'), log: () => undefined });
    try {
      const db = backend.ctx.db;
      seedDemo(db, new Date('2026-01-15T00:00:00Z')); // jurisdiction, 10 districts, 7 platforms (and ~400 demo records)
      const generated = generate(db);
      const inRange = (db.prepare('SELECT count(*) AS n FROM fdi_record WHERE period BETWEEN ? AND ?').get(RANGE.from, RANGE.to) as { n: number }).n;
      const inPrior = (db.prepare("SELECT count(*) AS n FROM fdi_record WHERE period BETWEEN '2024-01' AND '2024-10'").get() as { n: number }).n;
      const rows: BenchRow[] = [
        { name: 'stats: generate 1M records (insert, all indexes)', value: Math.round(RECORDS / (generated / 1000)), unit: 'rows/s', note: `${(generated / 1000).toFixed(1)} s` },
      ];
      const tables = await median(() => ok(backend, 'stats.tables', RANGE));
      const note = `${RANGE.from}..${RANGE.to}: ${inRange} records + ${inPrior} prior-year`;
      rows.push(row('stats: all standard tables, first call', tables.first, 500, note));
      rows.push(row(`stats: all standard tables, median of ${REPEATS}`, tables.median, 500, `${note}; ${cpuNote(tables)}`));
      const whole = await median(() => ok(backend, 'stats.tables', { from: '2021-01', to: '2025-12' }));
      // the tables are for a return's months (year to date): five years in one range is no return, so no target
      rows.push(row('stats: all tables, 2021-01..2025-12 (every record)', whole.median, undefined, `no target: all 1M records in range; ${cpuNote(whole)}`));
      rows.push(row('stats: consolidation check', (await median(() => ok(backend, 'stats.consolidation', RANGE))).median, undefined, 'no target'));
      rows.push(row('stats: drill-down page (group 东盟)', (await median(() => ok(backend, 'stats.records', { ...RANGE, filter: { group: 'ASEAN' } }))).median, undefined, 'no target'));
      const exported = await median(async () => {
        const { jobId } = (await ok(backend, 'stats.export', RANGE)) as { jobId: string };
        const state = await backend.ctx.jobs.wait(jobId);
        if (state.status !== 'done') throw new Error(`export ${state.status}: ${state.error?.message}`);
      });
      rows.push(row('stats: export xlsx (job, 6 sheets)', exported.median, 5000, `median of ${REPEATS}; ${cpuNote(exported)}`));
      return rows;
    } finally {
      backend.close();
      // BENCH_KEEP_DB=1 keeps the generated database for looking into a slow query
      if (process.env.BENCH_KEEP_DB) process.stderr.write(`kept ${path.join(dir, 'bench.db')}\n`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
