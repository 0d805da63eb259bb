import type { ProjectFilter, ProjectSort } from '../../../shared/api/projects';
import { PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES } from '../../../shared/domain/project';
import { OVERDUE_IDS_SQL, PROHIBITED_SQL, STALE_SQL } from './alerts';
import { ARRIVAL_IDS_SQL } from './arrivalCache';
import { statusInSql } from '../policy/status';

export type Params = Record<string, unknown>;

/** Escapes LIKE wildcards so a user's `%` or `_` is looked for literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Adds `@name0, @name1…` for a list and returns the placeholders. */
function listParams(params: Params, name: string, values: readonly unknown[]): string {
  return values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ');
}

/**
 * An industry code matches itself and everything under it: a section letter by its section, a numeric code as a
 * prefix (as a range, so the index on industry_code serves it).
 */
export function industryCondition(column: string, code: string, params: Params): string {
  const c = code.trim().toUpperCase();
  if (/^[A-T]$/.test(c)) {
    params.industrySection = c;
    return `${column} IN (SELECT code FROM ref_industry WHERE section = @industrySection)`;
  }
  const digits = /^[A-T]\d+$/.test(c) ? c.slice(1) : c;
  params.industryFrom = digits;
  params.industryTo = `${digits}~`;
  return `(${column} >= @industryFrom AND ${column} < @industryTo)`;
}

/**
 * The WHERE clause (over `project p`) for a filter; `params` receives the values. Alert params come from the clock;
 * the arrival alert reads project_arrival_behind, so call refreshArrival before running it.
 */
export function projectWhere(filter: ProjectFilter, params: Params): string {
  const where: string[] = [];
  if (filter.stages?.length) where.push(`p.stage IN (${listParams(params, 'stage', filter.stages)})`);
  if (filter.districtIds?.length) where.push(`p.district_id IN (${listParams(params, 'district', filter.districtIds)})`);
  if (filter.platformIds?.length) where.push(`p.platform_id IN (${listParams(params, 'platform', filter.platformIds)})`);
  if (filter.countryCodes?.length) where.push(`p.country_code IN (${listParams(params, 'country', filter.countryCodes)})`);
  if (filter.priorities?.length) where.push(`p.priority IN (${listParams(params, 'priority', filter.priorities)})`);
  if (filter.industryCode?.trim()) where.push(industryCondition('p.industry_code', filter.industryCode, params));
  if (filter.segmentId !== undefined) {
    params.segmentId = filter.segmentId;
    where.push('p.id IN (SELECT project_id FROM project_segment WHERE segment_id = @segmentId)');
  } else if (filter.chainId !== undefined) {
    params.chainId = filter.chainId;
    where.push('p.id IN (SELECT ps.project_id FROM project_segment ps JOIN segment s ON s.id = ps.segment_id WHERE s.chain_id = @chainId)');
  }
  if (filter.owner?.trim()) {
    params.owner = filter.owner.trim();
    where.push('(p.owner_person = @owner OR p.owner_unit = @owner OR p.leader = @owner)');
  }
  if (filter.reinvestment !== undefined) {
    params.reinvestment = filter.reinvestment ? 1 : 0;
    where.push('p.reinvestment = @reinvestment');
  }
  if (filter.alerts?.length) {
    const any = new Set(filter.alerts);
    const parts: string[] = [];
    if (any.has('stale')) parts.push(STALE_SQL);
    if (any.has('overdue')) parts.push(`p.id IN (${OVERDUE_IDS_SQL})`);
    if (any.has('arrival')) parts.push(`p.id IN (${ARRIVAL_IDS_SQL})`);
    if (any.has('prohibited')) parts.push(PROHIBITED_SQL);
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filter.access?.length) where.push(statusInSql('project', 'p.id', 'p.industry_code', filter.access));
  const words = (filter.text ?? '').normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  words.forEach((word, i) => {
    params[`text${i}`] = likeContains(word);
    const like = (col: string) => `${col} LIKE @text${i} ESCAPE '\\'`;
    where.push(`(${['p.name', 'p.investor', 'p.owner_unit', 'p.owner_person', 'p.leader', 'p.notes'].map(like).join(' OR ')})`);
  });
  return where.length ? where.join(' AND ') : '1';
}

const caseOrder = (column: string, codes: readonly string[]) =>
  `CASE ${column} ${codes.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} END`;

const SORT_SQL: Record<ProjectSort['field'], string> = {
  updatedAt: 'p.updated_at',
  name: 'p.name',
  stage: caseOrder('p.stage', PROJECT_STAGE_CODES),
  contractedFdi: 'p.contracted_fdi',
  totalInvestment: 'p.total_investment',
  lastFollowUpDate: 'p.last_follow_up_date',
  firstContactDate: 'p.first_contact_date',
  signedDate: 'p.signed_date',
  // by code and id, not by name: served by their indexes at any depth (Chinese names sort by code point anyway,
  // which is no more natural), and districts are numbered in the order 设置 lists them
  country: 'p.country_code',
  district: 'p.district_id',
  priority: caseOrder('p.priority', PROJECT_PRIORITY_CODES),
};

/** ORDER BY for a sort, with the id as tie-breaker so pages never overlap or skip. */
export function projectOrder(sort: ProjectSort): string {
  const dir = sort.order === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_SQL[sort.field]} ${dir}, p.id ${dir}`;
}
