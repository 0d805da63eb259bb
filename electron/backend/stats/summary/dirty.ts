import type { Db } from '../../db/open';

/**
 * What writers tell the stats summary (see refresh.ts): the months whose figures may have changed, in the same
 * transaction as the change. Marking is a few rows; the summary is brought up to date by the next read that needs it.
 * Records added are found without being told (their ids are above the highest the summary has seen), so a writer that
 * only inserts (test fixtures, the benchmark's generator) needs no marking; one that deletes or changes records must
 * mark their months.
 */

/** Every month: reference lists that the summary's keys depend on changed (high-tech classes, excluded divisions). */
export const ALL_MONTHS = '*';

function summaryExists(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stats_dirty'").get() !== undefined;
}

export function markStatsDirty(db: Db, months: Iterable<string> | typeof ALL_MONTHS): void {
  if (!summaryExists(db)) return; // a database older than the summary (migration tests)
  const insert = db.prepare('INSERT OR IGNORE INTO stats_dirty (period) VALUES (?)');
  if (months === ALL_MONTHS) insert.run(ALL_MONTHS);
  else for (const m of months) insert.run(m);
}

/**
 * The months of some import batches' records, before they are deleted (an undo). Their ids may be given out again to
 * the next import: the summary is told to look again from the lowest of them, so those count as new.
 */
export function markBatchesDirty(db: Db, batchIds: readonly number[]): void {
  if (!summaryExists(db) || !batchIds.length) return;
  const batches = JSON.stringify(batchIds);
  db.prepare(
    `INSERT OR IGNORE INTO stats_dirty (period) SELECT DISTINCT period FROM fdi_record WHERE batch_id IN (SELECT value FROM json_each(?))`,
  ).run(batches);
  db.prepare(
    'UPDATE stats_state SET max_id = min(max_id, coalesce((SELECT min(id) - 1 FROM fdi_record WHERE batch_id IN (SELECT value FROM json_each(?))), max_id))',
  ).run(batches);
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
