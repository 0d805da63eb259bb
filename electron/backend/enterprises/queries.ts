import type { Enterprise, EnterpriseDetail, EnterpriseQuery } from '../../../shared/api/enterprises';
import type { AuditEntry } from '../../../shared/api/projects';
import { roundStored } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { industryCondition, likeContains, type Params } from '../projects/filter';
import { toAuditEntry } from '../projects/queries';
import { NO_POLICY, policiesFor } from '../policy/status';

type EnterpriseRow = {
  id: number;
  name: string;
  uscc: string | null;
  investor: string | null;
  country_code: string | null;
  country_name: string | null;
  industry_code: string | null;
  industry_name: string | null;
  registered_capital: number | null;
  foreign_share: number | null;
  setup_date: string | null;
  district_id: number | null;
  district_name: string | null;
  platform_id: number | null;
  platform_name: string | null;
  notes: string;
  fdi_records: number;
  projects: number;
  created_at: string;
  updated_at: string;
};

const toEnterprise = (r: EnterpriseRow): Omit<Enterprise, 'policy'> => ({
  id: r.id,
  name: r.name,
  uscc: r.uscc,
  investor: r.investor ?? '',
  countryCode: r.country_code,
  countryName: r.country_name,
  industryCode: r.industry_code,
  industryName: r.industry_name,
  registeredCapital: r.registered_capital,
  foreignShare: r.foreign_share,
  setupDate: r.setup_date,
  districtId: r.district_id,
  district: r.district_name,
  platformId: r.platform_id,
  platform: r.platform_name,
  notes: r.notes,
  fdiRecords: r.fdi_records,
  projects: r.projects,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function listParams(params: Params, name: string, values: readonly unknown[]): string {
  return values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ');
}

export function enterpriseWhere(filter: EnterpriseQuery['filter'], params: Params): string {
  const where: string[] = [];
  if (filter.countryCodes?.length) where.push(`e.country_code IN (${listParams(params, 'country', filter.countryCodes)})`);
  if (filter.districtIds?.length) where.push(`e.district_id IN (${listParams(params, 'district', filter.districtIds)})`);
  if (filter.platformIds?.length) where.push(`e.platform_id IN (${listParams(params, 'platform', filter.platformIds)})`);
  if (filter.industryCode?.trim()) where.push(industryCondition('e.industry_code', filter.industryCode, params));
  const words = (filter.text ?? '').normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  words.forEach((word, i) => {
    params[`text${i}`] = likeContains(word);
    params[`uscc${i}`] = `${word.toUpperCase()}%`;
    where.push(`(e.name LIKE @text${i} ESCAPE '\\' OR e.investor LIKE @text${i} ESCAPE '\\' OR e.uscc LIKE @uscc${i})`);
  });
  return where.length ? where.join(' AND ') : '1';
}

const SORT_SQL: Record<EnterpriseQuery['sort']['field'], string> = {
  name: 'e.name',
  uscc: 'e.uscc',
  setupDate: 'e.setup_date',
  registeredCapital: 'e.registered_capital',
  country: '(SELECT name FROM ref_country WHERE code = e.country_code)',
  updatedAt: 'e.updated_at',
};

export function enterpriseOrder(sort: EnterpriseQuery['sort']): string {
  const dir = sort.order === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_SQL[sort.field]} ${dir}, e.id ${dir}`;
}

/** Enterprises by id, names resolved, with their counts of FDI records and projects, in the order of `ids`. */
export function enterprisesByIds(db: Db, ids: readonly number[]): Enterprise[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.*, c.name AS country_name, i.name AS industry_name, d.name AS district_name, pl.name AS platform_name,
              (SELECT count(*) FROM fdi_record WHERE enterprise_id = e.id) AS fdi_records,
              (SELECT count(*) FROM project WHERE enterprise_id = e.id OR reinvest_enterprise_id = e.id) AS projects
       FROM enterprise e
       LEFT JOIN ref_country c ON c.code = e.country_code
       LEFT JOIN ref_industry i ON i.code = e.industry_code
       LEFT JOIN district d ON d.id = e.district_id
       LEFT JOIN platform pl ON pl.id = e.platform_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as EnterpriseRow[];
  const policies = policiesFor(db, 'enterprise', ids);
  const byId = new Map(rows.map((r) => [r.id, { ...toEnterprise(r), policy: policies.get(r.id) ?? NO_POLICY }]));
  return ids.map((id) => byId.get(id)).filter((e): e is Enterprise => e !== undefined);
}

export function listEnterprises(db: Db, query: EnterpriseQuery, offset: number, limit: number): { rows: Enterprise[]; total: number } {
  const params: Params = {};
  const where = enterpriseWhere(query.filter, params);
  const total = (db.prepare(`SELECT count(*) AS n FROM enterprise e WHERE ${where}`).get(params) as { n: number }).n;
  const ids = (
    db.prepare(`SELECT e.id FROM enterprise e WHERE ${where} ORDER BY ${enterpriseOrder(query.sort)} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as {
      id: number;
    }[]
  ).map((r) => r.id);
  return { rows: enterprisesByIds(db, ids), total };
}

export function enterpriseIds(db: Db, query: EnterpriseQuery): number[] {
  const params: Params = {};
  const where = enterpriseWhere(query.filter, params);
  return (db.prepare(`SELECT e.id FROM enterprise e WHERE ${where} ORDER BY ${enterpriseOrder(query.sort)}`).all(params) as { id: number }[]).map((r) => r.id);
}

export function enterpriseDetail(db: Db, id: number): EnterpriseDetail {
  const [enterprise] = enterprisesByIds(db, [id]);
  if (!enterprise) throw new AppError('NOT_FOUND', `企业 ${id}`);
  const fdiRecords = (
    db
      .prepare('SELECT id, period, mode, contracted_fdi, actual_fdi, batch_id FROM fdi_record WHERE enterprise_id = ? ORDER BY period DESC, id DESC')
      .all(id) as { id: number; period: string; mode: EnterpriseDetail['fdiRecords'][number]['mode']; contracted_fdi: number; actual_fdi: number; batch_id: number | null }[]
  ).map((r) => ({ id: r.id, period: r.period, mode: r.mode, contractedFdi: r.contracted_fdi, actualFdi: r.actual_fdi, batchId: r.batch_id }));
  const projects = db
    .prepare(
      `SELECT id, name, stage, CASE WHEN enterprise_id = @id THEN 'registered' ELSE 'reinvestment' END AS link
       FROM project WHERE enterprise_id = @id OR reinvest_enterprise_id = @id ORDER BY updated_at DESC`,
    )
    .all({ id }) as EnterpriseDetail['projects'];
  const chainRoles = db
    .prepare(
      `SELECT c.id AS chainId, c.name AS chainName, s.id AS segmentId, s.name AS segmentName, s.tier, se.role
       FROM segment_enterprise se JOIN segment s ON s.id = se.segment_id JOIN chain c ON c.id = s.chain_id
       WHERE se.enterprise_id = ? ORDER BY c.name, s.sort, s.id`,
    )
    .all(id) as EnterpriseDetail['chainRoles'];
  return {
    enterprise,
    totals: {
      contractedFdi: roundStored(fdiRecords.reduce((s, r) => s + r.contractedFdi, 0)),
      actualFdi: roundStored(fdiRecords.reduce((s, r) => s + r.actualFdi, 0)),
    },
    fdiRecords,
    projects,
    chainRoles,
  };
}

export function enterpriseHistory(db: Db, id: number): AuditEntry[] {
  return (db.prepare(`SELECT * FROM audit_log WHERE entity = 'enterprise' AND entity_id = ? ORDER BY id DESC LIMIT 500`).all(String(id)) as Parameters<typeof toAuditEntry>[0][]).map(
    toAuditEntry,
  );
}
