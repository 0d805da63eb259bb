import type { StatsRow, StatsTable, StatsTableId, StatsTables } from '../../../shared/api/stats';
import type { DomesticReinvestmentRule, StatsScope } from '../../../shared/domain/fdi';
import { roundReported } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { monthlyActualFdi } from '../stats/aggregates';
import { ruleOf } from '../stats/tables';
import { computeStatsTables } from '../stats/tables';

/**
 * The one place the dashboard reads FDI figures: the stats module's standard tables (the same rows, rounding,
 * 同比 and shares as 外资统计 shows and exports) and its summary. Nothing here sums fdi_record itself.
 */

export interface DashboardQuery {
  year: number;
  to: string;
  scope: StatsScope;
  domesticReinvestment?: DomesticReinvestmentRule | undefined;
}

export function yearToDateTables(db: Db, q: DashboardQuery): StatsTables {
  return computeStatsTables(db, {
    from: `${q.year}-01`,
    to: q.to,
    scope: q.scope,
    comparable: false,
    currency: 'usd',
    ...(q.domesticReinvestment ? { domesticReinvestment: q.domesticReinvestment } : {}),
  });
}

export function statsTable(tables: StatsTables, id: StatsTableId): StatsTable {
  const found = tables.tables.find((t) => t.id === id);
  if (!found) throw new Error(`stats tables lack ${id}`);
  return found;
}

export function statsRow(tables: StatsTables, id: StatsTableId, key: string): StatsRow {
  const row = statsTable(tables, id).rows.find((r) => r.key === key);
  if (!row) throw new Error(`stats table ${id} lacks row ${key}`);
  return row;
}

/** A table's rows whose key starts with a prefix (`country:`, `section:`…), in the table's order. */
export function statsRows(tables: StatsTables, id: StatsTableId, prefix: string): StatsRow[] {
  return statsTable(tables, id).rows.filter((r) => r.key.startsWith(prefix));
}

/** Actual FDI (万美元, as reported) of each month, in the tables' scope and 口径. */
export function monthlyActual(db: Db, months: string[], q: DashboardQuery): number[] {
  const byMonth = monthlyActualFdi(db, months, { scope: q.scope, currency: 'usd', rule: ruleOf(db, q), districts: null });
  return months.map((m) => roundReported(byMonth.get(m) ?? 0));
}
