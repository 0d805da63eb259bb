import type { Policy } from '../../../shared/api/policy';
import { ACCESS_STATUSES } from '../../../shared/domain/policy';
import { flagWord, priorityWord, stageWord } from '../../../shared/rules/projectWords';
import type { Db } from '../db/open';
import type { AlertClock } from './alerts';
import { SEGMENT_SEPARATOR, type ProjectColumnKey } from './columns';
import { projectsByIds } from './rows';

export type SheetValue = string | number | null;
/** The export's market-access cells (not read back by the import). */
export type PolicyCells = Record<'access' | 'measure' | 'encouraged', string | null>;
export type ProjectSheetRow = Record<ProjectColumnKey, SheetValue> & { id: number; policy: PolicyCells };

/** An enterprise as a sheet cell: its 统一社会信用代码 when known (unambiguous), else its name. */
const enterpriseCell = (db: Db, id: number | null): string | null => {
  if (id === null) return null;
  const e = db.prepare('SELECT name, uscc FROM enterprise WHERE id = ?').get(id) as { name: string; uscc: string | null } | undefined;
  return e ? (e.uscc ?? e.name) : null;
};

function policyCells(policy: Policy): PolicyCells {
  const status = policy.negativeList ? ACCESS_STATUSES[policy.negativeList] + (policy.overridden ? '（人工认定）' : '') : policy.overridden ? '未涉及（人工认定）' : null;
  const measure = policy.measure ? `第${policy.measureNo}条 ${policy.measure}${policy.restriction ? `（${policy.restriction}）` : ''}` : null;
  return { access: status, measure, encouraged: policy.encouraged };
}

/** Projects (by id, in order) as list rows: the words and names the export writes and the import reads back. */
export function projectSheetRows(db: Db, ids: readonly number[], clock: AlertClock): ProjectSheetRow[] {
  const segments = db.prepare(
    `SELECT c.name || '/' || s.name AS label FROM project_segment ps JOIN segment s ON s.id = ps.segment_id
     JOIN chain c ON c.id = s.chain_id WHERE ps.project_id = ? ORDER BY c.name, s.name`,
  );
  return projectsByIds(db, ids, clock).map((p) => ({
    id: p.id,
    name: p.name,
    investor: p.investor || null,
    country: p.countryName,
    industryCode: p.industryCode,
    industryName: p.industryName,
    district: p.district,
    platform: p.platform,
    totalInvestment: p.totalInvestment,
    contractedFdi: p.contractedFdi,
    stage: stageWord(p.stage),
    priority: priorityWord(p.priority),
    reinvestment: flagWord(p.reinvestment),
    reinvestEnterprise: enterpriseCell(db, p.reinvestEnterpriseId),
    enterprise: enterpriseCell(db, p.enterpriseId),
    ownerUnit: p.ownerUnit || null,
    ownerPerson: p.ownerPerson || null,
    leader: p.leader || null,
    firstContactDate: p.firstContactDate,
    signedDate: p.signedDate,
    registeredDate: p.registeredDate,
    constructionDate: p.constructionDate,
    operationDate: p.operationDate,
    lastFollowUpDate: p.lastFollowUpDate,
    segments: (segments.all(p.id) as { label: string }[]).map((s) => s.label).join(SEGMENT_SEPARATOR) || null,
    notes: p.notes || null,
    policy: policyCells(p.policy),
  }));
}

/** Planned arrival rows of these projects, in the projects' order then by month: [project name, YYYY-MM, amount]. */
export function planSheetRows(db: Db, ids: readonly number[]): [string, string, number][] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT pp.project_id AS id, p.name, pp.period, pp.amount FROM project_plan pp JOIN project p ON p.id = pp.project_id
       WHERE pp.project_id IN (SELECT value FROM json_each(?)) ORDER BY pp.period`,
    )
    .all(JSON.stringify(ids)) as { id: number; name: string; period: string; amount: number }[];
  const byProject = new Map<number, [string, string, number][]>();
  for (const r of rows) {
    const list = byProject.get(r.id) ?? [];
    list.push([r.name, r.period, r.amount]);
    byProject.set(r.id, list);
  }
  return ids.flatMap((id) => byProject.get(id) ?? []);
}
