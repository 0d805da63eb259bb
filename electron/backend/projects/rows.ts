import type { Project, ProjectAlert } from '../../../shared/api/projects';
import type { ProjectPriority, ProjectStage } from '../../../shared/domain/project';
import type { Db } from '../db/open';
import { clockParams, STALE_SQL, type AlertClock } from './alerts';
import { ARRIVAL_IDS_SQL, refreshArrival } from './arrivalCache';
import { NO_POLICY, policiesFor } from '../policy/status';
import type { Policy } from '../../../shared/api/policy';

export interface ProjectDbRow {
  id: number;
  name: string;
  investor: string;
  country_code: string | null;
  country_name: string | null;
  industry_code: string | null;
  industry_name: string | null;
  district_id: number | null;
  district_name: string | null;
  platform_id: number | null;
  platform_name: string | null;
  total_investment: number | null;
  contracted_fdi: number | null;
  stage: ProjectStage;
  reinvestment: number;
  reinvest_enterprise_id: number | null;
  reinvest_enterprise_name: string | null;
  enterprise_id: number | null;
  enterprise_name: string | null;
  priority: ProjectPriority;
  owner_unit: string;
  owner_person: string;
  leader: string;
  first_contact_date: string | null;
  signed_date: string | null;
  registered_date: string | null;
  construction_date: string | null;
  operation_date: string | null;
  last_follow_up_date: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  a_stale: number;
  a_overdue: number;
  a_arrival: number;
}

/** Projects by id with names resolved and alert flags, in the order of `ids`. Meant for one page (≤ 500 ids). */
export function projectsByIds(db: Db, ids: readonly number[], clock: AlertClock): Project[] {
  if (ids.length === 0) return [];
  refreshArrival(db, clock);
  const params = { ...clockParams(clock), ids: JSON.stringify(ids) };
  const scope = 'SELECT value FROM json_each(@ids)';
  const rows = db
    .prepare(
      `SELECT p.*, c.name AS country_name, i.name AS industry_name, d.name AS district_name, pl.name AS platform_name,
              re.name AS reinvest_enterprise_name, e.name AS enterprise_name,
              ${STALE_SQL} AS a_stale,
              EXISTS (SELECT 1 FROM project_issue WHERE project_id = p.id AND status = 'open' AND due_date < @today) AS a_overdue,
              p.id IN (${ARRIVAL_IDS_SQL}) AS a_arrival
       FROM project p
       LEFT JOIN ref_country c ON c.code = p.country_code
       LEFT JOIN ref_industry i ON i.code = p.industry_code
       LEFT JOIN district d ON d.id = p.district_id
       LEFT JOIN platform pl ON pl.id = p.platform_id
       LEFT JOIN enterprise re ON re.id = p.reinvest_enterprise_id
       LEFT JOIN enterprise e ON e.id = p.enterprise_id
       WHERE p.id IN (${scope})`,
    )
    .all(params) as ProjectDbRow[];
  const policies = policiesFor(db, 'project', ids);
  const byId = new Map(rows.map((r) => [r.id, toProject(r, policies.get(r.id) ?? NO_POLICY)]));
  return ids.map((id) => byId.get(id)).filter((p): p is Project => p !== undefined);
}

export function toProject(r: ProjectDbRow, policy: Policy): Project {
  const alerts: ProjectAlert[] = [];
  if (r.a_stale) alerts.push('stale');
  if (r.a_overdue) alerts.push('overdue');
  if (r.a_arrival) alerts.push('arrival');
  // the same judgement as PROHIBITED_SQL, read from the policy already fetched for the page
  if (policy.negativeList === 'prohibited') alerts.push('prohibited');
  return {
    id: r.id,
    name: r.name,
    investor: r.investor,
    countryCode: r.country_code,
    countryName: r.country_name,
    industryCode: r.industry_code,
    industryName: r.industry_name,
    districtId: r.district_id,
    district: r.district_name,
    platformId: r.platform_id,
    platform: r.platform_name,
    totalInvestment: r.total_investment,
    contractedFdi: r.contracted_fdi,
    stage: r.stage,
    reinvestment: r.reinvestment === 1,
    reinvestEnterpriseId: r.reinvest_enterprise_id,
    reinvestEnterpriseName: r.reinvest_enterprise_name,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    priority: r.priority,
    ownerUnit: r.owner_unit,
    ownerPerson: r.owner_person,
    leader: r.leader,
    firstContactDate: r.first_contact_date,
    signedDate: r.signed_date,
    registeredDate: r.registered_date,
    constructionDate: r.construction_date,
    operationDate: r.operation_date,
    lastFollowUpDate: r.last_follow_up_date,
    notes: r.notes,
    alerts,
    policy,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
