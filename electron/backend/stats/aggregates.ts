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
const MEASURES = `count(DISTINCT CASE WHEN r.mode = 'new' THEN ${ENTERPRISE} END) AS n, ${SUMS}`;
/** A dated group member counts only in the months it belonged to the group. */
const MEMBER_IN_MONTH = '(g.valid_from IS NULL OR m.value >= g.valid_from) AND (g.valid_to IS NULL OR m.value <= g.valid_to)';
/** The months of the range, as the inner loop: one index range per month and group value. */
const MONTH = 'json_each(@months) m';

// CROSS JOIN keeps the written order of the loops: the reference table outermost (read in code order, so the GROUP BY
// needs no sort), the months inside it, and one index range of fdi_record per pair.
const SQL = {
  industry: `SELECT i.code AS k, ${MEASURES} FROM ref_industry i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.industry_code = i.code GROUP BY i.code`,
  industryNone: `SELECT ${MEASURES} FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.industry_code IS NULL`,
  country: `SELECT i.code AS k, ${MEASURES} FROM ref_country i CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = i.code GROUP BY i.code`,
  countryNone: `SELECT ${MEASURES} FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.country_code IS NULL`,
  // Groups: sums of members that always belong come from the country sums; members that joined or left (dated rows)
  // are summed here for their months only; new enterprises are counted distinct over the group, new records only.
  groupDated: `SELECT g.group_code AS k, 0 AS n, ${SUMS} FROM ref_country_group_member g CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.country_code = g.country_code
    WHERE (g.valid_from IS NOT NULL OR g.valid_to IS NOT NULL) AND ${MEMBER_IN_MONTH} GROUP BY g.group_code`,
  groupNew: `SELECT g.group_code AS k, count(DISTINCT ${ENTERPRISE}) AS n FROM ref_country_group_member g CROSS JOIN ${MONTH}
    CROSS JOIN fdi_record r ON r.period = m.value AND r.country_code = g.country_code AND r.mode = 'new'
    WHERE ${MEMBER_IN_MONTH} GROUP BY g.group_code`,
  place: `SELECT c.mode, c.district_id AS districtId, c.platform_id AS platformId, ${MEASURES}
    FROM temp.stats_place c CROSS JOIN ${MONTH} CROSS JOIN fdi_record r
    ON r.period = m.value AND r.mode = c.mode AND r.district_id IS c.district_id AND r.platform_id IS c.platform_id
    GROUP BY c.k`,
  // one row per enterprise with a new record, flagged by what it falls under; then counted
  exactNew: `SELECT count(*) AS total, total(ht) AS highTech, total(htm) AS highTechManufacturing, total(hts) AS highTechServices,
      total(dz) AS devZone, total(ftz) AS ftz
    FROM (SELECT max(r.industry_code IN (SELECT value FROM json_each(@highTech))) AS ht,
        max(r.industry_code IN (SELECT value FROM json_each(@highTechManufacturing))) AS htm,
        max(r.industry_code IN (SELECT value FROM json_each(@highTechServices))) AS hts,
        max(r.platform_id IN (SELECT value FROM json_each(@devZone))) AS dz,
        max(r.platform_id IN (SELECT value FROM json_each(@ftz))) AS ftz
      FROM ${MONTH} CROSS JOIN fdi_record r ON r.period = m.value AND r.mode = 'new' GROUP BY ${ENTERPRISE})`,
} as const;

/**
 * Every mode × district × platform (with "none" for each), numbered in order so that grouping by the number follows
 * the outer loop and needs no sort. A temp table lives with this connection only and is refilled on each call,
 * since districts and platforms can change between calls.
 */
function fillPlaces(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_place (
    k INTEGER PRIMARY KEY, mode TEXT NOT NULL, district_id INTEGER, platform_id INTEGER)`);
  db.exec('DELETE FROM temp.stats_place');
  db.prepare(
    `INSERT INTO temp.stats_place (mode, district_id, platform_id)
     SELECT m.value, d.id, p.id FROM json_each(?) m,
       (SELECT id FROM main.district UNION ALL SELECT NULL) d, (SELECT id FROM main.platform UNION ALL SELECT NULL) p`,
  ).run(JSON.stringify(FDI_MODE_CODES));
}

type SumsRow = Sums & { k: string };

function keyed(rows: SumsRow[], none?: Sums): Map<string | null, Sums> {
  const map = new Map<string | null, Sums>();
  for (const { k, ...sums } of rows) map.set(k, sums);
  if (none && none.records > 0) map.set(null, none);
  return map;
}

/** The sets the 总表's distinct counts test against, as JSON arrays for json_each. */
function classSets(db: Db): Record<string, string> {
  const codes = (sql: string) => JSON.stringify((db.prepare(sql).raw().all() as unknown[][]).map((r) => r[0]));
  return {
    highTech: codes('SELECT DISTINCT industry_code FROM ref_hightech'),
    highTechManufacturing: codes("SELECT industry_code FROM ref_hightech WHERE kind = 'manufacturing'"),
    highTechServices: codes("SELECT industry_code FROM ref_hightech WHERE kind = 'services'"),
    devZone: JSON.stringify((db.prepare('SELECT id, type FROM platform').all() as Array<{ id: number; type: PlatformType }>).filter((p) => DEVELOPMENT_ZONE_TYPES.includes(p.type)).map((p) => p.id)),
    ftz: codes("SELECT id FROM platform WHERE type = 'ftz_area'"),
  };
}

/** Group sums: undated members' country sums, plus the dated members' sums for their months; distinct new counts. */
function groupSums(db: Db, range: object, byCountry: Map<string | null, Sums>): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  const add = (code: string, sums: Sums) => groups.set(code, addSums(groups.get(code) ?? ZERO, sums));
  const undated = db.prepare('SELECT group_code AS g, country_code AS c FROM ref_country_group_member WHERE valid_from IS NULL AND valid_to IS NULL').all() as Array<{ g: string; c: string }>;
  for (const { g, c } of undated) add(g, { ...(byCountry.get(c) ?? ZERO), n: 0 });
  for (const { k, ...sums } of db.prepare(SQL.groupDated).all(range) as SumsRow[]) add(k, sums);
  for (const { k, n } of db.prepare(SQL.groupNew).all(range) as Array<{ k: string; n: number }>) add(k, { ...ZERO, n });
  return groups;
}

/** Reads all aggregates of one range: a handful of SQL aggregate queries over the covering indexes of migration 3. */
export function readAggregates(db: Db, from: string, to: string): RangeAggregates {
  const range = { months: JSON.stringify(periodRange(from, to)) };
  fillPlaces(db);
  const all = (sql: string) => db.prepare(sql).all(range) as SumsRow[];
  const one = (sql: string) => db.prepare(sql).get(range) as Sums;
  const byCountry = keyed(all(SQL.country), one(SQL.countryNone));
  return {
    byIndustry: keyed(all(SQL.industry), one(SQL.industryNone)),
    byCountry,
    byGroup: groupSums(db, range, byCountry),
    byPlace: (db.prepare(SQL.place).all(range) as Array<Sums & { mode: FdiMode; districtId: number | null; platformId: number | null }>)
      .filter((r) => r.records > 0)
      .map(({ mode, districtId, platformId, ...sums }) => ({ mode, districtId, platformId, sums })),
    exactNew: db.prepare(SQL.exactNew).get({ ...range, ...classSets(db) }) as ExactNewCounts,
  };
}
