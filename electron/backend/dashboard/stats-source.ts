import type { StatsRow, StatsTable, StatsTableId, StatsTables } from '../../../shared/api/stats';
import type { Db } from '../db/open';
import { listRecords } from '../stats/records';
import { computeStatsTables } from '../stats/tables';

/**
 * The one place the dashboard reads FDI figures: the stats module's standard tables (the same rows, rounding,
 * 同比 and shares as 外资统计 shows and exports) and its records query. Nothing here sums fdi_record itself.
 */

export function yearToDateTables(db: Db, year: number, to: string): StatsTables {
  return computeStatsTables(db, { from: `${year}-01`, to });
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

/** Actual FDI (万美元, as reported) of each month: the sums of stats.records for that one month. */
export function monthlyActual(db: Db, months: string[]): number[] {
  return months.map((m) => listRecords(db, { from: m, to: m, filter: {}, page: 1, pageSize: 1 }).sums.actualFdi);
}
