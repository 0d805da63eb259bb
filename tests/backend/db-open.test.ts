import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import type { Migration } from '../../electron/backend/db/migration';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { backupDirFor } from '../../electron/backend/db/backups';
import { AppError } from '../../electron/backend/errors';
import { tempDir } from '../helpers/backend';

/** A small schema history for these tests only: two good steps. */
const v1: Migration = { version: 1, name: 'notes', up: 'CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' };
const v2: Migration = {
  version: 2,
  name: 'note-tags',
  up: (db) => {
    db.exec(`ALTER TABLE note ADD COLUMN tag TEXT NOT NULL DEFAULT ''`);
    db.prepare(`UPDATE note SET tag = 'old'`).run();
  },
};
/** A step that does part of its work, then fails. */
const v2Broken: Migration = { version: 2, name: 'broken', up: `CREATE TABLE half_done (x); ALTER TABLE note ADD COLUMN tag TEXT; INSERT INTO no_such_table VALUES (1);` };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Every file in a folder with its bytes, to prove a refused open left everything as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    out[name] = fs.statSync(full).isDirectory() ? 'dir' : fs.readFileSync(full).toString('base64');
  }
  return out;
}

async function dbAtV1(dir: string): Promise<string> {
  const file = path.join(dir, 'old.db');
  const db = await openDatabase(file, { create: true, migrations: [v1] });
  db.prepare('INSERT INTO note (text) VALUES (?)').run('外资项目跟踪');
  db.close();
  return file;
}

describe('openDatabase', () => {
  it('refuses a database from a newer app with DB_TOO_NEW and leaves it byte-for-byte untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE future (x); INSERT INTO future VALUES ('from v${LATEST_SCHEMA_VERSION + 1}');`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = snapshot(dir);

    const err = await refusal(openDatabase(file));
    expect(err.code).toBe('DB_TOO_NEW');
    expect(err.message).toContain(String(LATEST_SCHEMA_VERSION + 1));
    expect(snapshot(dir)).toEqual(before); // same bytes, no -wal/-shm, no backup folder
    expect(fs.existsSync(backupDirFor(file))).toBe(false);
  });

  it('refuses a newer database that is in WAL mode too, without changing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer-wal.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    raw.pragma('user_version = 99');
    raw.close();
    const before = snapshot(dir);
    expect((await refusal(openDatabase(file, { migrations: [v1, v2] }))).code).toBe('DB_TOO_NEW');
    expect(snapshot(dir)).toEqual(before);
  });

  it('backs an older database up with db.backup() into <db>.backups/ before migrating it', async () => {
    const dir = tempDir();
    const file = await dbAtV1(dir);
    const db = await openDatabase(file, { migrations: [v1, v2] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT text, tag FROM note').all()).toEqual([{ text: '外资项目跟踪', tag: 'old' }]);
    db.close();

    const backups = fs.readdirSync(backupDirFor(file));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^\d{8}-\d{6}_before-migrate-v1\.db$/);
    const copy = new Database(path.join(backupDirFor(file), backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT * FROM note').all()).toEqual([{ id: 1, text: '外资项目跟踪' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('makes no backup for a database that is already current, nor for a brand-new one', async () => {
    const dir = tempDir();
    const file = await dbAtV1(dir); // created fresh: no backup
    expect(fs.existsSync(backupDirFor(file))).toBe(false);
    (await openDatabase(file, { migrations: [v1] })).close();
    expect(fs.existsSync(backupDirFor(file))).toBe(false);
  });

  it('rolls a failing migration back: DB_MIGRATION_FAILED, still at the old version, nothing half-done, handle closed', async () => {
    const dir = tempDir();
    const file = await dbAtV1(dir);
    const err = await refusal(openDatabase(file, { migrations: [v1, v2Broken] }));
    expect(err.code).toBe('DB_MIGRATION_FAILED');
    expect(err.message).toMatch(/第 2 步（broken）/);
    expect(err.toData().message).toMatch(/^数据库升级失败/);

    // the refused database was closed (an open WAL connection keeps its -wal file)
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('half_done');
    expect(db.prepare('SELECT * FROM note').all()).toEqual([{ id: 1, text: '外资项目跟踪' }]);
    db.close();
    // the backup taken before the attempt is there
    expect(fs.readdirSync(backupDirFor(file))).toHaveLength(1);

    // and a later app with a good step 2 migrates it fine
    const fixed = await openDatabase(file, { migrations: [v1, v2] });
    expect(fixed.pragma('user_version', { simple: true })).toBe(2);
    fixed.close();
  });

  it('keeps the steps that succeeded when a later one fails', async () => {
    const file = path.join(tempDir(), 'steps.db');
    const v3Broken: Migration = { version: 3, name: 'bad', up: () => { throw new Error('boom'); } };
    const err = await refusal(openDatabase(file, { create: true, migrations: [v1, v2, v3Broken] }));
    expect(err.code).toBe('DB_MIGRATION_FAILED');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('a migration that breaks a foreign key is refused', async () => {
    const file = path.join(tempDir(), 'fk.db');
    const parent: Migration = { version: 1, name: 'parent', up: 'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p_id INTEGER REFERENCES p(id));' };
    const orphan: Migration = { version: 2, name: 'orphan', up: 'INSERT INTO c VALUES (42);' };
    const err = await refusal(openDatabase(file, { create: true, migrations: [parent, orphan] }));
    expect(err.code).toBe('DB_MIGRATION_FAILED');
    expect(err.message).toMatch(/外键/);
  });

  it('a file that is not SQLite is DB_UNREADABLE, and is left as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, `这不是数据库。${'x'.repeat(5000)}`);
    const before = snapshot(dir);
    const err = await refusal(openDatabase(file));
    expect(err.code).toBe('DB_UNREADABLE');
    expect(err.message).toMatch(/^无法打开数据库文件/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('another program’s SQLite file is DB_UNREADABLE: our schema is never migrated into it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'places.sqlite');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org');`);
    raw.close();
    const before = snapshot(dir);
    const err = await refusal(openDatabase(file, { migrations: [v1] }));
    expect(err.code).toBe('DB_UNREADABLE');
    expect(err.message).toMatch(/不是外资工作台的数据库/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an empty (0-byte) file is a new database', async () => {
    const file = path.join(tempDir(), 'zero.db');
    fs.writeFileSync(file, '');
    const db = await openDatabase(file, { migrations: [v1] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('a missing file is DB_UNREADABLE unless asked to create it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'missing.db');
    expect((await refusal(openDatabase(file))).code).toBe('DB_UNREADABLE');
    expect(fs.existsSync(file)).toBe(false);
    const db = await openDatabase(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('a folder in place of the file is DB_UNREADABLE', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.db'));
    expect((await refusal(openDatabase(path.join(dir, 'folder.db')))).code).toBe('DB_UNREADABLE');
  });
});
