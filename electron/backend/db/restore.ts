import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BackendContext } from '../context';
import { writeAudit } from '../audit';
import { AppError } from '../errors';
import { backupDatabase, saveFileAside } from './backups';
import { quickHealth } from './health';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** Pages copied per step of a restore (16 MiB): between steps the backend answers other requests. */
const PAGES_PER_STEP = 4096;
/** How long a restore waits for another program's write on the same file (the app, while the CLI restores). */
const LOCK_WAIT_MS = 10_000;

/** Jobs that read the database as they go (the writers are named by the gate): a restore waits for them to end. */
const READING_JOBS: Record<string, string> = {
  'fdiImport.preview': '读取外资统计报表',
  'stats.export': '导出外资统计',
  'projects.export': '导出项目',
  'enterprises.export': '导出企业名录',
  'chains.export': '导出产业链图谱',
};

/** SQLite's reasons a copy fails, said in Chinese (its English text is for the log). */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_FULL: '磁盘空间不足',
  SQLITE_READONLY: '数据库文件不可写入（或备份的页大小与它不同）',
  SQLITE_IOERR: '读写磁盘出错',
  SQLITE_CORRUPT: '文件已损坏',
  SQLITE_NOTADB: '不是数据库文件',
  SQLITE_CANTOPEN: '无法打开文件',
};

function reason(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const code = String((err as { code?: string })?.code ?? '');
  const known = Object.keys(SQLITE_REASONS).find((k) => code === k || code.startsWith(`${k}_`));
  return known ? SQLITE_REASONS[known]! : `出错（${code || (err as Error)?.message}）`;
}

/** Checks a file can become the database before anything is touched: readable, ours, not newer, not damaged. */
export function verifyRestorable(file: string, name: string, nativeBinding?: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('DB_TOO_NEW', `${name}：数据库版本 ${version}，本程序支持到 ${LATEST_SCHEMA_VERSION}`);
    if (version === 0) throw new AppError('DB_UNREADABLE', `${name}：不是外资工作台的数据库`);
    const health = quickHealth(db);
    if (!health.ok) throw new AppError('DB_INTEGRITY', `${name}：${health.findings[0]}`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('DB_UNREADABLE', `${name}：${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Writes the database `source` over `target` with SQLite's backup API: one write transaction on the target, taken
 * under SQLite's own lock, so every other connection sees the old database or the new one, never a mix; a failure
 * (or the process being killed) part way leaves the target as it was. Connections to `target` stay valid: SQLite
 * bumps its schema version, so they read the new schema.
 */
export async function copyDatabaseInto(source: string, target: string, nativeBinding?: string): Promise<void> {
  const from = new Database(source, { readonly: true, fileMustExist: true, nativeBinding });
  let remaining = -1;
  let since = Date.now();
  try {
    await from.backup(target, {
      progress: ({ remainingPages }) => {
        // a step that copied nothing found the target locked by another connection (SQLITE_BUSY)
        if (remainingPages !== remaining) [remaining, since] = [remainingPages, Date.now()];
        else if (Date.now() - since > LOCK_WAIT_MS) throw new AppError('DB_BUSY', '数据库正被另一个程序写入');
        return PAGES_PER_STEP;
      },
    });
  } finally {
    from.close();
  }
}

/**
 * Restores a backup into the open database, alone (WriteGate.exclusive: refused while an import, or any other job,
 * runs). The current database is saved aside first; whatever fails, the backend is left open on a good database and
 * the error says which one.
 */
export async function restoreBackup(ctx: BackendContext, source: { path: string; name: string }): Promise<{ restoredFrom: string; savedCurrentAs: string }> {
  return ctx.gate.exclusive('恢复备份', async () => {
    // an export reading the old database would fail half way once it is reopened; an FDI import reads its files before
    // it takes its writer turn (which the gate has refused for above), on a connection of its own that the restore
    // leaves valid, and checks what it read against the restored data once its turn comes (fdi-import/worker.ts)
    const reading = ctx.jobs.list().find((j) => j.status === 'running' && j.kind !== 'fdiImport.commit');
    if (reading) throw new AppError('DB_BUSY', `正在${READING_JOBS[reading.kind] ?? '执行一项任务'}，完成后才能恢复备份`);
    verifyRestorable(source.path, source.name, ctx.nativeBinding);
    const saved = await backupDatabase(ctx.db, ctx.dbPath, 'before-restore');
    try {
      await copyDatabaseInto(source.path, ctx.dbPath, ctx.nativeBinding);
    } catch (err) {
      throw new AppError('RESTORE_FAILED', `${reason(err)}；数据库没有改动，仍是恢复前的`);
    }
    try {
      // opened again as at start: checked, migrated when the backup is older, reference data brought up to date
      await ctx.reopen();
    } catch (err) {
      try {
        await copyDatabaseInto(saved.path, ctx.dbPath, ctx.nativeBinding);
        await ctx.reopen();
      } catch (again) {
        throw new AppError('RESTORE_FAILED', `${source.name} 恢复后无法使用（${reason(err)}），回到恢复前的数据库也失败（${reason(again)}）；它另存为 ${saved.name}，可用命令行 restore 恢复`);
      }
      throw new AppError('RESTORE_FAILED', `${source.name} 恢复后无法使用（${reason(err)}）；已回到恢复前的数据库（另存为 ${saved.name}）`);
    }
    noteRestored(ctx, source.name, saved.name);
    return { restoredFrom: source.name, savedCurrentAs: saved.name };
  });
}

/** The restore's audit entry, written into the restored database once it is in place (system.restore's change event reloads open windows). */
export function noteRestored(ctx: BackendContext, from: string, saved: string | null): void {
  writeAudit(ctx.db, { user: ctx.userName(), action: 'restore', entity: 'database', after: { from, saved } });
}

/**
 * Restores a backup over a database no backend can open (damaged, or not a database at all): the file is copied
 * aside as it is, the backup is copied to a new file beside it and checked, and that file is renamed over the old one.
 * Only for a file no program has open — the app refuses a damaged database, so none should.
 */
export async function replaceUnopenableDatabase(dbPath: string, source: { path: string; name: string }, nativeBinding?: string): Promise<{ restoredFrom: string; savedCurrentAs: string | null }> {
  verifyRestorable(source.path, source.name, nativeBinding);
  const saved = fs.existsSync(dbPath) ? saveFileAside(dbPath, 'damaged') : null;
  const fresh = `${dbPath}.restoring`;
  fs.rmSync(fresh, { force: true });
  try {
    await copyDatabaseInto(source.path, fresh, nativeBinding);
    verifyRestorable(fresh, source.name, nativeBinding);
  } catch (err) {
    fs.rmSync(fresh, { force: true });
    throw new AppError('RESTORE_FAILED', `${reason(err)}；数据库文件没有改动`);
  }
  // the old file's -wal would be applied to the new one: it goes first (it was copied aside)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.renameSync(fresh, dbPath);
  return { restoredFrom: source.name, savedCurrentAs: saved?.name ?? null };
}
