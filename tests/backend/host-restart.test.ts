import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api';
import { ERROR_MESSAGES } from '../../shared/errors';
import type { BackendProcess } from '../../electron/main/backend-process';
import { tempDir } from '../helpers/backend';
import type { NodeHostProcess } from '../helpers/host-process';
import { openThroughHost } from '../helpers/transports';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/fdi/sample-fdi-return-2025H1.xlsx');

/** Resolves with the first event that matches. */
function nextEvent(bp: BackendProcess, match: (event: BackendEvent) => boolean): Promise<BackendEvent> {
  return new Promise((resolve) => {
    const stop = bp.on((event) => {
      if (!match(event)) return;
      stop();
      resolve(event);
    });
  });
}

describe('the backend host dies (kill -9) and comes back on the same database', () => {
  it('answers the call in flight BACKEND_RESTARTING, fails the running job, tells the window, and restarts with the data kept', async () => {
    const dir = tempDir();
    const hosts: NodeHostProcess[] = [];
    const bp = await openThroughHost(dir, { onLaunch: (child) => hosts.push(child) });
    const events: BackendEvent[] = [];
    bp.on((event) => events.push(event));
    try {
      // committed before the crash
      expect((await bp.dispatch('projects.create', { name: '崩溃前已保存的项目' })).ok).toBe(true);
      expect((await bp.dispatch('settings.saveDistrict', { name: '江北区' })).ok).toBe(true);

      // a job running and a call in flight when the host is killed
      const fileId = (await bp.fileStore.register(SAMPLE)).fileId;
      const started = await bp.dispatch('fdiImport.commit', { fileId, addUnknown: true });
      expect(started.ok).toBe(true);
      const jobId = started.ok ? started.value.jobId : '';
      const jobFailed = nextEvent(bp, (e) => e.type === 'job' && e.job.id === jobId && e.job.status !== 'running');
      const ready = nextEvent(bp, (e) => e.type === 'backend' && e.state === 'ready');
      const inFlight = bp.dispatch('projects.list', {});
      hosts[0]!.killHard();

      expect(await inFlight).toEqual({ ok: false, error: { code: 'BACKEND_RESTARTING', message: ERROR_MESSAGES.BACKEND_RESTARTING } });
      expect(ERROR_MESSAGES.BACKEND_RESTARTING).toMatch(/后台服务意外退出/);
      const failed = await jobFailed;
      expect(failed).toMatchObject({ type: 'job', job: { id: jobId, status: 'failed', error: { code: 'BACKEND_RESTARTING' } } });
      // a call made while it restarts waits for the new host instead of failing
      const duringRestart = bp.dispatch('projects.list', {});
      await ready;
      expect(events.filter((e) => e.type === 'backend')).toEqual([
        { type: 'backend', state: 'restarting', message: '后台服务意外退出，正在重新启动…' },
        { type: 'backend', state: 'ready' },
      ]);
      expect(hosts).toHaveLength(2);
      expect(hosts[1]!.pid).not.toBe(hosts[0]!.pid);

      const list = await duringRestart;
      expect(list.ok && list.value.rows.map((p) => p.name)).toEqual(['崩溃前已保存的项目']);
      const settings = await bp.dispatch('settings.get', {});
      expect(settings.ok && settings.value.districts.map((d) => d.name)).toEqual(['江北区']);
      // the killed import wrote nothing half-way, and the new host takes writes
      const batches = await bp.dispatch('fdiImport.batches', {});
      expect(batches.ok && batches.value).toEqual([]);
      expect(await bp.dispatch('projects.create', { name: '重启后新建的项目' })).toMatchObject({ ok: true });
      // file ids lived in the old host: the dialogs register the file again
      expect(await bp.dispatch('fdiImport.preview', { fileId })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    } finally {
      await bp.stop();
    }
  }, 120_000);
});
