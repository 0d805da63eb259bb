import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create';
import { backupDirFor, listBackups } from '../../electron/backend/db/backups';
import { seedDemo } from '../../electron/backend/demo';
import { BENCH_PLATFORMS, writeBenchWorkbook } from '../bench/fdi-import-workbook';
import { call, tempDir } from '../helpers/backend';
import { fingerprint } from '../helpers/fdi-backend';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The import as a real CLI process (node itself, so that SIGKILL reaches the process that writes). */
function startImport(file: string, db: string, tmp: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'import', 'fdi', file, '--db', db, '--json'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function until(what: string, ready: () => boolean, child: ReturnType<typeof spawn>): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (!ready()) {
    if (exited !== null) throw new Error(`the import ended (${exited}) before ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('kill -9 during an FDI import', () => {
  it('leaves the database intact and as it was; the killed import’s backup goes at the next start', async () => {
    const dir = tempDir('fdi-kill-');
    const db = path.join(dir, 'kill.db');
    const setup = await createBackend({ dbPath: db, create: true, workDir: path.join(dir, 'work'), log: () => undefined });
    seedDemo(setup.ctx.db, new Date('2026-05-15T00:00:00Z'));
    await call(setup, 'settings.saveDistrict', { name: '江北区' });
    for (const name of BENCH_PLATFORMS) await call(setup, 'settings.savePlatform', { name, type: 'national_etdz' });
    await call(setup, 'system.backup', { reason: 'manual' });
    const before = fingerprint(setup);
    setup.close();
    const workbook = path.join(dir, '江北区.xlsx');
    await writeBenchWorkbook(workbook, 50_000);

    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const child = startImport(workbook, db, tmp);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    // killed once its transaction has spilled 2 MB into the WAL: at 50k rows that is about a second before its commit
    // (measured: the WAL grows for ~0.5 s at 30k rows before the commit, under a load of 20 on two cores)
    const walBytes = () => fs.statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    await until('writing 2 MB', () => walBytes() > 2 * 1024 * 1024, child).catch((err) => {
      throw new Error(`${(err as Error).message}: ${stderr}`);
    });
    const pending = fs.readdirSync(backupDirFor(db)).filter((n) => n.includes('.pending-'));
    expect(pending).toEqual([expect.stringMatching(new RegExp(`_before-import\\.db\\.pending-${child.pid}$`))]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    // the file on its own: sound, and holding what it held before
    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(before.counts.import_batch);
    raw.close();

    const after = await createBackend({ dbPath: db, workDir: path.join(dir, 'work2'), log: () => undefined });
    try {
      expect(fingerprint(after)).toEqual(before);
      expect(await call(after, 'system.check')).toMatchObject({ ok: true, integrity: 'ok' });
      // the killed import's pending backup is gone, the manual one kept; nothing was left in the temp folder
      expect(fs.readdirSync(backupDirFor(db)).filter((n) => n.includes('.pending-'))).toEqual([]);
      expect(listBackups(db).map((b) => b.reason)).toEqual(['manual']);
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('fdi-desk-'))).toEqual([]);
    } finally {
      after.close();
    }
  }, 180_000);
});
