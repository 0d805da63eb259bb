import type { RecordsFilter, StatsOptions, StatsRecord } from '../../../shared/api/stats';
import { CURRENCY_UNITS } from '../../../shared/domain/fdi';
import { DEVELOPMENT_ZONE_TYPES } from '../../../shared/domain/platform';
import { roundReported } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { districtsWithRecords } from './aggregates';
import { priorRange, ruleOf } from './tables';
import { ensureStatsSummary } from './summary/refresh';

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

/**
 * The options as conditions on records, the way the summary counts them: the scope's divisions left out, 境内再投资
 * left out when the 口径 excludes it (unless the filter asks for exactly that mode: its 附 row), and with `comparable`
 * only the districts with records in both periods.
 */
function optionsSql(db: Db, input: RecordsQuery): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.scope === 'excl-finance') {
    clauses.push(`NOT (r.industry_code GLOB '[0-9][0-9]*' AND substr(r.industry_code, 1, 2) IN
      (SELECT division FROM ref_scope_division WHERE scope = 'excl-finance'))`);
  }
  if (ruleOf(db, input) === 'excluded' && input.filter.mode !== 'domestic_reinvestment') clauses.push("r.mode <> 'domestic_reinvestment'");
  if (input.comparable) {
    const prior = priorRange(input);
    const before = new Set(districtsWithRecords(db, prior.from, prior.to));
    params.districts = JSON.stringify(districtsWithRecords(db, input.from, input.to).filter((d) => before.has(d)));
    clauses.push('coalesce(r.district_id, 0) IN (SELECT value FROM json_each(@districts))');
  }
  return { where: clauses.map((c) => `(${c})`).join(' AND ') || '1', params };
}

export interface RecordsQuery extends Partial<StatsOptions> {
  from: string;
  to: string;
  filter: RecordsFilter;
  scope: StatsOptions['scope'];
  comparable: boolean;
  currency: StatsOptions['currency'];
}

export interface RecordsPage {
  total: number;
  page: number;
  pageSize: number;
  sums: { records: number; newEnterprises: number; contractedFdi: number; actualFdi: number };
  unit: '万美元' | '亿元人民币';
  rows: StatsRecord[];
}

/** 境内再投资 counts by its enterprise's foreign share under byForeignShare; everything else counts whole. */
function weightSql(rule: string): string {
  return rule === 'byForeignShare'
    ? "(CASE WHEN r.mode = 'domestic_reinvestment' THEN coalesce((SELECT foreign_share FROM enterprise e WHERE e.id = r.enterprise_id), 0) / 100.0 ELSE 1 END)"
    : '1';
}
/** 万美元 → 亿元人民币 at the month's rate (else the year's). */
const CNY = `(coalesce((SELECT rate FROM fx_rate WHERE period = r.period), (SELECT rate FROM fx_rate WHERE period = substr(r.period, 1, 4))) / 10000.0)`;

/** One page of the records of a range that match a filter, oldest month first, with their sums as the cell shows them. */
export function listRecords(db: Db, input: RecordsQuery & { page: number; pageSize: number }): RecordsPage {
  ensureStatsSummary(db);
  const filter = filterSql(input.filter);
  const options = optionsSql(db, input);
  const all = { ...filter.params, ...options.params, from: input.from, to: input.to };
  const base = `FROM fdi_record r WHERE r.period BETWEEN @from AND @to AND ${filter.where} AND ${options.where}`;
  const weight = weightSql(ruleOf(db, input));
  const factor = input.currency === 'cny' ? `${weight} * ${CNY}` : weight;
  // new enterprises: records that are their enterprise's first 新设 record, as the tables count them
  const sums = db
    .prepare(
      `SELECT count(*) AS records, count(f.record_id) AS n, coalesce(sum(r.contracted_fdi * ${factor}), 0) AS c,
         coalesce(sum(r.actual_fdi * ${factor}), 0) AS a
       FROM fdi_record r LEFT JOIN stats_first_new f ON f.record_id = r.id
       WHERE r.period BETWEEN @from AND @to AND ${filter.where} AND ${options.where}`,
    )
    .get(all) as { records: number; n: number; c: number; a: number };
  const rows = (
    db
      .prepare(
        `SELECT r.id, r.period, r.enterprise_id AS enterpriseId, r.enterprise_name AS enterpriseName, r.uscc, r.mode,
           r.contracted_fdi AS contractedFdi, r.actual_fdi AS actualFdi, r.industry_code AS industryCode, i.name AS industryName,
           r.country_code AS countryCode, c.name AS countryName, r.district_id AS districtId, d.name AS districtName,
           r.platform_id AS platformId, p.name AS platformName, r.batch_id AS batchId, ${weight} AS weight,
           b.file_name AS file, b.sheet, r.source_row AS sourceRow
         FROM (SELECT r.id ${base} ORDER BY r.period, r.id LIMIT @limit OFFSET @offset) page
         JOIN fdi_record r ON r.id = page.id
         LEFT JOIN ref_industry i ON i.code = r.industry_code
         LEFT JOIN ref_country c ON c.code = r.country_code
         LEFT JOIN district d ON d.id = r.district_id
         LEFT JOIN platform p ON p.id = r.platform_id
         LEFT JOIN import_batch b ON b.id = r.batch_id
         ORDER BY r.period, r.id`,
      )
      .all({ ...all, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as Array<
      Omit<StatsRecord, 'source'> & { file: string | null; sheet: string | null; sourceRow: number | null }
    >
  ).map(({ file, sheet, sourceRow, ...r }) => ({
    ...r,
    source: r.batchId !== null && file !== null ? { batchId: r.batchId, file, sheet, row: sourceRow } : null,
  }));
  return {
    total: sums.records,
    page: input.page,
    pageSize: input.pageSize,
    sums: { records: sums.records, newEnterprises: sums.n, contractedFdi: roundReported(sums.c), actualFdi: roundReported(sums.a) },
    unit: CURRENCY_UNITS[input.currency],
    rows,
  };
}
