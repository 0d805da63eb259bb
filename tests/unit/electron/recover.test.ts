import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/backend/db/backups';
import { openAppBackend, openHostBackend } from '../../../electron/host/open';
import { openOrRestore, type RecoverDeps } from '../../../electron/main/recover';
import { tempDir } from '../../helpers/backend';
import { damagePage } from '../../helpers/damage';

const referenceDir = path.resolve('shared/reference');

/** The user's database with a backup, then damaged on disk, as the app would find it at start. */
async function damagedWithBackup() {
  const dbPath = path.join(tempDir(), 'FDI Desk', 'fdi-desk.db');
  const { backend } = await openAppBackend({ dbPath, referenceDir, log: () => undefined });
  const backup = await backend.dispatch('system.backup', { reason: 'manual' });
  backend.close();
  damagePage(dbPath, 'fdi_record');
  return { dbPath, backup: (backup as { ok: true; value: { name: string } }).value.name };
}

function dialog(response: number) {
  const asked: Array<Parameters<RecoverDeps['showMessageBox']>[0]> = [];
  return { asked, deps: { showMessageBox: async (o: Parameters<RecoverDeps['showMessageBox']>[0]) => (asked.push(o), { response }) } satisfies RecoverDeps };
}

describe('openOrRestore (the app finds its database damaged)', () => {
  // as the app does it: the dialog here, opening (and restoring the chosen backup) in the host
  const open = (dbPath: string) => (restoreFrom?: { path: string; name: string }) => openHostBackend({ dbPath, referenceDir, demoWhenNew: true, restoreFrom }, () => undefined);

  it('offers the newest backup; on yes the damaged file is kept aside and the backup is opened', async () => {
    const { dbPath, backup } = await damagedWithBackup();
    const { asked, deps } = dialog(0);
    const opened = await openOrRestore(open(dbPath), dbPath, deps);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ title: '数据库已损坏', buttons: ['用最新备份恢复', '退出'], detail: expect.stringContaining(backup) });
    expect(opened!.fresh).toBe(false);
    expect(await opened!.backend.dispatch('system.check', {})).toMatchObject({ ok: true, value: { ok: true, integrity: 'ok' } });
    const audit = opened!.backend.ctx.db.prepare(`SELECT after FROM audit_log WHERE action = 'restore'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ from: backup, saved: expect.stringMatching(/_damaged\.db$/) });
    opened!.backend.close();
    expect(listBackups(dbPath).map((b) => b.reason).sort()).toEqual(['damaged', 'manual']);
  });

  it('on no, opens nothing and leaves the file as it was', async () => {
    const { dbPath } = await damagedWithBackup();
    const before = fs.readFileSync(dbPath);
    expect(await openOrRestore(open(dbPath), dbPath, dialog(1).deps)).toBeNull();
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('a damaged database without a backup, or another refusal, is thrown as it was, unasked', async () => {
    const dbPath = path.join(tempDir(), 'fdi-desk.db');
    (await openAppBackend({ dbPath, referenceDir, log: () => undefined })).backend.close();
    damagePage(dbPath, 'fdi_record');
    const none = dialog(0);
    await expect(openOrRestore(open(dbPath), dbPath, none.deps)).rejects.toMatchObject({ code: 'DB_DAMAGED' });
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, '不是数据库'.repeat(500));
    await expect(openOrRestore(open(junk), junk, none.deps)).rejects.toMatchObject({ code: 'DB_UNREADABLE' });
    expect(none.asked).toEqual([]);
  });
});
