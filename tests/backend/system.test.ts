import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api';
import { DATA_AREAS } from '../../shared/api/define';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/backend/db/migrations';
import { backupDirFor, listBackups } from '../../electron/backend/db/backups';
import { openDatabase } from '../../electron/backend/db/open';
import { AppError } from '../../electron/backend/errors';
import { APP_VERSION } from '../../electron/backend/version';
import type { Backend } from '../../electron/backend/create';
import { call, tempBackend } from '../helpers/backend';

type Backup = { name: string; path: string; size: number; createdAt: string; reason: string };
const districtNames = async (b: Backend) => (await call(b, 'settings.get')).districts.map((d: { name: string }) => d.name);

describe('system.info and system.check', () => {
  it('describe the database', async () => {
    const b = await tempBackend({ demo: true });
    expect(await call(b, 'system.info')).toEqual({
      path: b.ctx.dbPath,
      backupDir: backupDirFor(b.ctx.dbPath),
      schemaVersion: LATEST_SCHEMA_VERSION,
      appVersion: APP_VERSION,
      isDemo: true,
    });
    const check = await call(b, 'system.check');
    expect(check).toMatchObject({ ok: true, integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, appSchemaVersion: LATEST_SCHEMA_VERSION });
    expect(check.counts.fdi_record).toBe(b.ctx.db.prepare('SELECT count(*) FROM fdi_record').pluck().get());
    expect(check.counts.enterprise).toBeGreaterThan(0);
  });
});

describe('system.backup / listBackups / restore', () => {
  it('backs up with db.backup() into <db>.backups/, listed newest first', async () => {
    const b = await tempBackend();
    expect(await call(b, 'system.listBackups')).toEqual([]);
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const first = await call<Backup>(b, 'system.backup', {});
    expect(first).toMatchObject({ reason: 'manual', path: path.join(backupDirFor(b.ctx.dbPath), first.name) });
    expect(first.name).toMatch(/^\d{8}-\d{6}_manual\.db$/);
    expect(first.size).toBe(fs.statSync(first.path).size);
    const second = await call<Backup>(b, 'system.backup', { reason: 'before-import' });
    expect(second.reason).toBe('before-import');
    const listed = await call<Backup[]>(b, 'system.listBackups');
    expect(listed.map((x) => x.name).sort()).toEqual([first.name, second.name].sort());
    // the copy is a complete, readable database
    const copy = new Database(first.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM district').pluck().all()).toEqual(['姑苏区']);
    // one self-contained file: not WAL, so nothing else is needed to open it
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fs.readdirSync(backupDirFor(b.ctx.dbPath)).filter((n) => !n.endsWith('.db'))).toEqual([]);
  });

  it('two backups within the same second get different names', async () => {
    const b = await tempBackend();
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) names.add((await call<Backup>(b, 'system.backup', { reason: 'same' })).name);
    expect(names.size).toBe(3);
    expect((await call<Backup[]>(b, 'system.listBackups')).every((x) => x.reason === 'same')).toBe(true);
  });

  it('restore: the current database is copied aside first, then the data is the backup’s, with an audit entry', async () => {
    const b = await tempBackend();
    const seen: BackendEvent[] = [];
    b.ctx.events.on((e) => seen.push(e));
    await call(b, 'settings.setPreferences', { userName: '赵科员' });
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const backup = await call<Backup>(b, 'system.backup', {});
    await call(b, 'settings.saveDistrict', { name: '吴中区' }); // made after the backup

    const result = await call(b, 'system.restore', { name: backup.name });
    expect(result.restoredFrom).toBe(backup.name);
    expect(result.savedCurrentAs).toMatch(/_before-restore\.db$/);

    // the data is the backup's, through the same backend (reopened)
    expect(await districtNames(b)).toEqual(['姑苏区']);
    // the database as it was just before the restore is kept
    const saved = new Database(path.join(backupDirFor(b.ctx.dbPath), result.savedCurrentAs), { readonly: true });
    expect(saved.prepare('SELECT name FROM district ORDER BY id').pluck().all()).toEqual(['姑苏区', '吴中区']);
    saved.close();
    // audited in the restored database, by the user
    const entry = b.ctx.db.prepare(`SELECT user, action, entity, after FROM audit_log WHERE action = 'restore'`).get() as { user: string; after: string };
    expect(entry).toMatchObject({ user: '赵科员', action: 'restore', entity: 'database' });
    expect(JSON.parse(entry.after)).toEqual({ from: backup.name, saved: result.savedCurrentAs });
    expect(seen).toContainEqual({ type: 'changed', areas: DATA_AREAS });
    // and it can itself be undone
    await call(b, 'system.restore', { name: result.savedCurrentAs });
    expect(await districtNames(b)).toEqual(['姑苏区', '吴中区']);
    // checking the backups left nothing beside them (no -wal/-shm)
    expect(fs.readdirSync(backupDirFor(b.ctx.dbPath)).filter((n) => !n.endsWith('.db'))).toEqual([]);
  });

  it('restore refuses a name that is not a backup, with no change', async () => {
    const b = await tempBackend();
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    await call(b, 'system.backup', {});
    for (const name of ['nope.db', '../test.db', b.ctx.dbPath]) {
      const r = await b.dispatch('system.restore', { name });
      expect(r.ok ? null : r.error.code, name).toBe('FILE_NOT_FOUND');
    }
    expect(await call<Backup[]>(b, 'system.listBackups')).toHaveLength(1);
    expect(await districtNames(b)).toEqual(['姑苏区']);
  });

  it('restore refuses a damaged backup and keeps the current database open and unchanged', async () => {
    const b = await tempBackend();
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const dir = backupDirFor(b.ctx.dbPath);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '20250101-000000_manual.db'), 'not a database at all'.repeat(300));
    const r = await b.dispatch('system.restore', { name: '20250101-000000_manual.db' });
    expect(r.ok ? null : r.error.code).toBe('DB_UNREADABLE');
    expect(await call<Backup[]>(b, 'system.listBackups')).toHaveLength(1); // no before-restore copy was needed
    expect(await districtNames(b)).toEqual(['姑苏区']);
    expect(await call(b, 'system.check')).toMatchObject({ ok: true });
  });

  it('restore refuses a backup from a newer app version', async () => {
    const b = await tempBackend();
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const backup = await call<Backup>(b, 'system.backup', {});
    const raw = new Database(backup.path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const r = await b.dispatch('system.restore', { name: backup.name });
    expect(r.ok ? null : r.error.code).toBe('DB_TOO_NEW');
    expect(await districtNames(b)).toEqual(['姑苏区']);
  });

  it('a backup from an older version is migrated once in place (its own before-migrate copy kept)', async () => {
    const b = await tempBackend();
    const old = path.join(backupDirFor(b.ctx.dbPath), '20200101-000000_manual.db');
    fs.mkdirSync(path.dirname(old), { recursive: true });
    const olderVersions = MIGRATIONS.slice(0, 2);
    const db = await openDatabase(old, { create: true, migrations: olderVersions });
    db.prepare("INSERT INTO district (name) VALUES ('旧版本区')").run();
    db.close();
    await call(b, 'system.restore', { name: path.basename(old) });
    expect(b.ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(await districtNames(b)).toEqual(['旧版本区']);
    expect(listBackups(b.ctx.dbPath).map((x) => x.reason)).toContain(`before-migrate-v${olderVersions.at(-1)!.version}`);
    expect(await call(b, 'system.check')).toMatchObject({ ok: true });
  });

  it('a restored database that cannot be opened is rolled back: the backend stays on the database it had, and says so', async () => {
    const b = await tempBackend();
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const backup = await call<Backup>(b, 'system.backup', {});
    await call(b, 'settings.saveDistrict', { name: '吴中区' });
    const reopen = b.ctx.reopen;
    let calls = 0;
    b.ctx.reopen = async () => {
      await reopen();
      // the first opening, on the restored file, fails as a failing migration would
      if (++calls === 1) throw new AppError('DB_MIGRATION_FAILED', '第 9 步：测试');
    };
    const r = await b.dispatch('system.restore', { name: backup.name });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'RESTORE_FAILED',
      message: expect.stringMatching(new RegExp(`${backup.name} 恢复后无法使用（数据库升级失败.*）；已回到恢复前的数据库（另存为 .*_before-restore\\.db）`)),
    });
    expect(calls).toBe(2);
    expect(await districtNames(b)).toEqual(['姑苏区', '吴中区']);
    expect(await call(b, 'system.check')).toMatchObject({ ok: true });
  });

  it('a backup that cannot be written into the database (another page size) leaves it unchanged and usable', async () => {
    const b = await tempBackend();
    await call(b, 'settings.saveDistrict', { name: '姑苏区' });
    const backup = await call<Backup>(b, 'system.backup', {});
    const odd = path.join(path.dirname(backup.path), '20200101-000000_manual.db');
    const copy = new Database(backup.path);
    copy.pragma('page_size = 8192');
    copy.exec(`VACUUM INTO '${odd}'`);
    copy.close();
    const r = await b.dispatch('system.restore', { name: path.basename(odd) });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'RESTORE_FAILED', message: expect.stringContaining('数据库没有改动，仍是恢复前的') });
    expect(await districtNames(b)).toEqual(['姑苏区']);
    await call(b, 'settings.saveDistrict', { name: '吴中区' });
    expect(await call(b, 'system.check')).toMatchObject({ ok: true });
  });

  it('a restore waits for no job: during an export it is refused, and the export ends well', async () => {
    const b = await tempBackend({ demo: true });
    const backup = await call<Backup>(b, 'system.backup', {});
    const { jobId } = await call(b, 'stats.export', { from: '2026-01', to: '2026-06' });
    const r = await b.dispatch('system.restore', { name: backup.name });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'DB_BUSY', message: expect.stringContaining('正在导出外资统计，完成后才能恢复备份') });
    expect((await b.ctx.jobs.wait(jobId)).status).toBe('done');
    expect((await b.dispatch('system.restore', { name: backup.name })).ok).toBe(true);
  });
});
