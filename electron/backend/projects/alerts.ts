import type { Db } from '../db/open';
import { statusInSql } from '../policy/status';
import { readPreferences } from '../settings/store';

/**
 * The dates alerts are judged against. Alerts are never stored: they depend on today, on the threshold in 设置 and
 * on FDI records other parts of the app import, so each query computes them from these values.
 */
export interface AlertClock {
  /** YYYY-MM-DD: a problem due before this day and still open is overdue. */
  today: string;
  /** YYYY-MM-DD: an active project last followed up before this day is stale. */
  staleBefore: string;
  /** YYYY-MM: planned and actual arrival are compared up to the end of this month (last month: this one is not in). */
  arrivalPeriod: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The clock for a day (local calendar day of `now`), with the follow-up threshold read from 设置. */
export function alertClock(db: Db, now: Date = new Date()): AlertClock {
  const days = readPreferences(db).followUpDays;
  const day = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const stale = new Date(day.getTime() - days * 86400000);
  const lastMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - 1, 1));
  return { today: isoDay(day), staleBefore: isoDay(stale), arrivalPeriod: isoDay(lastMonth).slice(0, 7) };
}

/** The day a project was last followed up, or when it came in when it never was. */
export const FOLLOW_UP_ANCHOR_SQL = `coalesce(p.last_follow_up_date, p.first_contact_date, substr(p.created_at, 1, 10))`;

/** Finished, dropped and (deliberately) paused projects are not nagged about follow-up. */
export const STALE_SQL = `(p.stage NOT IN ('operating', 'paused', 'dropped') AND ${FOLLOW_UP_ANCHOR_SQL} < @staleBefore)`;

/**
 * A project whose market-access status is 禁止: its industry is one the negative list prohibits to foreign investors,
 * or a person judged so. Not dated like the others: it holds until the industry, the list or the judgement changes.
 */
export const PROHIBITED_SQL = statusInSql('project', 'p.id', 'p.industry_code', ['prohibited']);

/** Projects with an open problem past its due date (served by the project_issue(status, due_date) index). */
export const OVERDUE_IDS_SQL = `SELECT project_id FROM project_issue WHERE status = 'open' AND due_date < @today`;

/**
 * Projects whose planned arrival up to `arrivalPeriod` exceeds the actual FDI of their linked enterprise (the one it
 * registered as, or for reinvestment the enterprise that reinvests) counted from the plan's first month.
 * `scope` narrows the plans read (to one page of ids) so the page query stays cheap.
 */
export function arrivalBehindIdsSql(scope: string | null): string {
  return `SELECT x.project_id FROM (
      SELECT pp.project_id, sum(pp.amount) AS planned, min(pp.period) AS first_period,
             coalesce(p2.enterprise_id, p2.reinvest_enterprise_id) AS enterprise_id
      FROM project_plan pp JOIN project p2 ON p2.id = pp.project_id
      WHERE pp.period <= @arrivalPeriod AND p2.stage <> 'dropped' ${scope ? `AND pp.project_id IN (${scope})` : ''}
      GROUP BY pp.project_id
    ) x
    WHERE x.planned > 0.00005 + coalesce((SELECT sum(f.actual_fdi) FROM fdi_record f
      WHERE f.enterprise_id = x.enterprise_id AND f.period >= x.first_period AND f.period <= @arrivalPeriod), 0)`;
}

export function clockParams(clock: AlertClock) {
  return { today: clock.today, staleBefore: clock.staleBefore, arrivalPeriod: clock.arrivalPeriod };
}
