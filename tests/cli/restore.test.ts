import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../helpers/backend';
import { damagePage } from '../helpers/damage';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').pop()!) };
}

const districts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM district ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

/** A demo database, its backup (as `backups` names it), and a district added after the backup. */
async function withBackup() {
  const file = path.join(tempDir(), 'r.db');
  expect((await cli('init', '--db', file)).code).toBe(0);
  const backup = path.join(tempDir(), 'copy.db');
  expect((await cli('backup', '--db', file, '--out', backup)).code).toBe(0);
  const db = new Database(file);
  db.prepare("INSERT INTO district (name) VALUES ('备份后新增区')").run();
  db.close();
  return { file, backup };
}

describe('backups and restore', () => {
  it('backups lists the backup folder newest first, without opening the database', async () => {
    const file = path.join(tempDir(), 'b.db');
    const none = await cli('backups', '--db', file, '--json');
    expect(none).toMatchObject({ code: 0 });
    expect(none.json()).toEqual([]);
    await cli('init', '--db', file, '--empty');
    fs.mkdirSync(`${file}.backups`);
    for (const name of ['20250101-080000_manual.db', '20250301-080000_before-import.db']) fs.writeFileSync(path.join(`${file}.backups`, name), 'x');
    const listed = await cli('backups', '--db', file, '--json');
    expect(listed.json().map((b: { name: string; reason: string }) => [b.name, b.reason])).toEqual([
      ['20250301-080000_before-import.db', 'before-import'],
      ['20250101-080000_manual.db', 'manual'],
    ]);
    expect((await cli('backups', '--db', file)).stdout).toMatch(/^20250301-080000_before-import\.db\t0\.0 MB\n20250101/);
  });

  it('restore --from a file: the data is the backup’s, the current database saved aside and listed by backups', async () => {
    const { file, backup } = await withBackup();
    const r = await cli('restore', '--db', file, '--from', backup, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ db: file, restoredFrom: 'copy.db', savedCurrentAs: expect.stringMatching(/_before-restore\.db$/) });
    expect(districts(file)).not.toContain('备份后新增区');
    const saved = (await cli('backups', '--db', file, '--json')).json()[0];
    expect(saved.name).toBe(r.json().savedCurrentAs);
    expect(districts(saved.path)).toContain('备份后新增区');
    // and by name, back again
    const back = await cli('restore', '--db', file, '--from', saved.name);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/^已从 .*_before-restore\.db 恢复 .*；原数据库另存为 /);
    expect(districts(file)).toContain('备份后新增区');
    expect((await cli('check', '--db', file)).code).toBe(0);
  });

  it('a damaged database: check is exit 2 with the backups; restore replaces it, keeping its bytes aside', async () => {
    const { file, backup } = await withBackup();
    await cli('restore', '--db', file, '--from', backup); // leaves a before-restore backup to be listed
    damagePage(file, 'fdi_record');
    const damaged = fs.readFileSync(file);
    const check = await cli('check', '--db', file, '--json');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^错误 \[DB_DAMAGED\]：数据库文件已损坏.*最新的备份是 \d{8}-\d{6}_before-restore\.db（共 1 个）；恢复：restore --db .* --from 备份名称\n/);
    expect(check.stderr).toMatch(/可用于恢复的备份（值：\d{8}-\d{6}_before-restore\.db） \[BACKUP_AVAILABLE\]/);
    expect(check.json().error.problems.filter((p: { code: string }) => p.code === 'BACKUP_AVAILABLE')).toHaveLength(1);
    // every other command refuses it the same way
    expect((await cli('stats', '--db', file, '--from', '2025-01', '--to', '2025-06')).code).toBe(2);

    const r = await cli('restore', '--db', file, '--from', backup, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().savedCurrentAs).toMatch(/_damaged\.db$/);
    expect(fs.readFileSync(path.join(`${file}.backups`, r.json().savedCurrentAs)).equals(damaged)).toBe(true);
    expect((await cli('check', '--db', file, '--json')).json()).toMatchObject({ ok: true, integrity: 'ok' });
    const db = new Database(file, { readonly: true });
    expect(JSON.parse(db.prepare(`SELECT after FROM audit_log WHERE action = 'restore' ORDER BY id DESC`).pluck().get() as string)).toEqual({
      from: 'copy.db',
      saved: r.json().savedCurrentAs,
    });
    db.close();
  });

  it('refuses what cannot be restored, leaving the database as it was', async () => {
    const { file } = await withBackup();
    const before = districts(file);
    const missing = await cli('restore', '--db', file, '--from', 'nope.db');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^错误 \[FILE_NOT_FOUND\]：找不到文件：nope\.db（用 backups --db/);
    expect((await cli('restore', '--db', file, '--from', file)).stderr).toMatch(/^错误 \[INVALID_INPUT\]/);
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, '不是数据库'.repeat(500));
    const refused = await cli('restore', '--db', file, '--from', junk);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^错误 \[DB_UNREADABLE\]：无法打开数据库文件：junk\.db/);
    expect(districts(file)).toEqual(before);
  });
});
