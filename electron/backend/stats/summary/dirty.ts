import type { Db } from '../../db/open';

/**
 * What writers tell the stats summary (see refresh.ts): the months whose figures may have changed, in the same
 * transaction as the change, and how many records they added or removed. Marking is a few rows; the summary is brought
 * up to date by the next read that needs it. A write that marks nothing but changes the number of records (test
 * fixtures, the benchmark's generator) is caught by the record count and refreshes everything.
 */

/** Every month: reference lists that the summary's keys depend on changed (high-tech classes, excluded divisions). */
export const ALL_MONTHS = '*';

function summaryExists(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stats_dirty'").get() !== undefined;
}

export function markStatsDirty(db: Db, months: Iterable<string> | typeof ALL_MONTHS, recordsDelta = 0): void {
  if (!summaryExists(db)) return; // a database older than the summary (migration tests)
  const insert = db.prepare('INSERT OR IGNORE INTO stats_dirty (period) VALUES (?)');
  if (months === ALL_MONTHS) insert.run(ALL_MONTHS);
  else for (const m of months) insert.run(m);
  if (recordsDelta) db.prepare('UPDATE stats_state SET records = records + ?').run(recordsDelta);
}

/** The months of some import batches' records (before they are deleted, for an undo). */
export function markBatchesDirty(db: Db, batchIds: readonly number[], recordsDelta: number): void {
  if (!summaryExists(db) || !batchIds.length) return;
  db.prepare(
    `INSERT OR IGNORE INTO stats_dirty (period) SELECT DISTINCT period FROM fdi_record WHERE batch_id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(batchIds));
  if (recordsDelta) db.prepare('UPDATE stats_state SET records = records + ?').run(recordsDelta);
}

/**
 * The months of some enterprises' records: their records moved (a merge), or the foreign share their 境内再投资 counts
 * by changed (`domesticOnly`).
 */
export function markEnterprisesDirty(db: Db, enterpriseIds: readonly number[], domesticOnly = false): void {
  if (!summaryExists(db) || !enterpriseIds.length) return;
  db.prepare(
    `INSERT OR IGNORE INTO stats_dirty (period) SELECT DISTINCT period FROM fdi_record
     WHERE enterprise_id IN (SELECT value FROM json_each(?)) ${domesticOnly ? "AND mode = 'domestic_reinvestment'" : ''}`,
  ).run(JSON.stringify(enterpriseIds));
}

/** A rate for a month (YYYY-MM) or a whole year (YYYY) changed: the 人民币 figures of those months. */
export function markRateDirty(db: Db, period: string): void {
  if (!summaryExists(db)) return;
  const [from, to] = period.length === 4 ? [`${period}-01`, `${period}-12`] : [period, period];
  db.prepare('INSERT OR IGNORE INTO stats_dirty (period) SELECT DISTINCT period FROM fdi_record WHERE period BETWEEN ? AND ?').run(from, to);
}
