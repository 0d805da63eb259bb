import type { BackendContext } from '../context';
import { AppError } from '../errors';

// The enterprise import is written against the shared workbook-reading layer (electron/backend/workbook/), once it exists.
export function checkEnterpriseImport(ctx: BackendContext, fileId: string): string {
  ctx.files.get(fileId);
  return ctx.jobs.start('enterprises.importCheck', () => {
    throw new AppError('FILE_UNSUPPORTED', '企业名录导入尚未完成');
  });
}

export function commitEnterpriseImport(ctx: BackendContext, fileId: string): string {
  ctx.files.get(fileId);
  return ctx.jobs.start('enterprises.importCommit', () => {
    throw new AppError('FILE_UNSUPPORTED', '企业名录导入尚未完成');
  });
}
