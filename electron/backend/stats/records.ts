import type { RecordsFilter, StatsRecord } from '../../../shared/api/stats';
import { DEVELOPMENT_ZONE_TYPES } from '../../../shared/domain/platform';
import { roundReported } from '../../../shared/rules/money';
import type { Db } from '../db/open';

/**
 * The records behind a number: the same conditions the tables aggregate by, as SQL over fdi_record `r`.
 * Parameters are named so that conditions compose without counting placeholders.
 */
export function filterSql(filter: RecordsFilter): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.section !== undefined) {
    clauses.push('r.industry_code IN (SELECT code FROM ref_industry WHERE section = @section)');
    params.section = filter.section;
  }
  if (filter.division !== undefined) {
    clauses.push("r.industry_code GLOB '[0-9][0-9]*' AND substr(r.industry_code, 1, 2) = @division");
    params.division = filter.division;
  }
  if (filter.industry === null) clauses.push('r.industry_code IS NULL');
  else if (filter.industry !== undefined) {
    clauses.push('substr(r.industry_code, 1, length(@industry)) = @industry');
    params.industry = filter.industry;
  }
  if (filter.country === null) clauses.push('r.country_code IS NULL');
  else if (filter.country !== undefined) {
    clauses.push('r.country_code = @country');
    params.country = filter.country;
  }
  if (filter.group !== undefined) {
    clauses.push(`EXISTS (SELECT 1 FROM ref_country_group_member g WHERE g.group_code = @group AND g.country_code = r.country_code
      AND (g.valid_from IS NULL OR r.period >= g.valid_from) AND (g.valid_to IS NULL OR r.period <= g.valid_to))`);
    params.group = filter.group;
  }
  if (filter.mode !== undefined) {
    clauses.push('r.mode = @mode');
    params.mode = filter.mode;
  }
  if (filter.district !== undefined) {
    clauses.push('r.district_id IS @district');
    params.district = filter.district;
  }
  if (filter.platform !== undefined) {
    clauses.push('r.platform_id IS @platform');
    params.platform = filter.platform;
  }
  if (filter.platformType !== undefined) {
    clauses.push('r.platform_id IN (SELECT id FROM platform WHERE type = @platformType)');
    params.platformType = filter.platformType;
  }
  if (filter.devZone) {
    clauses.push('r.platform_id IN (SELECT id FROM platform WHERE type IN (SELECT value FROM json_each(@devZoneTypes)))');
    params.devZoneTypes = JSON.stringify(DEVELOPMENT_ZONE_TYPES);
  }
  if (filter.highTech !== undefined) {
    clauses.push(`r.industry_code IN (SELECT industry_code FROM ref_hightech ${filter.highTech === 'all' ? '' : 'WHERE kind = @highTech'})`);
    if (filter.highTech !== 'all') params.highTech = filter.highTech;
  }
  return { where: clauses.map((c) => `(${c})`).join(' AND ') || '1', params };
}

export interface RecordsPage {
  total: number;
  page: number;
  pageSize: number;
  sums: { records: number; newEnterprises: number; contractedFdi: number; actualFdi: number };
  rows: StatsRecord[];
}

/** One page of the records of a range that match a filter, oldest month first, with their sums. */
export function listRecords(db: Db, input: { from: string; to: string; filter: RecordsFilter; page: number; pageSize: number }): RecordsPage {
  const { where, params } = filterSql(input.filter);
  const all = { ...params, from: input.from, to: input.to };
  const base = `FROM fdi_record r WHERE r.period BETWEEN @from AND @to AND ${where}`;
  // sums and the distinct new enterprises apart, so that each reads a covering index (the new ones, 新设 records only)
  const sums = db
    .prepare(`SELECT count(*) AS records, coalesce(sum(r.contracted_fdi), 0) AS c, coalesce(sum(r.actual_fdi), 0) AS a ${base}`)
    .get(all) as { records: number; c: number; a: number };
  const { n } = db.prepare(`SELECT count(DISTINCT coalesce(r.enterprise_id, -r.id)) AS n ${base} AND r.mode = 'new'`).get(all) as { n: number };
  const rows = db
    .prepare(
      `SELECT r.id, r.period, r.enterprise_id AS enterpriseId, r.enterprise_name AS enterpriseName, r.uscc, r.mode,
         r.contracted_fdi AS contractedFdi, r.actual_fdi AS actualFdi, r.industry_code AS industryCode, i.name AS industryName,
         r.country_code AS countryCode, c.name AS countryName, r.district_id AS districtId, d.name AS districtName,
         r.platform_id AS platformId, p.name AS platformName, r.batch_id AS batchId
       FROM (SELECT r.id ${base} ORDER BY r.period, r.id LIMIT @limit OFFSET @offset) page
       JOIN fdi_record r ON r.id = page.id
       LEFT JOIN ref_industry i ON i.code = r.industry_code
       LEFT JOIN ref_country c ON c.code = r.country_code
       LEFT JOIN district d ON d.id = r.district_id
       LEFT JOIN platform p ON p.id = r.platform_id
       ORDER BY r.period, r.id`,
    )
    .all({ ...all, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as StatsRecord[];
  return {
    total: sums.records,
    page: input.page,
    pageSize: input.pageSize,
    sums: { records: sums.records, newEnterprises: n, contractedFdi: roundReported(sums.c), actualFdi: roundReported(sums.a) },
    rows,
  };
}
