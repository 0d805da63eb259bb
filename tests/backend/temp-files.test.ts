import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create';
import { backupDirFor } from '../../electron/backend/db/backups';
import { FileStore } from '../../electron/backend/files';
import { removeStaleWorkDirs } from '../../electron/backend/workdir';
import { startHttpServer } from '../../electron/http/server';
import { runCli } from '../../electron/cli/run';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { commitJob, fdiBackend } from '../helpers/fdi-backend';
import { makeRecords, writeReturnXlsx } from '../helpers/fdi-fixtures';

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

const tmpdir = process.env.TMPDIR;
afterEach(() => {
  if (tmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpdir;
});

const workDirsIn = (root: string) => fs.readdirSync(root).filter((n) => n.startsWith('fdi-desk-'));

describe('temporaries', () => {
  it('stale work folders of ended runs are removed; those of running ones, and recent unowned ones, are kept', () => {
    const root = tempDir();
    const dead = path.join(root, `fdi-desk-${deadPid()}-aB3dE9`);
    const mine = path.join(root, `fdi-desk-${process.pid}-xY12zz`);
    const parent = path.join(root, `fdi-desk-${process.ppid}-qQ00qq`);
    const oldUnowned = path.join(root, 'fdi-desk-Zx81Qa');
    const newUnowned = path.join(root, 'fdi-desk-Pp29Lk');
    for (const dir of [dead, mine, parent, oldUnowned, newUnowned]) {
      fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'uploads', '区县报表.xlsx'), 'data');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 86400_000);
    fs.utimesSync(oldUnowned, twoDaysAgo, twoDaysAgo);
    expect(removeStaleWorkDirs(root).sort()).toEqual([dead, oldUnowned].sort());
    expect(workDirsIn(root).sort()).toEqual([mine, parent, newUnowned].map((d) => path.basename(d)).sort());
  });

  it('a backend makes its temp folder only when it needs one, and removes it when it closes', async () => {
    const dir = tempDir();
    process.env.TMPDIR = tempDir();
    const backend = await createBackend({ dbPath: path.join(dir, 'a.db'), create: true, log: () => undefined });
    expect(workDirsIn(process.env.TMPDIR)).toEqual([]);
    const upload = backend.ctx.files.saveUpload('江北区.xlsx', Buffer.from('x'));
    expect(workDirsIn(process.env.TMPDIR)).toEqual([expect.stringMatching(new RegExp(`^fdi-desk-${process.pid}-`))]);
    expect(fs.existsSync(upload.path)).toBe(true);
    backend.close();
    expect(workDirsIn(process.env.TMPDIR)).toEqual([]);
  });

  it('a CLI export leaves nothing in the temp folder', async () => {
    const dir = tempDir();
    process.env.TMPDIR = tempDir();
    const db = path.join(dir, 'e.db');
    const quiet = { stdout: () => undefined, stderr: () => undefined };
    expect(await runCli(['init', '--db', db], quiet)).toBe(0);
    expect(await runCli(['export', 'stats', '--db', db, '--from', '2026-01', '--to', '2026-03', '--out', path.join(dir, '统计.xlsx')], quiet)).toBe(0);
    expect(fs.existsSync(path.join(dir, '统计.xlsx'))).toBe(true);
    expect(fs.readdirSync(process.env.TMPDIR)).toEqual([]);
  });

  it('an upload goes once imported (kept while a refused one may be fixed); an export once downloaded', async () => {
    const backend = await fdiBackend();
    const uploads = path.join(backend.ctx.files.workDir, 'uploads');
    const file = await writeReturnXlsx(path.join(tempDir(), '江北区.xlsx'), makeRecords(5), { title: '江北区外资到资情况' });
    const good = backend.ctx.files.saveUpload('江北区.xlsx', fs.readFileSync(file));
    const refused = await commitJob(backend, { fileId: good.fileId, district: '不存在区' });
    expect(refused.status).toBe('failed');
    expect(fs.existsSync(good.path)).toBe(true);
    expect((await commitJob(backend, { fileId: good.fileId, district: '江北区' })).status).toBe('done');
    expect(fs.readdirSync(uploads)).toEqual([]);

    const server = await startHttpServer(backend);
    try {
      const template = await call(backend, 'fdiImport.template');
      const exported = backend.ctx.files.get(template.fileId).path;
      const res = await fetch(`http://127.0.0.1:${server.port}/download/${template.fileId}?token=${server.token}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(template.size);
      await expect.poll(() => fs.existsSync(exported)).toBe(false);
      expect(fs.readdirSync(path.join(backend.ctx.files.workDir, 'exports'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a backup left pending by an import whose process ended is removed at the next start; a live one is kept', async () => {
    const b = await tempBackend();
    const dir = backupDirFor(b.ctx.dbPath);
    fs.mkdirSync(dir, { recursive: true });
    const orphan = `20260101-101010_before-import.db.pending-${deadPid()}`;
    const live = `20260101-101011_before-import.db.pending-${process.pid}`;
    for (const name of [orphan, live]) fs.writeFileSync(path.join(dir, name), 'x');
    expect(await call(b, 'system.listBackups')).toEqual([]); // never offered for a restore
    b.close();
    const again = await createBackend({ dbPath: b.ctx.dbPath, workDir: path.join(b.dir, 'w2'), log: () => undefined });
    again.close();
    expect(fs.readdirSync(dir)).toEqual([live]);
  });

  it('FileStore keeps a picked file where it is, and its id', () => {
    const store = new FileStore(path.join(tempDir(), 'work'));
    const picked = path.join(tempDir(), '用户的文件.xlsx');
    fs.writeFileSync(picked, 'x');
    const { fileId } = store.register(picked);
    store.discard(fileId);
    expect(fs.existsSync(picked)).toBe(true);
    expect(store.get(fileId).path).toBe(picked);
  });
});
