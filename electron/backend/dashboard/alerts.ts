import type { DashboardAlert } from '../../../shared/api/dashboard';
import type { IssueCategory, ProjectStage } from '../../../shared/domain/project';
import type { Db } from '../db/open';
import { alertClock, FOLLOW_UP_ANCHOR_SQL, STALE_SQL } from '../projects/alerts';
import { chainCompleteness } from './chains';

const DAY = 86_400_000;
const daysBetween = (from: string, today: string) => Math.floor((Date.parse(today) - Date.parse(from)) / DAY);

/**
 * What needs a hand, most urgent first within each kind: active projects not followed up for the days set in 设置,
 * open problems past their due date (both by the projects area's own rules, so the list and the dashboard agree),
 * and chain gaps (weak or missing segments) with no target firm to attract, by the chains area's gap rule.
 */
export function dashboardAlerts(db: Db, now = new Date()): DashboardAlert[] {
  const clock = alertClock(db, now);
  const day = clock.today;
  const stale = db
    .prepare(
      `SELECT p.id, p.name, p.stage, ${FOLLOW_UP_ANCHOR_SQL} AS since, p.last_follow_up_date AS last FROM project p
       WHERE ${STALE_SQL} ORDER BY since, p.id`,
    )
    .all({ staleBefore: clock.staleBefore }) as { id: number; name: string; stage: ProjectStage; since: string; last: string | null }[];
  // the projects area's OVERDUE_IDS_SQL, one row per problem rather than per project
  const overdue = db
    .prepare(
      `SELECT i.project_id AS projectId, p.name, i.category, i.description, i.due_date AS due, i.owner FROM project_issue i
       JOIN project p ON p.id = i.project_id WHERE i.status = 'open' AND i.due_date < @today
       ORDER BY i.due_date, i.id`,
    )
    .all({ today: day }) as { projectId: number; name: string; category: IssueCategory; description: string; due: string; owner: string }[];
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
