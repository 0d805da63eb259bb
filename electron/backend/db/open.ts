import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { backupDatabase } from './backups';
import { backupProblems, damagedError, quickHealth } from './health';
import type { Migration } from './migration';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (otherwise a missing file is DB_UNREADABLE). */
  create?: boolean;
  migrations?: readonly Migration[];
  /** better-sqlite3's compiled addon to use instead of node_modules' one (Electron in development needs its ABI). */
  nativeBinding?: string;
}

/**
 * Opens (and creates or migrates) a database: WAL, foreign keys, a busy timeout. A database from a newer app is
 * refused untouched, and so is a damaged one (a bounded quick_check, see health.ts); an older one is copied aside with
 * `db.backup()` before its first migration runs.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const exists = fs.existsSync(file);
  if (!exists && !options.create) throw new AppError('DB_UNREADABLE', `文件不存在：${file}`);
  if (!exists) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: exists, nativeBinding: options.nativeBinding });
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      db.close();
      throw new AppError('DB_TOO_NEW', `数据库版本 ${version}，本程序支持到 ${latest}`);
    }
    // Version 0 with tables in it is some other program's SQLite file: never migrate our schema into it.
    if (version === 0 && (db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number) > 0) {
      throw new AppError('DB_UNREADABLE', `${file}：不是外资工作台的数据库`);
    }
    // a damaged database is refused before anything writes to it (a migration, an import), with its backups listed
    if (exists && version > 0) {
      const health = quickHealth(db);
      if (!health.ok) throw damagedError(file, health);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (version < latest) {
      if (exists && version > 0) await backupDatabase(db, file, `before-migrate-v${version}`);
      migrate(db, migrations, version);
    }
    return db;
  } catch (err) {
    // A refused database must not stay open (it would keep its -wal file and, on Windows, a lock on the file).
    if (db?.open) db.close();
    if (err instanceof AppError) throw err;
    throw new AppError('DB_UNREADABLE', `${file}：${(err as Error).message}`, exists ? backupProblems(file) : undefined);
  }
}

function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  for (const m of migrations.filter((x) => x.version > from)) {
    // foreign_keys cannot change inside a transaction; table rebuilds in later migrations need it off.
    db.pragma('foreign_keys = OFF');
    const step = db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`外键检查未通过（${broken.length} 处）`);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step();
    } catch (err) {
      throw new AppError('DB_MIGRATION_FAILED', `第 ${m.version} 步（${m.name}）：${(err as Error).message}`);
    } finally {
      db.pragma('foreign_keys = ON');
    }
  }
}

export { LATEST_SCHEMA_VERSION };
