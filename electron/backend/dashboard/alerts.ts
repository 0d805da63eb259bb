import type { DashboardAlert } from '../../../shared/api/dashboard';
import type { IssueCategory, ProjectStage } from '../../../shared/domain/project';
import type { Db } from '../db/open';
import { readPreferences } from '../settings/store';
import { chainCompleteness } from './chains';

const DAY = 86_400_000;
const daysBetween = (from: string, today: string) => Math.floor((Date.parse(today) - Date.parse(from)) / DAY);

/**
 * What needs a hand, most urgent first within each kind: active projects not followed up for the days set in 设置
 * (never followed up counts from first contact, or from when it was entered), open problems past their due date,
 * and chain gaps (weak or missing segments) with no target firm to attract.
 */
export function dashboardAlerts(db: Db, today = new Date()): DashboardAlert[] {
  const day = today.toISOString().slice(0, 10);
  const { followUpDays } = readPreferences(db);
  const stale = db
    .prepare(
      `SELECT id, name, stage, coalesce(last_follow_up_date, first_contact_date, substr(created_at, 1, 10)) AS since,
         last_follow_up_date AS last FROM project
       WHERE stage NOT IN ('operating', 'paused', 'dropped')
         AND coalesce(last_follow_up_date, first_contact_date, substr(created_at, 1, 10)) <= date(?, ?)
       ORDER BY since, id`,
    )
    .all(day, `-${followUpDays} days`) as { id: number; name: string; stage: ProjectStage; since: string; last: string | null }[];
  const overdue = db
    .prepare(
      `SELECT i.project_id AS projectId, p.name, i.category, i.description, i.due_date AS due, i.owner FROM project_issue i
       JOIN project p ON p.id = i.project_id WHERE i.status = 'open' AND i.due_date IS NOT NULL AND i.due_date < ?
       ORDER BY i.due_date, i.id`,
    )
    .all(day) as { projectId: number; name: string; category: IssueCategory; description: string; due: string; owner: string }[];
  const gaps = chainCompleteness(db).flatMap((chain) =>
    chain.gaps.filter((g) => g.targets === 0).map((g) => ({ chain, gap: g })),
  );
  return [
    ...stale.map((p) => ({
      kind: 'noFollowUp' as const,
      section: 'projects' as const,
      id: p.id,
      title: p.name,
      days: daysBetween(p.since, day),
      stage: p.stage,
      lastFollowUp: p.last,
    })),
    ...overdue.map((i) => ({
      kind: 'issueOverdue' as const,
      section: 'projects' as const,
      id: i.projectId,
      title: i.name,
      days: daysBetween(i.due, day),
      category: i.category,
      description: i.description,
      due: i.due,
      owner: i.owner,
    })),
    ...gaps.map(({ chain, gap }) => ({
      kind: 'gapWithoutTarget' as const,
      section: 'chains' as const,
      id: chain.id,
      title: chain.name,
      days: null,
      segment: gap.name,
      segmentStatus: gap.status,
    })),
  ];
}
