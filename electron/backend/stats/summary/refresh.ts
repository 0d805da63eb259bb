import type { Db } from '../../db/open';
import { ALL_MONTHS } from './dirty';

/**
 * The stats summary: sums of fdi_record by month (and by quarter and year, the sums of their months) for the keys the
 * standard tables break down by, so any range — five years included — is a few thousand summary rows instead of a
 * million records.
 *
 * Correct by construction: every summary row is recomputed from the records of its month, never adjusted by deltas.
 * Writers that change or delete records mark their months (dirty.ts); records added are found by their ids, above the
 * highest the summary has seen. `ensureStatsSummary` recomputes those months (and the months where an enterprise's first
 * 新设 record was or now is, when it moved) before anything reads the summary. tests/stats/summary.test.ts compares
 * the summary with the records after imports, undo, merges and edits.
 *
 * 新设企业数 is counted at each enterprise's first 新设 record (stats_first_new): an enterprise is set up once, so it
 * counts once — in the month, industry, country, district and platform of that record — and every breakdown adds up.
 */

export interface CubeSpec {
  table: string;
  /** The key columns after period, and the expressions (over fdi_record r) that fill them. */
  keys: Array<[column: string, expression: string]>;
}

const IND = `CASE WHEN r.industry_code IS NULL THEN '' WHEN r.industry_code GLOB '[0-9][0-9]*' THEN substr(r.industry_code, 1, 2) ELSE r.industry_code END`;
const DR = `(r.mode = 'domestic_reinvestment')`;
const FIN = '(f.division IS NOT NULL)';

export const CUBES = {
  industry: { table: 'stats_cube_industry', keys: [['ind', IND], ['ht', 'coalesce(h.kind, 0)'], ['dr', DR]] },
  country: { table: 'stats_cube_country', keys: [['country', "coalesce(r.country_code, '')"], ['fin', FIN], ['dr', DR]] },
  place: { table: 'stats_cube_place', keys: [['mode', 'r.mode'], ['fin', FIN], ['platform', 'coalesce(r.platform_id, 0)']] },
} satisfies Record<string, CubeSpec>;

const MEASURES = ['records', 'n', 'ns', 'c', 'a', 'cw', 'aw', 'c_cny', 'a_cny', 'cw_cny', 'aw_cny'] as const;

/** 境内再投资 counts by the receiving enterprise's foreign share (0 when none is kept; `ns` counts those). */
const WEIGHT = `(CASE WHEN r.mode = 'domestic_reinvestment' THEN coalesce(e.foreign_share, 0) / 100.0 ELSE 1 END)`;
/** 万美元 × 元/美元 = 万元; ÷ 10000 = 亿元. Null where the month has no rate. */
const CNY = '(x.rate / 10000.0)';
const MONTH_MEASURES = [
  'count(*)',
  'count(fn.record_id)',
  "sum(r.mode = 'domestic_reinvestment' AND e.foreign_share IS NULL)",
  'sum(r.contracted_fdi)',
  'sum(r.actual_fdi)',
  `sum(r.contracted_fdi * ${WEIGHT})`,
  `sum(r.actual_fdi * ${WEIGHT})`,
  `sum(r.contracted_fdi * ${CNY})`,
  `sum(r.actual_fdi * ${CNY})`,
  `sum(r.contracted_fdi * ${WEIGHT} * ${CNY})`,
  `sum(r.actual_fdi * ${WEIGHT} * ${CNY})`,
];
const JOINS = `LEFT JOIN stats_first_new fn ON fn.record_id = r.id
  LEFT JOIN enterprise e ON e.id = r.enterprise_id AND r.mode = 'domestic_reinvestment'
  LEFT JOIN temp.stats_ht h ON h.code = r.industry_code
  LEFT JOIN temp.stats_fin f ON f.division = substr(r.industry_code, 1, 2) AND r.industry_code GLOB '[0-9][0-9]*'
  LEFT JOIN temp.stats_rate x ON x.period = r.period`;

function monthSql(cube: CubeSpec): string {
  const keys = cube.keys.map(([, e]) => e);
  const groups = keys.map((_, i) => i + 2).concat(keys.length + 2);
  return `INSERT INTO ${cube.table} (period, ${cube.keys.map(([c]) => c).join(', ')}, district, ${MEASURES.join(', ')})
    SELECT r.period, ${keys.join(', ')}, coalesce(r.district_id, 0), ${MONTH_MEASURES.join(', ')}
    FROM fdi_record r ${JOINS} WHERE r.period = ? GROUP BY ${groups.join(', ')}`;
}

/**
 * A quarter's or year's rows (`@period` YYYY-Qn or YYYY): the sum of its months (`@from`..`@to`); a 人民币 sum only when
 * every month with records had a rate.
 */
function rollupSql(cube: CubeSpec): string {
  const cols = cube.keys.map(([c]) => c).concat('district');
  const sums = MEASURES.map((m) => (m.endsWith('_cny') ? `CASE WHEN count(${m}) = count(*) THEN sum(${m}) END` : `sum(${m})`));
  return `INSERT INTO ${cube.table} (period, ${cols.join(', ')}, ${MEASURES.join(', ')})
    SELECT @period, ${cols.join(', ')}, ${sums.join(', ')} FROM ${cube.table}
    WHERE period BETWEEN @from AND @to GROUP BY ${cols.join(', ')}`;
}

/** The quarters (YYYY-Qn) and years a set of months touches, with their first and last month. */
export function rollupsOf(months: readonly string[]): Array<{ period: string; from: string; to: string }> {
  const out = new Map<string, { period: string; from: string; to: string }>();
  for (const m of months) {
    const [y, mm] = [m.slice(0, 4), Number(m.slice(5, 7))];
    const q = Math.ceil(mm / 3);
    const pad = (n: number) => String(n).padStart(2, '0');
    out.set(`${y}-Q${q}`, { period: `${y}-Q${q}`, from: `${y}-${pad(q * 3 - 2)}`, to: `${y}-${pad(q * 3)}` });
    out.set(y, { period: y, from: `${y}-01`, to: `${y}-12` });
  }
  return [...out.values()];
}

/** This connection's work tables for a refresh. */
function createTemps(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_ht (code TEXT PRIMARY KEY, kind INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_fin (division TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_rate (period TEXT PRIMARY KEY, rate REAL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_ekey (ekey INTEGER PRIMARY KEY);`);
}

/** The lists the keys depend on, and the rate of each month refreshed (its month's, else its year's average). */
function fillLookups(db: Db, months: readonly string[]): void {
  db.exec(`DELETE FROM temp.stats_ht; DELETE FROM temp.stats_fin; DELETE FROM temp.stats_rate;
    INSERT OR IGNORE INTO temp.stats_ht SELECT industry_code, 1 FROM main.ref_hightech WHERE kind = 'manufacturing';
    INSERT OR IGNORE INTO temp.stats_ht SELECT industry_code, 2 FROM main.ref_hightech WHERE kind = 'services';
    INSERT INTO temp.stats_fin SELECT division FROM main.ref_scope_division WHERE scope = 'excl-finance';`);
  const rate = db.prepare(
    `INSERT INTO temp.stats_rate SELECT @m, coalesce((SELECT rate FROM main.fx_rate WHERE period = @m), (SELECT rate FROM main.fx_rate WHERE period = substr(@m, 1, 4)))`,
  );
  for (const m of months) rate.run({ m });
}

/** Recomputes the first 新设 record of every enterprise. */
function rebuildFirstNew(db: Db): void {
  db.exec(`DELETE FROM stats_first_new;
    INSERT INTO stats_first_new (ekey, record_id, period)
    SELECT ekey, id, period FROM (
      SELECT coalesce(enterprise_id, -id) AS ekey, id, period,
        row_number() OVER (PARTITION BY coalesce(enterprise_id, -id) ORDER BY period, id) AS k
      FROM fdi_record WHERE mode = 'new')
    WHERE k = 1`);
}

/**
 * Recomputes the first 新设 record of the enterprises with a 新设 record in `months` or whose first one was there;
 * returns the months where a first 新设 record moved from or to (their counts change). Most touched enterprises keep
 * theirs: only the moves count, or a month's refresh would spread over every month those firms were set up in.
 */
function updateFirstNew(db: Db, months: readonly string[]): string[] {
  db.exec('DELETE FROM temp.stats_ekey');
  const fromRecords = db.prepare("INSERT OR IGNORE INTO temp.stats_ekey SELECT coalesce(enterprise_id, -id) FROM fdi_record WHERE period = ? AND mode = 'new'");
  const fromFirst = db.prepare('INSERT OR IGNORE INTO temp.stats_ekey SELECT ekey FROM stats_first_new WHERE period = ?');
  for (const m of months) {
    fromRecords.run(m);
    fromFirst.run(m);
  }
  const firsts = () =>
    new Map(
      (db.prepare('SELECT ekey, record_id, period FROM stats_first_new WHERE ekey IN (SELECT ekey FROM temp.stats_ekey)').raw().all() as Array<[number, number, string]>).map(
        ([k, id, p]) => [k, { id, p }],
      ),
    );
  const before = firsts();
  db.exec(`DELETE FROM stats_first_new WHERE ekey IN (SELECT ekey FROM temp.stats_ekey);
    INSERT INTO stats_first_new (ekey, record_id, period)
    SELECT k.ekey, x.id, x.period FROM temp.stats_ekey k JOIN fdi_record x ON x.id = CASE WHEN k.ekey > 0
      THEN (SELECT y.id FROM fdi_record y WHERE y.enterprise_id = k.ekey AND y.mode = 'new' ORDER BY y.period, y.id LIMIT 1)
      ELSE (SELECT y.id FROM fdi_record y WHERE y.id = -k.ekey AND y.enterprise_id IS NULL AND y.mode = 'new') END`);
  const after = firsts();
  const moved = new Set<string>();
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(k), after.get(k)];
    // ids are given out again after an undo: the same id may be another record, in another month
    if (b?.id === a?.id && b?.p === a?.p) continue;
    if (b) moved.add(b.p);
    if (a) moved.add(a.p);
  }
  return [...moved];
}

/** Whether the summary needs work: months marked, or records above the highest id it has seen (their months). */
function pending(db: Db): { all: boolean; months: string[]; maxId: number } | null {
  const dirty = db.prepare('SELECT period FROM stats_dirty').pluck().all() as string[];
  const seen = db.prepare('SELECT max_id FROM stats_state').pluck().get() as number;
  const maxId = (db.prepare('SELECT max(id) FROM fdi_record').pluck().get() as number | null) ?? 0;
  if (!dirty.length && maxId <= seen) return null;
  const added = maxId > seen ? (db.prepare('SELECT DISTINCT period FROM fdi_record WHERE id > ?').pluck().all(seen) as string[]) : [];
  return { all: dirty.includes(ALL_MONTHS), months: [...new Set([...dirty.filter((m) => m !== ALL_MONTHS), ...added])], maxId };
}

/** Recomputes the summary where needed; a no-op (a few cheap reads) when it is up to date. */
export function ensureStatsSummary(db: Db): void {
  if (!pending(db)) return;
  // IMMEDIATE: the write lock first, then look again (another connection may have refreshed meanwhile)
  db.transaction(() => {
    const work = pending(db);
    if (!work) return;
    createTemps(db);
    const cubes = Object.values(CUBES) as CubeSpec[];
    let months: string[];
    if (work.all) {
      months = db.prepare('SELECT DISTINCT period FROM fdi_record ORDER BY period').pluck().all() as string[];
      for (const cube of cubes) db.exec(`DELETE FROM ${cube.table}`);
      rebuildFirstNew(db);
    } else {
      months = [...new Set([...work.months, ...updateFirstNew(db, work.months)])].sort();
      const list = JSON.stringify(months);
      for (const cube of cubes) db.prepare(`DELETE FROM ${cube.table} WHERE period IN (SELECT value FROM json_each(?))`).run(list);
    }
    fillLookups(db, months);
    for (const cube of cubes) {
      const insert = db.prepare(monthSql(cube));
      for (const m of months) insert.run(m);
    }
    const rollups = rollupsOf(months);
    for (const cube of cubes) {
      const insert = db.prepare(rollupSql(cube));
      const remove = db.prepare(`DELETE FROM ${cube.table} WHERE period = ?`);
      for (const r of rollups) {
        remove.run(r.period);
        insert.run(r);
      }
    }
    db.exec('DELETE FROM stats_dirty');
    db.prepare('UPDATE stats_state SET max_id = ?').run(work.maxId);
  }).immediate();
}
