import fs from 'node:fs';
import type { StatsQuery, StatsRange } from '../../../../shared/api/stats';
import type { FileRef } from '../../../../shared/api/files';
import { periodLabel } from '../../../../shared/rules/period';
import type { BackendContext } from '../../context';
import type { JobControl } from '../../jobs';
import { readJurisdiction } from '../../settings/jurisdiction';
import { readStatsSettings } from '../settings';
import { computeStatsTables } from '../tables';
import { buildStatsWorkbook } from './workbook';

export function exportFileName(range: StatsRange): string {
  return `外资统计表_${periodLabel(range.from, range.to)}.xlsx`;
}

/**
 * The 外资统计表 workbook for a range, written to the backend's output folder and registered: the renderer gets a
 * file id to download or save. Runs as a job (progress, cancel between steps); a cancelled export leaves no file.
 */
export async function exportStatsWorkbook(ctx: BackendContext, range: StatsQuery, job: JobControl): Promise<FileRef> {
  job.progress(0.05, '正在汇总统计表');
  const tables = computeStatsTables(ctx.db, range);
  const { forms, signature } = readStatsSettings(ctx.db);
  job.throwIfCancelled();
  job.progress(0.4, '正在生成工作簿');
  const { reportingUnit } = readJurisdiction(ctx.db);
  const workbook = buildStatsWorkbook(tables, { reportingUnit, forms, signature, createdAt: new Date() });
  job.throwIfCancelled();
  job.progress(0.7, '正在写入文件');
  const name = exportFileName(range);
  const target = ctx.files.outputPath(name);
  await workbook.xlsx.writeFile(target);
  if (job.signal.aborted) {
    fs.rmSync(target, { force: true });
    job.throwIfCancelled();
  }
  const file = ctx.files.register(target, name);
  job.progress(1, '已完成');
  return { fileId: file.fileId, name: file.name, size: file.size };
}
