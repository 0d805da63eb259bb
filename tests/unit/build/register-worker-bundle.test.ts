/** The Electron build bundles the project/enterprise import worker beside main.cjs, and that bundle checks a list. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../build/scripts/build-electron';
import { EventBus } from '../../../electron/backend/events';
import { JobRunner } from '../../../electron/backend/jobs';
import type { RegisterImportInput } from '../../../electron/backend/projects/import/worker';
import { runInWorker } from '../../../electron/backend/workers/spawn';
import type { ImportCheck } from '../../../shared/api/projects';
import { tempBackend } from '../../helpers/backend';
import { MESSY_ROWS, writeMessyProjectList } from '../../helpers/project-fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const OUT = fs.mkdtempSync(path.join(ROOT, '.tmp', 'register-worker-build-'));

beforeAll(async () => {
  await buildElectron({ outDir: path.join(OUT, 'electron') });
}, 120_000);
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

describe('bundled register import worker', () => {
  it('is written beside main.cjs and checks a project list', async () => {
    const bundle = path.join(OUT, 'electron', 'register-import-worker.cjs');
    expect(fs.existsSync(bundle)).toBe(true);
    expect(fs.readFileSync(bundle, 'utf8')).not.toMatch(/import\.meta/);
    const backend = await tempBackend({ demo: true });
    const file = path.join(backend.dir, 'list.xlsx');
    await writeMessyProjectList(file);
    const input: RegisterImportInput = { kind: 'projects', task: 'check', choice: {}, dbPath: backend.ctx.dbPath, path: file, fileName: 'list.xlsx', user: '', keepBackups: 5 };
    const jobs = new JobRunner(new EventBus());
    const id = jobs.start('test', (job) => runInWorker<ImportCheck>(pathToFileURL(bundle), input, job));
    const state = await jobs.wait(id);
    expect(state.status, JSON.stringify(state.error)).toBe('done');
    expect((state.result as ImportCheck).create).toBe(MESSY_ROWS.length);
  });
});
