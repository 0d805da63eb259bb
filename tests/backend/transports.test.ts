import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/api/jobs';
import { ERROR_MESSAGES } from '../../shared/errors';
import { jobEnd, TRANSPORTS, type ReachedBackend } from '../helpers/transports';

const HAN = /[\u4e00-\u9fff]/;
const SAMPLE = path.join(import.meta.dirname, '../fixtures/fdi/sample-fdi-return-2025H1.xlsx');

/**
 * The contract as every transport reaches it: in this process (HTTP server, CLI) and through the desktop app's
 * backend host process (electron/host, driven by the main process's BackendProcess over Node's IPC). Each transport
 * gets one backend on a real SQLite file for the whole file, so the cases run in order.
 */
describe.each(TRANSPORTS)('the contract $name', (transport) => {
  let b: ReachedBackend;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-transport-')); // kept for the whole file, not one test
    b = await transport.open(dir);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a known method with {ok:true, value}', async () => {
    const r = await b.dispatch('system.info', {});
    expect(r).toMatchObject({ ok: true, value: { path: path.join(dir, 'test.db'), isDemo: false } });
  });

  it('treats a missing input as {} and applies the contract’s defaults', async () => {
    const r = await b.dispatch('reference.listDivisions', undefined);
    expect(r.ok && r.value.length).toBe(31); // parent defaults to null: the provinces
    const n = await b.dispatch('reference.searchIndustries', { query: '制造' });
    expect(n.ok && n.value.length).toBe(20); // limit defaults to 20
  });

  it('refuses an unknown method with UNKNOWN_METHOD, naming it', async () => {
    for (const name of ['nope.nothing', '', '__proto__', 'constructor', 'system', 'platform.pickFile']) {
      const r = await b.dispatch(name, {});
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: name ? `${ERROR_MESSAGES.UNKNOWN_METHOD}：${name}` : ERROR_MESSAGES.UNKNOWN_METHOD } });
    }
  });

  it('refuses invalid input with INVALID_INPUT and a Chinese problem per field, before calling the handler', async () => {
    const r = await b.dispatch('settings.saveDistrict', { name: '   ', code: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/^输入不符合要求：/);
    const byField = Object.fromEntries((r.error.problems ?? []).map((p) => [p.column, p]));
    expect(Object.keys(byField).sort()).toEqual(['code', 'name']);
    expect(byField.name!.message).toBe('名称不能为空'); // the contract's own message
    for (const p of r.error.problems!) {
      expect(p).toMatchObject({ code: 'INVALID_INPUT', severity: 'error' });
      expect(p.message).toMatch(HAN);
    }
    const settings = await b.dispatch('settings.get', {});
    expect(settings.ok && settings.value.districts).toEqual([]); // nothing was written
  });

  it('turns an AppError into its code and Chinese message', async () => {
    const r = await b.dispatch('settings.setJurisdiction', { code: '999999' });
    expect(r).toEqual({ ok: false, error: { code: 'DIVISION_UNKNOWN', message: `${ERROR_MESSAGES.DIVISION_UNKNOWN}：999999` } });
  });

  it('writes and reads back: settings and projects', async () => {
    expect((await b.dispatch('settings.saveDistrict', { name: '江北区' })).ok).toBe(true);
    const created = await b.dispatch('projects.create', { name: '苏州精密轴承项目', stage: 'lead' });
    expect(created).toMatchObject({ ok: true, value: { project: { name: '苏州精密轴承项目', stage: 'lead' } } });
    const list = await b.dispatch('projects.list', {});
    expect(list.ok && list.value.rows.map((p) => p.name)).toEqual(['苏州精密轴承项目']);
    const settings = await b.dispatch('settings.get', {});
    expect(settings.ok && settings.value.districts.map((d) => d.name)).toEqual(['江北区']);
  });

  it('runs a job: an FDI import of the real sample, with progress events and its result', async () => {
    const fileId = await b.registerFile(SAMPLE);
    const started = await b.dispatch('fdiImport.commit', { fileId, addUnknown: true });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const seen: JobState[] = [];
    const end = await jobEnd(b, started.value.jobId, seen);
    expect(end, JSON.stringify(end.error)).toMatchObject({ status: 'done', kind: 'fdiImport.commit' });
    expect(seen.some((s) => s.status === 'running')).toBe(true);
    expect((end.result as { batches: Array<{ rows: number; district: string }> }).batches).toMatchObject([{ rows: 24, district: '江北区' }]);
    const batches = await b.dispatch('fdiImport.batches', {});
    expect(batches.ok && batches.value.map((batch) => batch.rows)).toEqual([24]);
  });

  it('a file id the dialogs never registered is FILE_NOT_FOUND, in Chinese', async () => {
    const r = await b.dispatch('fdiImport.preview', { fileId: 'not-a-file' });
    expect(r).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', message: `${ERROR_MESSAGES.FILE_NOT_FOUND}：not-a-file` } });
  });
});
