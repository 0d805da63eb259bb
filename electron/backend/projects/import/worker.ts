/**
 * The worker for project-list and enterprise-register imports: reads and checks the file off the main thread, on its
 * own database connection, and for a commit writes it in one transaction after a backup. Started by runInWorker
 * (service.ts). A check runs the very same writes and rolls them back, so what it reports is what a commit would do.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { LayoutChoice } from '../../../../shared/api/importLayout';
import type { ImportCheck, ImportDone } from '../../../../shared/api/projects';
import type { Problem } from '../../../../shared/result';
import { pendingBackup, pruneBackups } from '../../db/backups';
import { writeAudit } from '../../audit';
import { AppError } from '../../errors';
import { serveWorkerTask, type WorkerControl } from '../../workers/serve';
import { rememberLayout } from '../../import-layouts/remembered';
import { IMPORTERS, type ImportKind } from './kinds';

export interface RegisterImportInput {
  kind: ImportKind;
  task: 'check' | 'commit';
  /** The sheet, header rows or mapping a person corrected. */
  choice: LayoutChoice;
  dbPath: string;
  /** The native build the app's own connection uses (see BackendContext.nativeBinding). */
  nativeBinding?: string;
  path: string;
  fileName: string;
  user: string;
  keepBackups: number;
}

const ROLLBACK = Symbol('rollback');
const isError = (p: Problem) => p.severity !== 'warning';

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function run(input: RegisterImportInput, control: WorkerControl): Promise<ImportCheck | ImportDone> {
  const db = new Database(input.dbPath, { fileMustExist: true, nativeBinding: input.nativeBinding });
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    const { found, apply } = await IMPORTERS[input.kind](db, input.path, input.fileName, control, input.choice);
    // a correction is remembered whether or not the file goes in: the next file laid out alike is read the same way
    if (found.remember) rememberLayout(db, input.kind, found.remember.signature, found.remember.layout);
    const now = new Date();
    const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
    control.progress(0.75, '正在核对库中已有的记录');
    let counts = { create: 0, update: 0, unchanged: 0, problems: [] as Problem[] };
    if (!found.fatal) {
      try {
        db.transaction(() => {
          counts = apply(db, input.user, today);
          throw ROLLBACK;
        })();
      } catch (err) {
        if (err !== ROLLBACK) throw err;
      }
    }
    const check: ImportCheck = {
      fileName: input.fileName,
      sheet: found.sheet,
      rows: found.counts.dataRows,
      skippedRows: found.counts.skippedRows,
      create: counts.create,
      update: counts.update,
      unchanged: counts.unchanged,
      layout: found.layout,
      ignoredColumns: found.ignoredColumns,
      problems: [...found.problems, ...counts.problems],
    };
    if (input.task === 'check') return check;

    const errors = check.problems.filter(isError);
    if (found.fatal || errors.length) throw new AppError('IMPORT_REFUSED', `${errors.length} 处错误，未导入任何一行`, errors);
    if (found.counts.dataRows === 0) throw new AppError('IMPORT_REFUSED', '文件中没有可导入的行');
    control.throwIfCancelled();
    control.progress(0.85, '正在备份数据库');
    const backup = await pendingBackup(db, input.dbPath, 'before-import');
    let batchId: number;
    try {
      control.progress(0.9, '正在写入数据库');
      const hash = await sha256(input.path);
      batchId = db.transaction(() => {
        const written = apply(db, input.user, today);
        if (written.problems.some(isError)) throw new AppError('IMPORT_REFUSED', '写入时数据已变化，请重新检查', written.problems);
        counts = written;
        const id = Number(
          db
            .prepare(`INSERT INTO import_batch (kind, file_name, file_hash, sheet, unit, rows, skipped_rows, created_at, created_by) VALUES (?, ?, ?, ?, '万美元', ?, ?, ?, ?)`)
            .run(input.kind, input.fileName, hash, found.sheet, found.counts.dataRows, found.counts.skippedRows, now.toISOString(), input.user).lastInsertRowid,
        );
        // the file as a whole, beside each row's own entry, so the audit trail says which file brought them
        writeAudit(db, { user: input.user, action: 'import', entity: 'import_batch', entityId: id, after: { kind: input.kind, file: input.fileName, sha256: hash, sheet: found.sheet, rows: found.counts.dataRows, create: written.create, update: written.update } });
        return id;
      })();
    } catch (err) {
      backup.discard(); // nothing was written: a backup of the same state would push out one worth keeping
      throw err;
    }
    backup.keep();
    pruneBackups(input.dbPath, 'before-import', input.keepBackups);
    return { ...check, create: counts.create, update: counts.update, unchanged: counts.unchanged, batchId };
  } finally {
    db.close();
  }
}

serveWorkerTask(run);
