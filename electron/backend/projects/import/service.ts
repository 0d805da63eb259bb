import type { LayoutChoice } from '../../../../shared/api/importLayout';
import type { ImportCheck, ImportDone } from '../../../../shared/api/projects';
import type { BackendContext } from '../../context';
import { READ_WORKER_LIMITS, runInWorker, workerEntry } from '../../workers/spawn';
import type { ImportKind } from './kinds';
import type { RegisterImportInput } from './worker';

const WORKER_ENTRY = workerEntry(new URL('./worker.ts', import.meta.url), 'register-import');
const KEEP_BACKUPS = 5;
const LABELS: Record<ImportKind, string> = { projects: '项目清单', enterprises: '企业名录' };

/**
 * Starts a job that checks (`check`) or imports (`commit`) a project list or enterprise register file. A commit with
 * any error writes nothing and fails with IMPORT_REFUSED carrying every problem. `choice` corrects the sheet, header
 * rows or column mapping found; a correction is remembered for files with the same header.
 */
export function startRegisterImport(ctx: BackendContext, kind: ImportKind, task: 'check' | 'commit', fileId: string, choice: LayoutChoice = {}): string {
  const file = ctx.files.get(fileId);
  const input: RegisterImportInput = { kind, task, choice, dbPath: ctx.dbPath, nativeBinding: ctx.nativeBinding, path: file.path, fileName: file.name, user: ctx.userName(), keepBackups: KEEP_BACKUPS };
  // a check writes too (and rolls back), so it takes its turn like a commit
  const label = `${task === 'check' ? '检查' : '导入'}${LABELS[kind]}（${file.name}）`;
  return ctx.jobs.start(`${kind}.import${task === 'check' ? 'Check' : 'Commit'}`, (job) =>
    ctx.gate.writer(label, job, async () => {
      const result = await runInWorker<ImportCheck | ImportDone>(WORKER_ENTRY, input, job, { resourceLimits: READ_WORKER_LIMITS });
      if (task === 'commit') ctx.files.discard(fileId, 'uploads'); // an upload that went in has served
      return result;
    }),
  );
}
