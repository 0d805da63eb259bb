/** The Electron build bundles the import worker beside main.cjs, and that bundle does a preview on its own. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../build/scripts/build-electron';
import { EventBus } from '../../../electron/backend/events';
import { JobRunner } from '../../../electron/backend/jobs';
import { runInWorker } from '../../../electron/backend/workers/spawn';
import type { WorkerInput, WorkerOutput } from '../../../electron/backend/fdi-import/worker';
import { tempBackend } from '../../helpers/backend';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = path.join(ROOT, 'tests/fixtures/fdi/sample-fdi-return-2025H1.xlsx');
fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const OUT = fs.mkdtempSync(path.join(ROOT, '.tmp', 'worker-build-'));

beforeAll(async () => {
  await buildElectron({ outDir: path.join(OUT, 'electron') });
}, 120_000);
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

describe('bundled import worker', () => {
  it('is written beside main.cjs and previews a return', async () => {
    const bundle = path.join(OUT, 'electron', 'fdi-import-worker.cjs');
    expect(fs.existsSync(bundle)).toBe(true);
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/import\.meta/);
    const backend = await tempBackend();
    const jobs = new JobRunner(new EventBus());
    const input: WorkerInput = {
      task: 'preview',
      dbPath: backend.ctx.dbPath,
      files: [{ path: SAMPLE, name: 'sample.xlsx', options: {} }],
      allowPartial: false,
      user: '',
      keepBackups: 5,
    };
    const id = jobs.start('test', (job) => runInWorker<WorkerOutput>(pathToFileURL(bundle), input, job));
    const state = await jobs.wait(id);
    expect(state.status).toBe('done');
    const out = state.result as WorkerOutput;
    expect(out.task === 'preview' && out.findings.counts.dataRows).toBe(24);
  });
});
