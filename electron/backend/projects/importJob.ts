import type { BackendContext } from '../context';
import { AppError } from '../errors';

// The project import is written against the shared workbook-reading layer (electron/backend/workbook/), once it exists.
export function checkProjectImport(ctx: BackendContext, fileId: string): string {
  ctx.files.get(fileId);
  return ctx.jobs.start('projects.importCheck', () => {
    throw new AppError('FILE_UNSUPPORTED', '项目清单导入尚未完成');
  });
}

export function commitProjectImport(ctx: BackendContext, fileId: string): string {
  ctx.files.get(fileId);
  return ctx.jobs.start('projects.importCommit', () => {
    throw new AppError('FILE_UNSUPPORTED', '项目清单导入尚未完成');
  });
}
