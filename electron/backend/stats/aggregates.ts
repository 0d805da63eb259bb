import { DEVELOPMENT_ZONE_TYPES, type PlatformType } from '../../../shared/domain/platform';
import type { FdiMode } from '../../../shared/domain/fdi';
import { FDI_MODE_CODES } from '../../../shared/domain/fdi';
import { periodRange } from '../../../shared/rules/period';
import type { Db } from '../db/open';

/** Unrounded sums of one group of records: distinct new enterprises, records, contracted and actual FDI (万美元). */
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

/** Distinct new enterprises counted over the whole range (not added up from groups), for the 总表. */
export interface ExactNewCounts {
  total: number;
  highTech: number;
  highTechManufacturing: number;
  highTechServices: number;
  devZone: number;
  ftz: number;
}

/** Everything the standard tables are built from, for one month range. */
export interface RangeAggregates {
  /** By the record's own industry code (a class, or whatever level was stored); `null` key: no industry. */
  byIndustry: Map<string | null, Sums>;
  byCountry: Map<string | null, Sums>;
  /** By country group, membership taken at each record's month. */
  byGroup: Map<string, Sums>;
  /** By mode × district × platform: every record in exactly one of these. */
  byPlace: PlaceSums[];
  exactNew: ExactNewCounts;
}

/**
 * An enterprise is its linked id; a record not linked to an enterprise counts as an enterprise of its own (its
 * negated row id), so it is never silently dropped from 新设企业数.
 */
const ENTERPRISE = 'coalesce(r.enterprise_id, -r.id)';
const SUMS = 'count(*) AS records, coalesce(sum(r.contracted_fdi), 0) AS c, coalesce(sum(r.actual_fdi), 0) AS a';
const NEW = `count(DISTINCT ${ENTERPRISE}) AS n`;
/** A dated group member counts only in the months it belonged to the group. */
const MEMBER_IN_MONTH = '(g.valid_from IS NULL OR m.value >= g.valid_from) AND (g.valid_to IS NULL OR m.value <= g.valid_to)';
/** The months of the range, as the inner loop: one index range per month and group value. */
const MONTH = 'json_each(@months) m';

/**
 * Each breakdown is two reads: the sums over every record (the narrow `fdi_record_stats_*` indexes), and the new
 * enterprises counted distinct over 新设 records only (the partial `fdi_record_stats_new_*` indexes, which hold only
 * those). CROSS JOIN keeps the written order of the loops: the reference table outermost (read in code order, so the
 * GROUP BY needs no sort), the months inside it, and one index range of fdi_record per pair.
 */
const SQL = {
  industry: `SELECT i.code AS k, ${SUMS} FROM ref_industry i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.industry_code = i.code GROUP BY i.code`,
  industryNew: `SELECT i.code AS k, ${NEW} FROM ref_industry i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.industry_code = i.code AND r.mode = 'new' GROUP BY i.code`,
  country: `SELECT i.code AS k, ${SUMS} FROM ref_country i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = i.code GROUP BY i.code`,
  countryNew: `SELECT i.code AS k, ${NEW} FROM ref_country i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = i.code AND r.mode = 'new' GROUP BY i.code`,
  // records without an industry or a country are few: one read each, both measures
  industryNone: `SELECT count(DISTINCT CASE WHEN r.mode = 'new' THEN ${ENTERPRISE} END) AS n, ${SUMS}
    FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.industry_code IS NULL`,
  countryNone: `SELECT count(DISTINCT CASE WHEN r.mode = 'new' THEN ${ENTERPRISE} END) AS n, ${SUMS}
    FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.country_code IS NULL`,
  // Groups: sums of members that always belong come from the country sums; members that joined or left (dated rows)
  // are summed here for their months only; new enterprises are counted distinct over the whole group.
  groupDated: `SELECT g.group_code AS k, ${SUMS} FROM ref_country_group_member g CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = g.country_code
    WHERE (g.valid_from IS NOT NULL OR g.valid_to IS NOT NULL) AND ${MEMBER_IN_MONTH} GROUP BY g.group_code`,
  groupNew: `SELECT g.group_code AS k, ${NEW} FROM ref_country_group_member g CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = g.country_code AND r.mode = 'new'
    WHERE ${MEMBER_IN_MONTH} GROUP BY g.group_code`,
  place: `SELECT c.k, ${SUMS} FROM temp.stats_place c CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.mode = c.mode AND r.district_id IS c.district_id AND r.platform_id IS c.platform_id
    GROUP BY c.k`,
  placeNew: `SELECT c.k, ${NEW} FROM temp.stats_place c CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.mode = 'new' AND r.district_id IS c.district_id AND r.platform_id IS c.platform_id
    WHERE c.mode = 'new' GROUP BY c.k`,
  // the 总表's distinct counts, each reading only the 新设 records it counts
  newTotal: `SELECT ${NEW} FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.mode = 'new'`,
  newInClasses: `SELECT ${NEW} FROM json_each(@codes) h CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.industry_code = h.value AND r.mode = 'new'`,
  newInPlatforms: `SELECT ${NEW} FROM temp.stats_place c CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.mode = 'new' AND r.district_id IS c.district_id AND r.platform_id = c.platform_id
    WHERE c.mode = 'new' AND c.platform_id IN (SELECT value FROM json_each(@platforms))`,
} as const;

/**
 * Every mode × district × platform (with "none" for each), numbered in order so that grouping by the number follows
 * the outer loop and needs no sort. A temp table lives with this connection only and is refilled on each call,
 * since districts and platforms can change between calls.
 */
function fillPlaces(db: Db): Array<{ k: number; mode: FdiMode; districtId: number | null; platformId: number | null }> {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_place (
    k INTEGER PRIMARY KEY, mode TEXT NOT NULL, district_id INTEGER, platform_id INTEGER)`);
  db.exec('DELETE FROM temp.stats_place');
  db.prepare(
    `INSERT INTO temp.stats_place (mode, district_id, platform_id)
     SELECT m.value, d.id, p.id FROM json_each(?) m,
       (SELECT id FROM main.district UNION ALL SELECT NULL) d, (SELECT id FROM main.platform UNION ALL SELECT NULL) p`,
  ).run(JSON.stringify(FDI_MODE_CODES));
  return db.prepare('SELECT k, mode, district_id AS districtId, platform_id AS platformId FROM temp.stats_place').all() as never;
}

type SumsRow = Omit<Sums, 'n'> & { k: string | number };
type NewRow = { k: string | number; n: number };

/** Sums and distinct new counts of the same keys, joined. */
function merge<K extends string | number>(sums: SumsRow[], news: NewRow[]): Map<K, Sums> {
  const map = new Map<K, Sums>();
  for (const { k, ...s } of sums) map.set(k as K, { n: 0, ...s });
  for (const { k, n } of news) map.set(k as K, { ...(map.get(k as K) ?? ZERO), n });
  return map;
}

function withNone(map: Map<string, Sums>, none: Sums): Map<string | null, Sums> {
  const out = map as Map<string | null, Sums>;
  if (none.records > 0) out.set(null, none);
  return out;
}

/** The 总表's new enterprises, counted distinct over the whole range: all, high-tech, in 开发区, in 自贸试验区. */
function exactNewCounts(db: Db, range: { months: string }): ExactNewCounts {
  const count = (sql: string, params: object) => (db.prepare(sql).get({ ...range, ...params }) as { n: number }).n;
  const classes = (where: string) => JSON.stringify((db.prepare(`SELECT DISTINCT industry_code FROM ref_hightech ${where}`).raw().all() as unknown[][]).map((r) => r[0]));
  const platforms = db.prepare('SELECT id, type FROM platform').all() as Array<{ id: number; type: PlatformType }>;
  const ids = (keep: (type: PlatformType) => boolean) => JSON.stringify(platforms.filter((p) => keep(p.type)).map((p) => p.id));
  return {
    total: count(SQL.newTotal, {}),
    highTech: count(SQL.newInClasses, { codes: classes('') }),
    highTechManufacturing: count(SQL.newInClasses, { codes: classes("WHERE kind = 'manufacturing'") }),
    highTechServices: count(SQL.newInClasses, { codes: classes("WHERE kind = 'services'") }),
    devZone: count(SQL.newInPlatforms, { platforms: ids((t) => DEVELOPMENT_ZONE_TYPES.includes(t)) }),
    ftz: count(SQL.newInPlatforms, { platforms: ids((t) => t === 'ftz_area') }),
  };
}

/** Group sums: undated members' country sums, plus the dated members' sums for their months; distinct new counts. */
function groupSums(db: Db, range: object, byCountry: Map<string | null, Sums>): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  const add = (code: string, sums: Sums) => groups.set(code, addSums(groups.get(code) ?? ZERO, sums));
  const undated = db.prepare('SELECT group_code AS g, country_code AS c FROM ref_country_group_member WHERE valid_from IS NULL AND valid_to IS NULL').all() as Array<{ g: string; c: string }>;
  for (const { g, c } of undated) add(g, { ...(byCountry.get(c) ?? ZERO), n: 0 });
  for (const { k, ...sums } of db.prepare(SQL.groupDated).all(range) as SumsRow[]) add(String(k), { n: 0, ...sums });
  for (const { k, n } of db.prepare(SQL.groupNew).all(range) as NewRow[]) add(String(k), { ...ZERO, n });
  return groups;
}

/** Reads all aggregates of one range: a handful of SQL aggregate queries over the covering indexes of migration 3. */
export function readAggregates(db: Db, from: string, to: string): RangeAggregates {
  const range = { months: JSON.stringify(periodRange(from, to)) };
  const places = fillPlaces(db);
  const all = <T>(sql: string) => db.prepare(sql).all(range) as T[];
  const one = (sql: string) => db.prepare(sql).get(range) as Sums;
  const byCountry = withNone(merge<string>(all(SQL.country), all(SQL.countryNew)), one(SQL.countryNone));
  const byPlace = merge<number>(all(SQL.place), all(SQL.placeNew));
  return {
    byIndustry: withNone(merge<string>(all(SQL.industry), all(SQL.industryNew)), one(SQL.industryNone)),
    byCountry,
    byGroup: groupSums(db, range, byCountry),
    byPlace: places.flatMap(({ k, ...place }) => {
      const sums = byPlace.get(k);
      return sums && sums.records > 0 ? [{ ...place, sums }] : [];
    }),
    exactNew: exactNewCounts(db, range),
  };
}
