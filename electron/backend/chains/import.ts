import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ChainImportResult } from '../../../shared/api/chains';
import type { BackendContext } from '../context';
import { AppError } from '../errors';
import type { JobControl } from '../jobs';
import { READ_WORKER_LIMITS, runInWorker, workerEntry } from '../workers/spawn';
import { validateChainSheets, type ChainSheets } from './import-validate';
import { writeChainImport } from './import-write';
import { layoutMissingPositions } from './layout-store';

const READ_WORKER = workerEntry(new URL('./read-worker.ts', import.meta.url), 'chain-read');

/**
 * The `chains.import` job: read the workbook, check every row, and write the chain in one transaction — or write
 * nothing and fail with every problem found (sheet, row, column, value, Chinese message).
 */
export async function importChainJob(ctx: BackendContext, input: { fileId: string; name: string; threshold: number }, job: JobControl): Promise<ChainImportResult> {
  const file = ctx.files.get(input.fileId);
  job.progress(0.05, '正在读取工作簿…');
  const sheets = await runInWorker<ChainSheets>(READ_WORKER, { path: file.path, fileName: file.name }, job, { resourceLimits: READ_WORKER_LIMITS });
  job.throwIfCancelled();
  job.progress(0.5, '正在检查…');
  const { plan, problems } = validateChainSheets(ctx.db, sheets, file.name);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new AppError('IMPORT_REFUSED', `${errors.length} 处错误`, problems);
  if (ctx.db.prepare('SELECT 1 FROM chain WHERE name = ?').get(input.name)) throw new AppError('CONFLICT', `产业链“${input.name}”已存在，请换一个名称`);
  job.throwIfCancelled();
  job.progress(0.8, '正在写入…');
  const fileHash = crypto.createHash('sha256').update(fs.readFileSync(file.path)).digest('hex');
  const written = ctx.db.transaction(() => writeChainImport(ctx.db, ctx.userName(), plan, { name: input.name, threshold: input.threshold, fileName: file.name, fileHash }))();
  job.progress(0.9, '正在排布图谱…');
  await layoutMissingPositions(ctx.db, written.chainId);
  ctx.files.discard(input.fileId, 'uploads'); // an upload that went in has served
  return {
    ...written,
    name: input.name,
    warnings: problems.filter((p) => p.severity === 'warning').map((p) => ({ sheet: p.sheet, row: p.row, message: p.message })),
    ignoredColumns: Object.values(sheets).flatMap((s) => s.ignoredColumns.map((c) => ({ sheet: s.sheet, ...c }))),
  };
}
