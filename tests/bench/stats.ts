import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/create';
import type { Db } from '../../electron/backend/db/open';
import { seedDemo } from '../../electron/backend/demo';
import { seededRandom } from '../../electron/backend/demo/random';
import { FDI_MODE_CODES } from '../../shared/domain/fdi';
import { markStatsDirty } from '../../electron/backend/stats/summary/dirty';
import { ensureStatsSummary } from '../../electron/backend/stats/summary/refresh';
import { hostBlockRows } from './host';
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
      // foreign shares for 境内再投资 (byForeignShare) and yearly rates (人民币), written before the summary is built
      db.exec('UPDATE enterprise SET foreign_share = 20 + (id % 81) WHERE id % 10 <> 0');
      for (const y of [2020, ...YEARS]) db.prepare("INSERT INTO fx_rate (period, rate, source, updated_at) VALUES (?, 7.0, 'bench', 'bench')").run(String(y));
      // the generator wrote straight into fdi_record: the summary is built from scratch, once
      rows.push(row('stats: summary built from 1M records', await time(() => ensureStatsSummary(db)), undefined, 'no target: after a bulk load or a reference-list edit; a monthly return refreshes only its months'));
      markStatsDirty(db, ['2025-06']);
      rows.push(row('stats: summary refresh of one month (a monthly return)', await time(() => ensureStatsSummary(db)), undefined, `no target: ${inRange / 10 | 0} records in the month`));
      // every standard table, any range, scope and 口径: under 0.3 s (issue 14)
      const FIVE_YEARS = { from: '2021-01', to: '2025-12' };
      const variants: Array<[string, object]> = [
        [`${RANGE.from}..${RANGE.to}`, RANGE],
        ['2021-01..2025-12 (five years, every record)', FIVE_YEARS],
        ['2021-02..2025-11 (months at both ends of the years)', { from: '2021-02', to: '2025-11' }],
        ['five years, excl-finance, 境内再投资 byForeignShare', { ...FIVE_YEARS, scope: 'excl-finance', domesticReinvestment: 'byForeignShare' }],
        ['five years, excl-finance, included, comparable', { ...FIVE_YEARS, scope: 'excl-finance', domesticReinvestment: 'included', comparable: true }],
        [`${RANGE.from}..${RANGE.to} in 亿元人民币`, { ...RANGE, currency: 'cny' }],
      ];
      const note = `${RANGE.from}..${RANGE.to}: ${inRange} records + ${inPrior} prior-year`;
      for (const [i, [label, input]] of variants.entries()) {
        const m = await median(() => ok(backend, 'stats.tables', input));
        if (i === 0) rows.push(row(`stats: all standard tables, ${label}, first call`, m.first, 300, note));
        rows.push(row(`stats: all standard tables, ${label}, median of ${REPEATS}`, m.median, 300, cpuNote(m)));
      }
      // the home page's first load: what the page asks for at once (its tables computed once)
      const home = await median(() =>
        Promise.all([
          ok(backend, 'dashboard.home', { year: 2025, to: '2025-10' }),
          ok(backend, 'dashboard.alerts', {}),
          ok(backend, 'dashboard.targets', { year: 2025 }),
        ]),
      );
      rows.push(row('stats: home page load (dashboard.home + alerts + targets), first', home.first, 500, '2025-01..2025-10, the plan\'s scope'));
      rows.push(row(`stats: home page load, median of ${REPEATS}`, home.median, 500, cpuNote(home)));
      rows.push(row('stats: consolidation check', (await median(() => ok(backend, 'stats.consolidation', RANGE))).median, undefined, 'no target'));
      rows.push(row('stats: drill-down page (group 东盟)', (await median(() => ok(backend, 'stats.records', { ...RANGE, filter: { group: 'ASEAN' } }))).median, undefined, 'no target'));
      const exported = await median(async () => {
        const { jobId } = (await ok(backend, 'stats.export', RANGE)) as { jobId: string };
        const state = await backend.ctx.jobs.wait(jobId);
        if (state.status !== 'done') throw new Error(`export ${state.status}: ${state.error?.message}`);
      });
      rows.push(row('stats: export xlsx (job, 6 sheets)', exported.median, 5000, `median of ${REPEATS}; ${cpuNote(exported)}`));
      rows.push(...(await hostBlockRows(backend, FIVE_YEARS, 'five years')));
      return rows;
    } finally {
      backend.close();
      // BENCH_KEEP_DB=1 keeps the generated database for looking into a slow query
      if (process.env.BENCH_KEEP_DB) process.stderr.write(`kept ${path.join(dir, 'bench.db')}\n`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
