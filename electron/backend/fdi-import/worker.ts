/**
 * The import worker: parses, checks and (for a commit) writes FDI returns off the main thread, on its own database
 * connection. Started by runInWorker (service.ts); the input is a WorkerInput, the result a WorkerOutput.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { backupDatabase, pruneBackups } from '../db/backups';
import { serveWorkerTask, type WorkerControl } from '../workers/serve';
import { passFile, type FileFindings, type FileTask } from './pass';
import { FdiResolvers } from './resolve';
import { FdiStage } from './stage';
import { writeBatches, type WrittenBatch } from './write';

export interface WorkerInput {
  task: 'preview' | 'commit';
  dbPath: string;
  files: FileTask[];
  allowPartial: boolean;
  user: string;
  /** Backups before an import that are kept. */
  keepBackups: number;
}

export type WorkerOutput =
  | { task: 'preview'; findings: FileFindings }
  | {
      task: 'commit';
      findings: FileFindings[];
      batches: Array<WrittenBatch & { file: string; skippedRows: number; rejectedRows: number; unit: string; district: string | null }>;
      backup: string;
    };

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unitLabel(f: FileFindings): string {
  const units = [...new Set([f.units.contractedFdi, f.units.actualFdi].filter(Boolean))];
  return units.join('、') || '万美元';
}

async function run(input: WorkerInput, control: WorkerControl): Promise<WorkerOutput> {
  const db = new Database(input.dbPath, { fileMustExist: true, readonly: input.task === 'preview' });
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    const stage = new FdiStage(db);
    const resolvers = new FdiResolvers(db);
    const findings: FileFindings[] = [];
    const share = 0.9 / input.files.length;
    for (const [i, file] of input.files.entries()) {
      control.throwIfCancelled();
      findings.push(await passFile(db, file, i, stage, resolvers, control, (f, message) => control.progress(share * (i + f), message)));
    }
    if (input.task === 'preview') return { task: 'preview', findings: findings[0]! };

    const errors = findings.flatMap((f) => f.problems.filter((p) => p.severity === 'error'));
    const errorCount = findings.reduce((n, f) => n + f.counts.errorRows, 0);
    if (findings.some((f) => f.fatal)) throw new AppError('IMPORT_REFUSED', '文件无法按外资统计报表读取', errors);
    if (errorCount > 0 && !input.allowPartial) {
      throw new AppError('IMPORT_REFUSED', `${errorCount} 行有错误（可选择只导入无误的行）`, errors);
    }
    const empty = findings.filter((f) => f.counts.cleanRows === 0);
    if (empty.length) throw new AppError('IMPORT_REFUSED', `${empty.map((f) => f.file).join('、')}没有可导入的行`, errors);
    control.throwIfCancelled();
    control.progress(0.92, '正在备份数据库');
    const backup = await backupDatabase(db, input.dbPath, 'before-import');
    pruneBackups(input.dbPath, 'before-import', input.keepBackups);
    control.progress(0.95, '正在写入数据库');
    const metas = await Promise.all(
      findings.map(async (f, i) => ({
        fileIndex: i,
        fileName: f.file,
        fileHash: await sha256(input.files[i]!.path),
        sheet: f.sheet,
        unit: unitLabel(f),
        districtId: f.district?.id ?? null,
        districtName: f.district?.name ?? null,
        skippedRows: f.counts.skippedRows,
        rejectedRows: f.counts.errorRows,
      })),
    );
    const written = writeBatches(db, metas, input.user, new Date().toISOString());
    return {
      task: 'commit',
      findings,
      backup: backup.name,
      batches: written.map((w, i) => ({ ...w, file: metas[i]!.fileName, skippedRows: metas[i]!.skippedRows, rejectedRows: metas[i]!.rejectedRows, unit: metas[i]!.unit, district: metas[i]!.districtName })),
    };
  } finally {
    db.close();
  }
}

serveWorkerTask(run);
