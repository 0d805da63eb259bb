import type { StatsOptions } from '../../../shared/api/stats';
import type { DomesticReinvestmentRule, FdiMode } from '../../../shared/domain/fdi';
import { periodRange } from '../../../shared/rules/period';
import type { Db } from '../db/open';

/** Sums of one group of records: new enterprises (first 新设 records), records, contracted and actual FDI. */
export interface Sums {
  n: number;
  records: number;
  c: number;
  a: number;
}

export const ZERO: Sums = Object.freeze({ n: 0, records: 0, c: 0, a: 0 });

export function addSums(x: Sums, y: Sums): Sums {
  return { n: x.n + y.n, records: x.records + y.records, c: x.c + y.c, a: x.a + y.a };
}

export interface PlaceSums {
  mode: FdiMode;
  districtId: number | null;
  platformId: number | null;
  sums: Sums;
}

/** Everything the standard tables are built from, for one month range. */
export interface RangeAggregates {
  /** By division (two digits), or the code as stored when it is not under a division; `null`: no industry. */
  byIndustry: Map<string | null, Sums>;
  highTech: { manufacturing: Sums; services: Sums };
  byCountry: Map<string | null, Sums>;
  /** By country group, membership taken at each record's month. */
  byGroup: Map<string, Sums>;
  /** By mode × district × platform, every mode (境内再投资 too: whether it counts is the table builders' call). */
  byPlace: PlaceSums[];
}

/** What a read of the summary counts: the options, the 口径 resolved, and the districts it is limited to (comparable). */
export interface ReadOptions extends Pick<StatsOptions, 'scope' | 'currency'> {
  rule: DomesticReinvestmentRule;
  /** District ids (0: records without one) to keep, or null for all. */
  districts: number[] | null;
}

/**
 * The summary periods that make up a month range: whole calendar years as their year rows (YYYY), whole quarters of the
 * other years as quarter rows (YYYY-Qn), the months left one by one. Five years are five rows per key, not sixty; any
 * range is at most four months at each end, three quarters and the years between.
 */
export function summaryPeriods(from: string, to: string): string[] {
  const months = periodRange(from, to);
  const has = new Set(months);
  const out: string[] = [];
  for (let i = 0; i < months.length; ) {
    const m = months[i]!;
    const [y, mm] = [m.slice(0, 4), Number(m.slice(5, 7))];
    if (mm === 1 && has.has(`${y}-12`)) {
      out.push(y);
      i += 12;
    } else if (mm % 3 === 1 && has.has(`${y}-${String(mm + 2).padStart(2, '0')}`)) {
      out.push(`${y}-Q${(mm + 2) / 3}`);
      i += 3;
    } else {
      out.push(m);
      i += 1;
    }
  }
  return out;
}

const MEASURE_COLUMNS = {
  usd: { plain: ['c', 'a'], weighted: ['cw', 'aw'] },
  cny: { plain: ['c_cny', 'a_cny'], weighted: ['cw_cny', 'aw_cny'] },
} as const;

/** The SQL pieces over a summary table `s`: the measures in the currency and 口径, and the conditions of the options. */
function pieces(o: ReadOptions, table: 'industry' | 'country' | 'place') {
  const [c, a] = MEASURE_COLUMNS[o.currency][o.rule === 'byForeignShare' ? 'weighted' : 'plain'];
  const where: string[] = ['s.period IN (SELECT value FROM json_each(@periods))'];
  // the place table keeps 境内再投资 in: the mode table shows it as a row of its own, counted or not
  if (o.rule === 'excluded' && table !== 'place') where.push('s.dr = 0');
  if (o.scope === 'excl-finance') {
    where.push(table === 'industry' ? "s.ind NOT IN (SELECT division FROM ref_scope_division WHERE scope = 'excl-finance')" : 's.fin = 0');
  }
  if (o.districts) where.push('s.district IN (SELECT value FROM json_each(@districts))');
  return {
    measures: `sum(s.records) AS records, sum(s.n) AS n, coalesce(sum(s.${c}), 0) AS c, coalesce(sum(s.${a}), 0) AS a`,
    where: where.join(' AND '),
  };
}

type Row<K extends string> = Sums & Record<K, string | number>;

function toMap(rows: Array<Row<'k'>>): Map<string | null, Sums> {
  return new Map(rows.map(({ k, n, records, c, a }) => [k === '' ? null : String(k), { n, records, c, a }]));
}

/** Group sums: undated members' country sums, plus the dated members' sums for the months they belonged. */
function groupSums(db: Db, o: ReadOptions, params: object, byCountry: Map<string | null, Sums>, months: string[]): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  const add = (code: string, sums: Sums) => groups.set(code, addSums(groups.get(code) ?? ZERO, sums));
  const undated = db.prepare('SELECT group_code AS g, country_code AS c FROM ref_country_group_member WHERE valid_from IS NULL AND valid_to IS NULL').all() as Array<{ g: string; c: string }>;
  for (const { g, c } of undated) add(g, byCountry.get(c) ?? ZERO);
  const { measures, where } = pieces(o, 'country');
  const dated = db
    .prepare(
      `SELECT g.group_code AS k, ${measures} FROM ref_country_group_member g CROSS JOIN json_each(@months) m
       CROSS JOIN stats_cube_country s ON s.period = m.value AND s.country = g.country_code
       WHERE (g.valid_from IS NOT NULL OR g.valid_to IS NOT NULL) AND (g.valid_from IS NULL OR m.value >= g.valid_from)
         AND (g.valid_to IS NULL OR m.value <= g.valid_to) AND ${where.replace('s.period IN (SELECT value FROM json_each(@periods))', '1')}
       GROUP BY g.group_code`,
    )
    .all({ ...params, months: JSON.stringify(months) }) as Array<Row<'k'>>;
  for (const { k, ...sums } of dated) add(String(k), sums);
  return groups;
}

/** Reads one range's aggregates from the summary (kept up to date by ensureStatsSummary). */
export function readAggregates(db: Db, from: string, to: string, o: ReadOptions): RangeAggregates {
  const params = { periods: JSON.stringify(summaryPeriods(from, to)), districts: JSON.stringify(o.districts ?? []) };
  const read = <K extends string>(table: 'industry' | 'country' | 'place', keys: string) => {
    const { measures, where } = pieces(o, table);
    return db.prepare(`SELECT ${keys}, ${measures} FROM stats_cube_${table} s WHERE ${where} GROUP BY ${keys.replace(/ AS \w+/g, '')}`).all(params) as Array<Row<K>>;
  };
  const industry = read<'k' | 'ht'>('industry', 's.ind AS k, s.ht AS ht');
  const byIndustry = new Map<string | null, Sums>();
  const highTech = { manufacturing: ZERO, services: ZERO };
  for (const { k, ht, ...sums } of industry) {
    const key = k === '' ? null : String(k);
    byIndustry.set(key, addSums(byIndustry.get(key) ?? ZERO, sums));
    if (ht === 1) highTech.manufacturing = addSums(highTech.manufacturing, sums);
    if (ht === 2) highTech.services = addSums(highTech.services, sums);
  }
  const byCountry = toMap(read<'k'>('country', 's.country AS k'));
  const byPlace = read<'mode' | 'd' | 'p'>('place', 's.mode AS mode, s.district AS d, s.platform AS p').map(({ mode, d, p, ...sums }) => ({
    mode: mode as FdiMode,
    districtId: d === 0 ? null : Number(d),
    platformId: p === 0 ? null : Number(p),
    sums,
  }));
  return { byIndustry, highTech, byCountry, byGroup: groupSums(db, o, params, byCountry, periodRange(from, to)), byPlace };
}

/** The districts (0: none) with any record in a range, whatever the scope or 口径. */
export function districtsWithRecords(db: Db, from: string, to: string): number[] {
  return db
    .prepare('SELECT DISTINCT district FROM stats_cube_place WHERE period IN (SELECT value FROM json_each(?)) AND records > 0 ORDER BY district')
    .pluck()
    .all(JSON.stringify(summaryPeriods(from, to))) as number[];
}

/** Months of a range with records but no 美元/人民币 rate (their 人民币 figures are unknown). */
export function monthsWithoutRate(db: Db, from: string, to: string): string[] {
  return db
    .prepare('SELECT DISTINCT period FROM stats_cube_place WHERE period IN (SELECT value FROM json_each(?)) AND c_cny IS NULL ORDER BY period')
    .pluck()
    .all(JSON.stringify(periodRange(from, to))) as string[];
}

/** 境内再投资 records of a range counted at 0 under byForeignShare: their enterprise has no foreign share. */
export function domesticWithoutShare(db: Db, from: string, to: string, districts: number[] | null): number {
  return db
    .prepare(
      `SELECT coalesce(sum(ns), 0) FROM stats_cube_place WHERE period IN (SELECT value FROM json_each(@periods))
       ${districts ? 'AND district IN (SELECT value FROM json_each(@districts))' : ''}`,
    )
    .pluck()
    .get({ periods: JSON.stringify(summaryPeriods(from, to)), districts: JSON.stringify(districts ?? []) }) as number;
}

/** Actual FDI of each month (its summary row), counted as the tables count it. */
export function monthlyActualFdi(db: Db, months: string[], o: ReadOptions): Map<string, number> {
  const { where } = pieces(o, 'place');
  const [, a] = MEASURE_COLUMNS[o.currency][o.rule === 'byForeignShare' ? 'weighted' : 'plain'];
  const counted = o.rule === 'excluded' ? "AND s.mode <> 'domestic_reinvestment'" : '';
  const rows = db
    .prepare(`SELECT s.period AS k, coalesce(sum(s.${a}), 0) AS a FROM stats_cube_place s WHERE ${where} ${counted} GROUP BY s.period`)
    .all({ periods: JSON.stringify(months), districts: JSON.stringify(o.districts ?? []) }) as Array<{ k: string; a: number }>;
  return new Map(rows.map((r) => [r.k, r.a]));
}
