import type { fdiImportMethods } from '../../../shared/api/fdiImport';
import type { AreaHandlers } from '../context';
import { listFdiBatches, undoFdiBatch } from '../fdi-import/batches';
import { writeProblemsWorkbook } from '../fdi-import/problems-xlsx';
import { getStoredPreview, startCommit, startPreview } from '../fdi-import/service';
import { writeFdiTemplate } from '../fdi-import/template';

export const fdiImportHandlers: AreaHandlers<typeof fdiImportMethods> = {
  'fdiImport.preview': (input, ctx) => ({ jobId: startPreview(ctx, input) }),
  'fdiImport.commit': ({ previewId, fileId, allowPartial, addUnknown, places, ...options }, ctx) => ({
    jobId: startCommit(ctx, [{ previewId, fileId, options }], { allowPartial, addUnknown, places }),
  }),
  'fdiImport.consolidate': ({ files, allowPartial, addUnknown, places }, ctx) => ({
    jobId: startCommit(
      ctx,
      files.map(({ previewId, fileId, ...options }) => ({ previewId, fileId, options })),
      { allowPartial, addUnknown, places },
    ),
  }),
  'fdiImport.batches': (_input, ctx) => listFdiBatches(ctx.db),
  'fdiImport.undo': ({ batchId }, ctx) => undoFdiBatch(ctx.db, batchId, ctx.userName()),
  'fdiImport.saveProblems': async ({ previewId }, ctx) => {
    const preview = getStoredPreview(ctx, previewId);
    const base = preview.fileName.replace(/\.[^.]+$/, '');
    const target = ctx.files.outputPath(`${base}-问题清单.xlsx`);
    await writeProblemsWorkbook(preview.problems, target);
    const { fileId, name, size } = ctx.files.register(target);
    return { fileId, name, size };
  },
  'fdiImport.template': async (_input, ctx) => {
    const target = ctx.files.outputPath('外资统计导入模板.xlsx');
    await writeFdiTemplate(target);
    const { fileId, name, size } = ctx.files.register(target);
    return { fileId, name, size };
  },
};
