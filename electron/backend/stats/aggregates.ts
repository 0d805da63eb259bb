import { DEVELOPMENT_ZONE_TYPES } from '../../../shared/domain/platform';
import type { FdiMode } from '../../../shared/domain/fdi';
import { FDI_MODE_CODES } from '../../../shared/domain/fdi';
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
const MEASURES = `count(DISTINCT CASE WHEN r.mode = 'new' THEN ${ENTERPRISE} END) AS n, count(*) AS records,
  coalesce(sum(r.contracted_fdi), 0) AS c, coalesce(sum(r.actual_fdi), 0) AS a`;
const IN_RANGE = 'r.period BETWEEN @from AND @to';

// CROSS JOIN keeps the reference table as the outer loop: one index range of fdi_record per code, read in group order.
const SQL = {
  industry: `SELECT i.code AS k, ${MEASURES} FROM ref_industry i CROSS JOIN fdi_record r
    ON r.industry_code = i.code AND ${IN_RANGE} GROUP BY i.code`,
  industryNone: `SELECT ${MEASURES} FROM fdi_record r WHERE r.industry_code IS NULL AND ${IN_RANGE}`,
  country: `SELECT i.code AS k, ${MEASURES} FROM ref_country i CROSS JOIN fdi_record r
    ON r.country_code = i.code AND ${IN_RANGE} GROUP BY i.code`,
  countryNone: `SELECT ${MEASURES} FROM fdi_record r WHERE r.country_code IS NULL AND ${IN_RANGE}`,
  group: `SELECT g.group_code AS k, ${MEASURES} FROM ref_country_group_member g CROSS JOIN fdi_record r
    ON r.country_code = g.country_code AND ${IN_RANGE}
      AND (g.valid_from IS NULL OR r.period >= g.valid_from) AND (g.valid_to IS NULL OR r.period <= g.valid_to)
    GROUP BY g.group_code`,
  place: `SELECT c.mode, c.district_id AS districtId, c.platform_id AS platformId, ${MEASURES}
    FROM temp.stats_place c CROSS JOIN fdi_record r
    ON r.mode = c.mode AND r.district_id IS c.district_id AND r.platform_id IS c.platform_id AND ${IN_RANGE}
    GROUP BY c.k`,
  exactNew: `SELECT count(DISTINCT ${ENTERPRISE}) AS total,
      count(DISTINCT CASE WHEN r.industry_code IN (SELECT industry_code FROM ref_hightech) THEN ${ENTERPRISE} END) AS highTech,
      count(DISTINCT CASE WHEN r.industry_code IN (SELECT industry_code FROM ref_hightech WHERE kind = 'manufacturing')
        THEN ${ENTERPRISE} END) AS highTechManufacturing,
      count(DISTINCT CASE WHEN r.industry_code IN (SELECT industry_code FROM ref_hightech WHERE kind = 'services')
        THEN ${ENTERPRISE} END) AS highTechServices,
      count(DISTINCT CASE WHEN c.platform_id IN (SELECT id FROM platform WHERE type IN (SELECT value FROM json_each(@devZoneTypes)))
        THEN ${ENTERPRISE} END) AS devZone,
      count(DISTINCT CASE WHEN c.platform_id IN (SELECT id FROM platform WHERE type = 'ftz_area') THEN ${ENTERPRISE} END) AS ftz
    FROM temp.stats_place c CROSS JOIN fdi_record r
    ON r.mode = c.mode AND r.district_id IS c.district_id AND r.platform_id IS c.platform_id AND ${IN_RANGE}
    WHERE c.mode = 'new'`,
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

/** Reads all aggregates of one range: a handful of SQL aggregate queries over the covering indexes of migration 3. */
export function readAggregates(db: Db, from: string, to: string): RangeAggregates {
  const range = { from, to };
  fillPlaces(db);
  const all = (sql: string) => db.prepare(sql).all(range) as SumsRow[];
  const one = (sql: string) => db.prepare(sql).get(range) as Sums;
  return {
    byIndustry: keyed(all(SQL.industry), one(SQL.industryNone)),
    byCountry: keyed(all(SQL.country), one(SQL.countryNone)),
    byGroup: keyed(all(SQL.group)) as Map<string, Sums>,
    byPlace: (db.prepare(SQL.place).all(range) as Array<Sums & { mode: FdiMode; districtId: number | null; platformId: number | null }>)
      .filter((r) => r.records > 0)
      .map(({ mode, districtId, platformId, ...sums }) => ({ mode, districtId, platformId, sums })),
    exactNew: db.prepare(SQL.exactNew).get({ ...range, devZoneTypes: JSON.stringify(DEVELOPMENT_ZONE_TYPES) }) as ExactNewCounts,
  };
}
