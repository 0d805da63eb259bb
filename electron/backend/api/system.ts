import path from 'node:path';
import type { systemMethods } from '../../../shared/api/system';
import { commitsItself, type AreaHandlers, type BackendContext } from '../context';
import { backupDatabase, backupDirFor, listBackups } from '../db/backups';
import { restoreBackup } from '../db/restore';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { AppError } from '../errors';
import { readSetting } from '../settings/store';

/** Tables whose row counts `check` reports. */
const COUNTED_TABLES = ['enterprise', 'fdi_record', 'import_batch', 'project', 'chain', 'segment', 'target', 'district', 'platform', 'audit_log'];

/** The full check (`integrity_check`: every page, and every index against its table), the version, and counts. */
export function checkDatabase(ctx: BackendContext) {
  let integrity: string;
  try {
    integrity = (ctx.db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('\n');
  } catch (err) {
    integrity = (err as Error).message; // damage that stops the check itself
  }
  const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) {
    try {
      counts[t] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    } catch {
      // a table too damaged to count is left out; the integrity line says why
    }
  }
  return {
    ok: integrity === 'ok' && schemaVersion === LATEST_SCHEMA_VERSION,
    integrity,
    schemaVersion,
    appSchemaVersion: LATEST_SCHEMA_VERSION,
    counts,
  };
}

export const systemHandlers: AreaHandlers<typeof systemMethods> = {
  'system.info': (_input, ctx) => ({
    path: ctx.dbPath,
    backupDir: backupDirFor(ctx.dbPath),
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    appVersion: ctx.appVersion,
    isDemo: readSetting(ctx.db, 'demo', false),
  }),
  'system.check': (_input, ctx) => checkDatabase(ctx),
  'system.listBackups': (_input, ctx) => listBackups(ctx.dbPath),
  'system.backup': ({ reason }, ctx) => backupDatabase(ctx.db, ctx.dbPath, reason),
  // swaps the database file: no transaction of dispatch's could hold across it
  'system.restore': commitsItself(({ name }, ctx) => {
    const source = listBackups(ctx.dbPath).find((b) => b.name === path.basename(name));
    if (!source) throw new AppError('FILE_NOT_FOUND', name);
    return restoreBackup(ctx, source);
  }),
};
