import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create';
import { quickHealth } from '../../electron/backend/db/health';
import { openDatabase } from '../../electron/backend/db/open';
import { call, tempBackend } from '../helpers/backend';
import { damagePage } from '../helpers/damage';

/** A demo database with two backups, closed, so its file can be damaged. */
async function demoWithBackups() {
  const b = await tempBackend({ demo: true });
  const first = await call(b, 'system.backup', { reason: 'manual' });
  const second = await call(b, 'system.backup', { reason: 'before-import' });
  b.close();
  return { file: b.ctx.dbPath, dir: b.dir, backups: [second.name, first.name] as string[] };
}

describe('health on open', () => {
  it('a damaged database is refused with DB_DAMAGED, SQLite’s finding, and its backups newest first; the file is not touched', async () => {
    const { file, dir, backups } = await demoWithBackups();
    damagePage(file, 'fdi_record');
    const before = fs.readFileSync(file);
    const err = await createBackend({ dbPath: file, workDir: path.join(dir, 'w'), log: () => undefined }).then(
      () => null,
      (e) => e,
    );
    expect(err?.toData()).toMatchObject({
      code: 'DB_DAMAGED',
      message: expect.stringMatching(/^数据库文件已损坏，已停止使用；请从备份恢复：.*最新的备份是 \S+（共 2 个）$/),
      problems: [
        { code: 'DB_DAMAGED', message: '完整性检查的发现', value: expect.any(String), severity: 'error' },
        ...backups.map((name) => ({ code: 'BACKUP_AVAILABLE', value: name, severity: 'warning' })),
      ],
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // refused before WAL mode or any migration
  });

  it('a damaged index is found as well, and a database with no backups says so', async () => {
    const b = await tempBackend({ demo: true });
    b.close();
    damagePage(b.ctx.dbPath, 'enterprise_name');
    await expect(openDatabase(b.ctx.dbPath)).rejects.toMatchObject({ code: 'DB_DAMAGED', message: expect.stringContaining('备份文件夹中没有备份') });
  });

  it('over the page budget, every table but fdi_record is checked; fdi_record is left to the full check', async () => {
    const { file } = await demoWithBackups();
    damagePage(file, 'fdi_record');
    const db = new Database(file, { readonly: true });
    try {
      expect(quickHealth(db, 1)).toEqual({ ok: true, findings: [], unchecked: ['fdi_record'] });
      expect(quickHealth(db).ok).toBe(false);
    } finally {
      db.close();
    }
    const { file: other } = await demoWithBackups();
    damagePage(other, 'enterprise');
    const db2 = new Database(other, { readonly: true });
    try {
      expect(quickHealth(db2, 1)).toMatchObject({ ok: false, unchecked: [] });
    } finally {
      db2.close();
    }
  });

  it('a sound database opens', async () => {
    const { file, dir } = await demoWithBackups();
    const b = await createBackend({ dbPath: file, workDir: path.join(dir, 'w'), log: () => undefined });
    expect(await call(b, 'system.check')).toMatchObject({ ok: true, integrity: 'ok' });
    b.close();
  });
});
