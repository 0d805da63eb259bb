/**
 * Browser mode survives the preview of every hostile file: `npm run serve` as its own process, each file uploaded and
 * previewed as the FDI wizard does it, each preview refused with a code and a Chinese message, and the server still
 * answering (and still running) afterwards. An .xls uploaded the same way previews like its .xlsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { fiveLetterColumnsWorkbook, hugeColumnWorkbook, hugeFieldCsv, zipBomb } from '../helpers/hostile-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../fixtures/fdi/sample-fdi-return-2025H1.xlsx', import.meta.url));

let server: ChildProcess;
let base: URL;
let token = '';
let dir = '';

async function api<T = any>(method: string, input: unknown = {}): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }> {
  const r = await fetch(new URL(`/api/${method}`, base), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  return (await r.json()) as { ok: boolean; value: T };
}

async function preview(file: string) {
  const upload = await fetch(new URL(`/upload?name=${encodeURIComponent(path.basename(file))}`, base), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: fs.readFileSync(file),
  });
  const { value } = (await upload.json()) as { value: { fileId: string } };
  const started = await api<{ jobId: string }>('fdiImport.preview', { fileId: value.fileId });
  for (;;) {
    const job = (await api('jobs.get', { jobId: started.value.jobId })).value;
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-hostile-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'electron/http/serve.ts', '--db', path.join(dir, 'b.db'), '--port', '0', '--empty', '--static', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/);
      if (line) resolve(line[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  base = new URL(url);
  token = base.searchParams.get('token')!;
}, 120_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser mode and hostile files', () => {
  it('refuses the preview of each hostile file and keeps serving', { timeout: 180_000 }, async () => {
    const files = [
      hugeColumnWorkbook(path.join(dir, 'far-column.xlsx')),
      fiveLetterColumnsWorkbook(path.join(dir, 'five-letters.xlsx')),
      zipBomb(path.join(dir, 'bomb-200mb.xlsx'), 200 * 2 ** 20),
      zipBomb(path.join(dir, 'bomb-1gb.xlsx'), 2 ** 30),
      zipBomb(path.join(dir, 'lying-bomb.xlsx'), 200 * 2 ** 20, 2 ** 20),
      hugeFieldCsv(path.join(dir, 'field-50mb.csv')),
    ];
    for (const file of files) {
      const job = await preview(file);
      expect(job.status, file).toBe('failed');
      expect(job.error.code, file).toMatch(/^FILE_(LIMIT|UNREADABLE)$/);
      expect(job.error.message).toContain(path.basename(file));
      expect((await api('system.info')).ok).toBe(true);
    }
    expect(server.exitCode).toBeNull();
  });

  it('previews an .xls as its .xlsx', { timeout: 120_000 }, async () => {
    const book = XLSX.read(fs.readFileSync(SAMPLE));
    const xls = path.join(dir, '江北区.xls');
    fs.writeFileSync(xls, XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const [fromXls, fromXlsx] = [await preview(xls), await preview(SAMPLE)];
    expect(fromXls.status).toBe('done');
    expect(fromXls.result.counts).toEqual(fromXlsx.result.counts);
    expect(fromXls.result.columns).toEqual(fromXlsx.result.columns);
  });
});
