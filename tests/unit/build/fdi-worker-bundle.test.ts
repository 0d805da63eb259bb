/** The Electron build bundles the import's two workers beside main.cjs, and those bundles do a preview on their own. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../build/scripts/build-electron';
import { EventBus } from '../../../electron/backend/events';
import { JobRunner } from '../../../electron/backend/jobs';
import { runInWorker, startWorker } from '../../../electron/backend/workers/spawn';
import type { ParseInput } from '../../../electron/backend/fdi-import/messages';
import { readResolverData } from '../../../electron/backend/fdi-import/resolve';
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

describe('bundled import workers', () => {
  it('are written beside main.cjs and preview a return', async () => {
    const bundle = path.join(OUT, 'electron', 'fdi-import-worker.cjs');
    const parseBundle = path.join(OUT, 'electron', 'fdi-parse-worker.cjs');
    for (const file of [bundle, parseBundle]) {
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(/import\.meta/);
    }
    const backend = await tempBackend();
    const jobs = new JobRunner(new EventBus());
    const files = [{ path: SAMPLE, name: 'sample.xlsx', options: {} }];
    const { port1, port2 } = new MessageChannel();
    const parseInput: ParseInput = { files, resolverData: readResolverData(backend.ctx.db), mappings: {}, places: { stage: 'preview', addUnknown: false, choices: [] } };
    const parser = startWorker(pathToFileURL(parseBundle), { input: parseInput, port: port2 }, { transfer: [port2] });
    const input: WorkerInput = { task: 'preview', dbPath: backend.ctx.dbPath, files, allowPartial: false, user: '', keepBackups: 5, port: port1 };
    const id = jobs.start('test', (job) => runInWorker<WorkerOutput>(pathToFileURL(bundle), input, job, { transfer: [port1] }));
    const state = await jobs.wait(id);
    await parser.terminate();
    expect(state.status).toBe('done');
    const out = state.result as WorkerOutput;
    expect(out.task === 'preview' && out.findings.counts.dataRows).toBe(24);
  });
});
