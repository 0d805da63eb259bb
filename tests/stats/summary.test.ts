import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/open';
import { ALL_MONTHS, markStatsDirty } from '../../electron/backend/stats/summary/dirty';
import { ensureStatsSummary } from '../../electron/backend/stats/summary/refresh';
import { call, tempDir } from '../helpers/backend';
import { fdiBackend, importFile } from '../helpers/fdi-backend';
import { makeRecords, writeReturnXlsx } from '../helpers/fdi-fixtures';

const CUBES = ['stats_cube_industry', 'stats_cube_country', 'stats_cube_place'];

function snapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(CUBES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4, 5`).raw().all()]));
}

/**
 * The summary as the writers left it equals one recomputed from scratch, and its month rows equal sums taken straight
 * from the records (records, amounts, and new enterprises by their first 新设 record, written here without the summary).
 */
const MONTH = "period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'";

function expectSummaryMatchesRecords(db: Db): void {
  ensureStatsSummary(db);
  const kept = snapshot(db);
  markStatsDirty(db, ALL_MONTHS);
  ensureStatsSummary(db);
  expect(kept).toEqual(snapshot(db));
  const fromRecords = db
    .prepare(
      `SELECT period, mode, coalesce(district_id, 0) AS d, coalesce(platform_id, 0) AS p, count(*) AS records,
         round(sum(contracted_fdi), 4) AS c, round(sum(actual_fdi), 4) AS a,
         sum(mode = 'new' AND id = (SELECT x.id FROM fdi_record x WHERE x.mode = 'new' AND coalesce(x.enterprise_id, -x.id) = coalesce(r.enterprise_id, -r.id)
           ORDER BY x.period, x.id LIMIT 1)) AS n
       FROM fdi_record r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
  const fromSummary = db
    .prepare(
      `SELECT period, mode, district AS d, platform AS p, sum(records) AS records, round(sum(c), 4) AS c, round(sum(a), 4) AS a, sum(n) AS n
       FROM stats_cube_place WHERE ${MONTH} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
  expect(fromSummary).toEqual(fromRecords);
  // a year's and a quarter's rows are their months added up
  const years = db.prepare('SELECT period, sum(records) AS r, round(sum(a), 4) AS a FROM stats_cube_industry WHERE length(period) = 4 GROUP BY 1 ORDER BY 1').all();
  const byYear = db.prepare(`SELECT substr(period, 1, 4) AS period, sum(records) AS r, round(sum(a), 4) AS a FROM stats_cube_industry WHERE ${MONTH} GROUP BY 1 ORDER BY 1`).all();
  expect(years).toEqual(byYear);
  const quarters = db.prepare("SELECT period, sum(records) AS r, round(sum(a), 4) AS a FROM stats_cube_country WHERE period LIKE '%-Q%' GROUP BY 1 ORDER BY 1").all();
  const byQuarter = db
    .prepare(`SELECT substr(period, 1, 4) || '-Q' || ((substr(period, 6, 2) + 2) / 3) AS period, sum(records) AS r, round(sum(a), 4) AS a FROM stats_cube_country WHERE ${MONTH} GROUP BY 1 ORDER BY 1`)
    .all();
  expect(quarters).toEqual(byQuarter);
  expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBe(0);
}

describe('the stats summary, kept with each commit, undo and edit', () => {
  it('equals the records after imports, an undo, a merge, a share and a rate — and after a write that told it nothing', async () => {
    const b = await fdiBackend({ demo: true });
    const db = b.ctx.db;
    expectSummaryMatchesRecords(db); // demo data is written straight into the tables: found by its ids
    const dir = tempDir();
    const first = await importFile(b, await writeReturnXlsx(path.join(dir, '江北区.xlsx'), makeRecords(40, { seed: 1, prefix: '江北' }), { title: '江北区外资' }), { district: '江北区' });
    // a second return with firms of the first (their first 新设 record may move earlier or later)
    const second = await importFile(b, await writeReturnXlsx(path.join(dir, '江南区.xlsx'), makeRecords(40, { seed: 1, prefix: '江北' }).slice(0, 10).map((r) => ({ ...r, cells: { ...r.cells, date: '2024-11-03', mode: '新设' }, expected: r.expected })), {}), { district: '江南区', allowPartial: true });
    expect(first.batches[0]!.rows).toBe(40);
    expect(second.batches[0]!.rows).toBeGreaterThan(0);
    expectSummaryMatchesRecords(db);

    await call(b, 'fdiImport.undo', { batchId: second.batches[0]!.batchId });
    expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBeGreaterThan(0);
    // the undone batch's ids are given out again to the next import, before anything reads: still counted
    const third = await importFile(b, await writeReturnXlsx(path.join(dir, '江南区2.xlsx'), makeRecords(12, { seed: 4, prefix: '江南' }), {}), { district: '江南区' });
    expect(third.batches[0]!.rows).toBe(12);
    expectSummaryMatchesRecords(db);

    const [keep, merge] = db.prepare("SELECT id FROM enterprise WHERE name LIKE '江北%' ORDER BY id LIMIT 2").pluck().all() as number[];
    db.prepare('UPDATE enterprise SET uscc = NULL WHERE id = ?').run(merge);
    await call(b, 'enterprises.merge', { keepId: keep, mergeId: merge });
    expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBeGreaterThan(0);
    expectSummaryMatchesRecords(db);

    const reinvesting = db.prepare("SELECT enterprise_id FROM fdi_record WHERE mode = 'domestic_reinvestment' LIMIT 1").pluck().get() as number;
    await call(b, 'enterprises.update', { id: reinvesting, foreignShare: 40 });
    expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBeGreaterThan(0);
    expectSummaryMatchesRecords(db);

    // marked months refreshed by another connection, its first refresh (another process: the CLI)
    await call(b, 'stats.saveRate', { period: '2025', rate: 7.2, source: '年平均' });
    const other = new Database(b.ctx.dbPath);
    try {
      ensureStatsSummary(other);
    } finally {
      other.close();
    }
    expect(db.prepare('SELECT count(*) FROM stats_dirty').pluck().get()).toBe(0);
    expectSummaryMatchesRecords(db);
    expect(db.prepare("SELECT count(*) FROM stats_cube_place WHERE period LIKE '2025%' AND a_cny IS NULL").pluck().get()).toBe(0);

    // a file imported again in place of its batch (undo and import in one transaction), with its months moved
    const moved = makeRecords(12, { seed: 4, prefix: '江南' }).map((r, i) => ({ ...r, cells: { ...r.cells, date: `2025-0${1 + (i % 3)}-15` } }));
    const replaced = await importFile(b, await writeReturnXlsx(path.join(dir, '江南区2.xlsx'), moved, {}), { district: '江南区', replaceBatch: third.batches[0]!.batchId });
    expect(replaced.replaced).toEqual([third.batches[0]!.batchId]);
    expectSummaryMatchesRecords(db);

    // a reference list the keys depend on (the excluded divisions) edited: every month
    await call(b, 'reference.saveList', { list: 'scope:excl-finance', items: [{ code: '66' }], source: '本局口径：仅不含银行', version: '2026-01' });
    expect(db.prepare('SELECT period FROM stats_dirty').pluck().all()).toEqual([ALL_MONTHS]);
    expectSummaryMatchesRecords(db);
    const finance = (sql: string) => db.prepare(sql).get() as { records: number; a: number };
    expect(finance(`SELECT sum(records) AS records, round(sum(a), 4) AS a FROM stats_cube_country WHERE fin = 1 AND ${MONTH}`)).toEqual(
      finance("SELECT count(*) AS records, round(sum(actual_fdi), 4) AS a FROM fdi_record WHERE substr(industry_code, 1, 2) = '66' AND industry_code GLOB '[0-9]*'"),
    );

    // a writer that marks nothing (a script, an old tool): the record count gives it away
    db.prepare("INSERT INTO fdi_record (period, enterprise_name, mode, actual_fdi, created_at) VALUES ('2025-05', '脚本写入', 'new', 99, 'x')").run();
    const before = db.prepare("SELECT sum(a) FROM stats_cube_place WHERE period = '2025-05'").pluck().get() as number;
    ensureStatsSummary(db);
    expect(db.prepare("SELECT sum(a) FROM stats_cube_place WHERE period = '2025-05'").pluck().get()).toBeCloseTo(before + 99, 4);
    expectSummaryMatchesRecords(db);
  }, 120_000);
});
