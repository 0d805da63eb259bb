import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import { processAlive } from '../process-alive';

export interface BackupEntry {
  name: string;
  path: string;
  size: number;
  createdAt: string;
  reason: string;
}

/** Backups live beside the database, in `<name>.backups/`, named `<timestamp>_<reason>.db` so they sort by time. */
export function backupDirFor(dbPath: string): string {
  return `${dbPath}.backups`;
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*/, '');
}

/**
 * Works on another database file through the live connection (ATTACH) rather than a second connection, which could
 * load a different build of the native module than the one the app opened the database with (Electron).
 */
export function withAttached<T>(db: Database.Database, file: string, work: (schema: string) => T): T {
  const schema = 'fdi_desk_other';
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  try {
    return work(schema);
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}

/**
 * Copies a live database to `target` with `db.backup()`, as one self-contained file: the copy is switched from WAL to
 * the rollback journal, so opening it (even read-only, or from a read-only folder) needs no -wal/-shm beside it.
 */
export async function backupTo(db: Database.Database, target: string): Promise<void> {
  await db.backup(target);
  withAttached(db, target, (schema) => db.pragma(`${schema}.journal_mode = DELETE`));
}

/** The suffix of a backup whose import has not committed yet, followed by its process id (see pendingBackup). */
const PENDING = '.pending-';

/** A fresh path in the backup folder for a backup made now for `reason` (`<timestamp>_<reason>[-n].db`). */
function newBackupPath(dbPath: string, reason: string): string {
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const safeReason = reason.replace(/[^\w-]/g, '_').slice(0, 40) || 'manual';
  let name = `${stamp()}_${safeReason}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)) || fs.existsSync(path.join(dir, `${name}${PENDING}${process.pid}`)); i++) {
    name = `${stamp()}_${safeReason}-${i}.db`;
  }
  return path.join(dir, name);
}

async function backupInto(db: Database.Database, target: string): Promise<void> {
  try {
    await backupTo(db, target);
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw new AppError('BACKUP_FAILED', String((err as Error).message));
  }
}

export async function backupDatabase(db: Database.Database, dbPath: string, reason: string): Promise<BackupEntry> {
  const target = newBackupPath(dbPath, reason);
  await backupInto(db, target);
  return describe(path.dirname(target), path.basename(target));
}

/**
 * A backup taken before an import is pending until the import commits: it is written as `<name>.pending-<pid>`, which
 * listBackups does not show (it holds nothing a person could want unless the import went in), and `keep` gives it its
 * name. A refused import deletes it (`discard`); one a killed import left behind is deleted at the next start
 * (removeOrphanBackups) — its import wrote nothing.
 */
export interface PendingBackup {
  readonly name: string;
  keep(): BackupEntry;
  discard(): void;
}

export async function pendingBackup(db: Database.Database, dbPath: string, reason: string): Promise<PendingBackup> {
  const final = newBackupPath(dbPath, reason);
  const pending = `${final}${PENDING}${process.pid}`;
  await backupInto(db, pending);
  return {
    name: path.basename(final),
    keep: () => {
      fs.renameSync(pending, final);
      return describe(path.dirname(final), path.basename(final));
    },
    discard: () => fs.rmSync(pending, { force: true }),
  };
}

/** Deletes pending backups whose process has ended (killed during its import); returns their names. */
export function removeOrphanBackups(dbPath: string): string[] {
  const dir = backupDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  const orphans = fs.readdirSync(dir).filter((n) => {
    const pid = Number(n.slice(n.lastIndexOf(PENDING) + PENDING.length));
    return n.includes(PENDING) && Number.isInteger(pid) && pid > 0 && !processAlive(pid);
  });
  for (const name of orphans) fs.rmSync(path.join(dir, name), { force: true });
  return orphans;
}

/**
 * Copies a database that cannot be opened (damaged) aside as it is, byte for byte with its -wal, so that restoring a
 * backup over it loses nothing that could still be rescued.
 */
export function saveFileAside(dbPath: string, reason: string): BackupEntry {
  const target = newBackupPath(dbPath, reason);
  fs.copyFileSync(dbPath, target);
  if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${target}-wal`);
  return describe(path.dirname(target), path.basename(target));
}

function describe(dir: string, name: string): BackupEntry {
  const full = path.join(dir, name);
  const stat = fs.statSync(full);
  const m = name.match(/^\d{8}-\d{6}_(.+?)(?:-\d+)?\.db$/);
  return { name, path: full, size: stat.size, createdAt: stat.mtime.toISOString(), reason: m?.[1] ?? '' };
}

/** The backups, newest first: by name (its timestamp), and within one second by the time the file was written. */
export function listBackups(dbPath: string): BackupEntry[] {
  const dir = backupDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  const second = (name: string) => name.slice(0, 15);
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .map((n) => describe(dir, n))
    .sort((a, b) => second(b.name).localeCompare(second(a.name)) || b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups made for `reason`; older ones of that reason are deleted. */
export function pruneBackups(dbPath: string, reason: string, keep: number): void {
  for (const entry of listBackups(dbPath).filter((b) => b.reason === reason).slice(keep)) fs.rmSync(entry.path, { force: true });
}
