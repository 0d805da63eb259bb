import fs from 'node:fs';
import path from 'node:path';
import type { systemMethods } from '../../../shared/api/system';
import type { AreaHandlers, BackendContext } from '../context';
import { writeAudit } from '../audit';
import { backupDatabase, backupDirFor, listBackups, withAttached } from '../db/backups';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { AppError } from '../errors';
import { readSetting } from '../settings/store';

/** Tables whose row counts `check` reports. */
const COUNTED_TABLES = ['enterprise', 'fdi_record', 'import_batch', 'project', 'chain', 'segment', 'target', 'district', 'platform', 'audit_log'];

export function checkDatabase(ctx: BackendContext) {
  const integrity = (ctx.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  const schemaVersion = ctx.db.pragma('user_version', { simple: true }) as number;
  const counts: Record<string, number> = {};
  for (const t of COUNTED_TABLES) counts[t] = (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return {
    ok: integrity === 'ok' && schemaVersion === LATEST_SCHEMA_VERSION,
    integrity,
    schemaVersion,
    appSchemaVersion: LATEST_SCHEMA_VERSION,
    counts,
  };
}

/** Checks that a backup can become the database: readable, intact, not from a newer app. */
function verifyBackup(db: Db, file: string, name: string): void {
  try {
    withAttached(db, file, (schema) => {
      const version = db.pragma(`${schema}.user_version`, { simple: true }) as number;
      if (version > LATEST_SCHEMA_VERSION) {
        throw new AppError('DB_TOO_NEW', `${name}：数据库版本 ${version}，本程序支持到 ${LATEST_SCHEMA_VERSION}`);
      }
      const integrity = db.pragma(`${schema}.quick_check`, { simple: true }) as string;
      if (integrity !== 'ok') throw new AppError('DB_INTEGRITY', `${name}：${integrity}`);
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('DB_UNREADABLE', `${name}：${(err as Error).message}`);
  }
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
  'system.restore': async ({ name }, ctx) => {
    const source = listBackups(ctx.dbPath).find((b) => b.name === path.basename(name));
    if (!source) throw new AppError('FILE_NOT_FOUND', name);
    // Checked before anything is touched: a damaged or newer backup must not replace a working database.
    verifyBackup(ctx.db, source.path, source.name);
    // The current database is copied aside first, so a restore can itself be undone.
    const saved = await backupDatabase(ctx.db, ctx.dbPath, 'before-restore');
    ctx.db.close();
    try {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(ctx.dbPath + suffix, { force: true });
      fs.copyFileSync(source.path, ctx.dbPath);
    } finally {
      await ctx.reopen();
    }
    writeAudit(ctx.db, { user: ctx.userName(), action: 'restore', entity: 'database', after: { from: source.name, saved: saved.name } });
    ctx.events.emit({ type: 'changed', area: '*' });
    return { restoredFrom: source.name, savedCurrentAs: saved.name };
  },
};
