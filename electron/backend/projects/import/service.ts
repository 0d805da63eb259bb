import type { ImportCheck, ImportDone } from '../../../../shared/api/projects';
import type { BackendContext } from '../../context';
import { READ_WORKER_LIMITS, runInWorker, workerEntry } from '../../workers/spawn';
import type { ImportKind } from './kinds';
import type { RegisterImportInput } from './worker';

const WORKER_ENTRY = workerEntry(new URL('./worker.ts', import.meta.url), 'register-import');
const KEEP_BACKUPS = 5;

/**
 * Starts a job that checks (`check`) or imports (`commit`) a project list or enterprise register file. A commit with
 * any error writes nothing and fails with IMPORT_REFUSED carrying every problem.
 */
export function startRegisterImport(ctx: BackendContext, kind: ImportKind, task: 'check' | 'commit', fileId: string): string {
  const file = ctx.files.get(fileId);
  const input: RegisterImportInput = { kind, task, dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, path: file.path, fileName: file.name, user: ctx.userName(), keepBackups: KEEP_BACKUPS };
  return ctx.jobs.start(`${kind}.import${task === 'check' ? 'Check' : 'Commit'}`, async (job) => {
    const result = await runInWorker<ImportCheck | ImportDone>(WORKER_ENTRY, input, job, { resourceLimits: READ_WORKER_LIMITS });
    if (task === 'commit') ctx.events.emit({ type: 'changed', area: kind });
    return result;
  });
}
