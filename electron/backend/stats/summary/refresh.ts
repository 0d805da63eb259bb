import type { Db } from '../../db/open';
import { ALL_MONTHS } from './dirty';

/**
 * The stats summary: sums of fdi_record by month (and by year, the sum of its months) for the keys the standard tables
 * break down by, so any range — five years included — is a few thousand summary rows instead of a million records.
 *
 * Correct by construction: every summary row is recomputed from the records of its month, never adjusted by deltas.
 * Writers mark the months they change (dirty.ts); `ensureStatsSummary` recomputes those months (and the months where
 * a touched enterprise's first 新设 record was or now is) before anything reads the summary. A change of the record
 * count that no writer accounted for refreshes everything. tests/stats/summary.test.ts compares the summary with the
 * records after imports, undo, merges and edits.
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

/** A year's rows: the sum of its months; a 人民币 sum only when every month with records had a rate. */
function yearSql(cube: CubeSpec): string {
  const cols = cube.keys.map(([c]) => c).concat('district');
  const sums = MEASURES.map((m) => (m.endsWith('_cny') ? `CASE WHEN count(${m}) = count(*) THEN sum(${m}) END` : `sum(${m})`));
  return `INSERT INTO ${cube.table} (period, ${cols.join(', ')}, ${MEASURES.join(', ')})
    SELECT @year, ${cols.join(', ')}, ${sums.join(', ')} FROM ${cube.table}
    WHERE period BETWEEN @year || '-01' AND @year || '-12' GROUP BY ${cols.join(', ')}`;
}

/** The lists the keys depend on, and the rate of each month refreshed (its month's, else its year's average). */
function fillLookups(db: Db, months: readonly string[]): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_ht (code TEXT PRIMARY KEY, kind INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_fin (division TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_rate (period TEXT PRIMARY KEY, rate REAL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS stats_ekey (ekey INTEGER PRIMARY KEY);
    DELETE FROM temp.stats_ht; DELETE FROM temp.stats_fin; DELETE FROM temp.stats_rate;
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
 * returns the months where their first 新设 records were and are now (their counts move).
 */
function updateFirstNew(db: Db, months: readonly string[]): string[] {
  db.exec('DELETE FROM temp.stats_ekey');
  const fromRecords = db.prepare("INSERT OR IGNORE INTO temp.stats_ekey SELECT coalesce(enterprise_id, -id) FROM fdi_record WHERE period = ? AND mode = 'new'");
  const fromFirst = db.prepare('INSERT OR IGNORE INTO temp.stats_ekey SELECT ekey FROM stats_first_new WHERE period = ?');
  for (const m of months) {
    fromRecords.run(m);
    fromFirst.run(m);
  }
  const touched = () => db.prepare('SELECT DISTINCT period FROM stats_first_new WHERE ekey IN (SELECT ekey FROM temp.stats_ekey)').pluck().all() as string[];
  const before = touched();
  db.exec(`DELETE FROM stats_first_new WHERE ekey IN (SELECT ekey FROM temp.stats_ekey);
    INSERT INTO stats_first_new (ekey, record_id, period)
    SELECT k.ekey, x.id, x.period FROM temp.stats_ekey k JOIN fdi_record x ON x.id = CASE WHEN k.ekey > 0
      THEN (SELECT y.id FROM fdi_record y WHERE y.enterprise_id = k.ekey AND y.mode = 'new' ORDER BY y.period, y.id LIMIT 1)
      ELSE (SELECT y.id FROM fdi_record y WHERE y.id = -k.ekey AND y.enterprise_id IS NULL AND y.mode = 'new') END`);
  return [...before, ...touched()];
}

function recordCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM fdi_record').pluck().get() as number;
}

/** Whether the summary needs work: months marked, or a record count no writer accounted for. */
function pending(db: Db): { all: boolean; months: string[]; records: number } | null {
  const dirty = db.prepare('SELECT period FROM stats_dirty').pluck().all() as string[];
  const stored = db.prepare('SELECT records FROM stats_state').pluck().get() as number;
  const records = recordCount(db);
  if (!dirty.length && stored === records) return null;
  const all = stored !== records || dirty.includes(ALL_MONTHS);
  return { all, months: dirty.filter((m) => m !== ALL_MONTHS), records };
}

/** Recomputes the summary where needed; a no-op (a few cheap reads) when it is up to date. */
export function ensureStatsSummary(db: Db): void {
  if (!pending(db)) return;
  // IMMEDIATE: the write lock first, then look again (another connection may have refreshed meanwhile)
  db.transaction(() => {
    const work = pending(db);
    if (!work) return;
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
    const years = [...new Set(months.map((m) => m.slice(0, 4)))];
    for (const cube of cubes) {
      const insert = db.prepare(yearSql(cube));
      for (const year of years) {
        db.prepare(`DELETE FROM ${cube.table} WHERE period = ?`).run(year);
        insert.run({ year });
      }
    }
    db.exec('DELETE FROM stats_dirty');
    db.prepare('UPDATE stats_state SET records = ?').run(work.records);
  }).immediate();
}
