import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../electron/http/server';
import { writeBenchWorkbook } from '../bench/fdi-import-workbook';
import { fdiBackend } from '../helpers/fdi-backend';
import { tempDir } from '../helpers/backend';

/**
 * A restore asked for while an FDI import is writing, as browser mode runs it (through the HTTP server): the two
 * calls must never both claim what the database does not hold, and the backend must keep answering.
 */
const RECORDS = 20_000;
let workbook: string;
let servers: RunningServer[] = [];

beforeAll(async () => {
  workbook = path.join(tempDir('fdi-restore-wb-'), '江北区-大表.xlsx');
  await writeBenchWorkbook(workbook, RECORDS);
}, 120_000);

afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

async function post(server: RunningServer, method: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function upload(server: RunningServer, file: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/upload?name=${encodeURIComponent(path.basename(file))}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}` },
    body: fs.readFileSync(file),
  });
  return ((await res.json()) as { value: { fileId: string } }).value.fileId;
}

/** Polls a job over HTTP until `until` holds for its state. */
async function jobState(server: RunningServer, jobId: string, until: (s: any) => boolean): Promise<any> {
  for (;;) {
    const r = await post(server, 'jobs.get', { jobId });
    expect(r.status).toBe(200);
    if (until(r.body.value)) return r.body.value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const districts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM district ORDER BY name').pluck().all();
  } finally {
    db.close();
  }
};

describe('restore while an FDI import runs (browser mode)', () => {
  it('is refused with DB_BUSY; the import is stored whole, and a restore afterwards returns to the backup', async () => {
    const backend = await fdiBackend();
    const server = await startHttpServer(backend);
    servers.push(server);
    const backup = (await post(server, 'system.backup', { reason: 'manual' })).body.value;
    expect((await post(server, 'settings.saveDistrict', { name: '备份后新增区' })).status).toBe(200);

    const fileId = await upload(server, workbook);
    const started = await post(server, 'fdiImport.commit', { fileId });
    expect(started.status).toBe(200);
    const { jobId } = started.body.value;
    // the import is writing its rows (inside its transaction) when the restore comes
    await jobState(server, jobId, (s) => s.status !== 'running' || /已检查/.test(s.message));

    const restore = await post(server, 'system.restore', { name: backup.name });
    // the backend answers other calls meanwhile
    expect((await post(server, 'system.info', {})).status).toBe(200);
    const done = await jobState(server, jobId, (s) => s.status !== 'running');

    expect(restore.status).toBe(422);
    expect(restore.body.error.code).toBe('DB_BUSY');
    expect(restore.body.error.message).toMatch(/导入/);
    expect(done.status).toBe('done');
    expect(done.result.imported).toBe(RECORDS);

    // what the two calls said is what the database holds
    const check = await post(server, 'system.check', {});
    expect(check.body.value).toMatchObject({ ok: true, integrity: 'ok' });
    expect(check.body.value.counts.fdi_record).toBe(RECORDS);
    expect((await post(server, 'settings.get', {})).body.value.districts.map((d: { name: string }) => d.name)).toContain('备份后新增区');

    // once the import has ended, the same restore goes through and the data is the backup's
    const again = await post(server, 'system.restore', { name: backup.name });
    expect(again.status).toBe(200);
    const after = await post(server, 'system.check', {});
    expect(after.body.value).toMatchObject({ ok: true, integrity: 'ok' });
    expect(after.body.value.counts.fdi_record).toBe(0);
    expect((await post(server, 'settings.get', {})).body.value.districts.map((d: { name: string }) => d.name)).not.toContain('备份后新增区');
    // the file itself agrees, read by another connection
    expect(districts(backend.ctx.dbPath)).not.toContain('备份后新增区');
    expect(districts(path.join(path.dirname(backup.path), again.body.value.savedCurrentAs))).toContain('备份后新增区');
  }, 120_000);
});
