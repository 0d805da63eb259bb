import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../errors';

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

export async function backupDatabase(db: Database.Database, dbPath: string, reason: string): Promise<BackupEntry> {
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const safeReason = reason.replace(/[^\w-]/g, '_').slice(0, 40) || 'manual';
  let name = `${stamp()}_${safeReason}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `${stamp()}_${safeReason}-${i}.db`;
  const target = path.join(dir, name);
  try {
    await backupTo(db, target);
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw new AppError('BACKUP_FAILED', String((err as Error).message));
  }
  return describe(dir, name);
}

function describe(dir: string, name: string): BackupEntry {
  const full = path.join(dir, name);
  const stat = fs.statSync(full);
  const m = name.match(/^\d{8}-\d{6}_(.+?)(?:-\d+)?\.db$/);
  return { name, path: full, size: stat.size, createdAt: stat.mtime.toISOString(), reason: m?.[1] ?? '' };
}

export function listBackups(dbPath: string): BackupEntry[] {
  const dir = backupDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .sort()
    .reverse()
    .map((n) => describe(dir, n));
}

/** Keeps the newest `keep` backups made for `reason`; older ones of that reason are deleted. */
export function pruneBackups(dbPath: string, reason: string, keep: number): void {
  for (const entry of listBackups(dbPath).filter((b) => b.reason === reason).slice(keep)) fs.rmSync(entry.path, { force: true });
}
