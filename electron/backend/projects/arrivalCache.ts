import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../settings/store';
import { arrivalBehindIdsSql, clockParams, type AlertClock } from './alerts';

const PERIOD_KEY = 'projectArrivalPeriod';

/**
 * Brings project_arrival_behind up to date for the clock's month (migration 0004 explains the table and the triggers
 * that mark projects dirty): in full when the month changed, else only for the dirty projects. Cheap when nothing
 * changed — one setting read and one probe of the dirty table — so every query that shows the alert calls it first.
 */
export function refreshArrival(db: Db, clock: AlertClock): void {
  const period = readSetting<string | null>(db, PERIOD_KEY, null);
  const params = clockParams(clock);
  if (period !== clock.arrivalPeriod) {
    db.transaction(() => {
      db.exec('DELETE FROM project_arrival_behind; DELETE FROM project_arrival_dirty;');
      db.prepare(`INSERT INTO project_arrival_behind (project_id) ${arrivalBehindIdsSql(null)}`).run(params);
      writeSetting(db, PERIOD_KEY, clock.arrivalPeriod);
    })();
    return;
  }
  if (!db.prepare('SELECT 1 FROM project_arrival_dirty LIMIT 1').get()) return;
  db.transaction(() => {
    const scope = 'SELECT project_id FROM project_arrival_dirty';
    db.exec(`DELETE FROM project_arrival_behind WHERE project_id IN (${scope})`);
    db.prepare(`INSERT OR IGNORE INTO project_arrival_behind (project_id) ${arrivalBehindIdsSql(scope)}`).run(params);
    db.exec('DELETE FROM project_arrival_dirty');
  })();
}

/** Projects with the arrival alert, once refreshArrival has run. */
export const ARRIVAL_IDS_SQL = 'SELECT project_id FROM project_arrival_behind';
