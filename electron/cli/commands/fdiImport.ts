import fs from 'node:fs';
import path from 'node:path';
import type { FdiImportResult, ImportBatch } from '../../../shared/api/fdiImport';
import { errorData } from '../../../shared/result';
import { callOrFail, failImport, runJob, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand } from '../command';

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const importFdiCommand: CliCommand = {
  name: 'import fdi',
  summary: '导入外资统计报表（.xlsx/.csv，可多个区县文件一并汇总，每个文件一批）；有错误时整体拒绝',
  usage: 'import fdi FILE... --db FILE [--district NAME] [--sheet NAME] [--allow-partial] [--json]',
  options: { ...common, district: { type: 'string' }, sheet: { type: 'string' }, 'allow-partial': { type: 'boolean' } },
  async run(values, files, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    if (!files.length) return io.fail(refuse('INVALID_INPUT', '请给出要导入的文件'));
    const missing = files.find((f) => !fs.existsSync(f) || !fs.statSync(f).isFile());
    if (missing) return io.fail(errorData('FILE_NOT_FOUND', missing));
    return withBackend(db, io, async (backend) => {
      const district = typeof values.district === 'string' ? values.district : undefined;
      const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
      const registered = files.map((f) => backend.ctx.files.register(f));
      const done = await runJob<FdiImportResult>(
        backend,
        io,
        'fdiImport.consolidate',
        { files: registered.map((f) => ({ fileId: f.fileId, district, sheet })), allowPartial: values['allow-partial'] === true },
        (error) => failImport(io, error),
      );
      if ('code' in done) return done.code;
      const result = done.value;
      const batches = result.batches.map((b) => ({ file: b.file, rows: b.rows, skippedRows: b.skippedRows, unit: b.unit, batchId: b.batchId }));
      const human = [
        ...result.batches.map(
          (b) =>
            `第${b.batchId}批 ${b.file}：导入 ${b.rows} 行，跳过 ${b.skippedRows} 行${b.rejectedRows ? `，有错未导入 ${b.rejectedRows} 行` : ''}（单位：${b.unit}${b.district ? `，${b.district}` : ''}）`,
        ),
        `共导入 ${result.imported} 条记录；导入前的备份：${result.batches[0]?.backup ?? ''}`,
      ].join('\n');
      io.out({ batches, imported: result.imported }, human);
      return EXIT.ok;
    });
  },
};

export const batchesCommand: CliCommand = {
  name: 'batches',
  summary: '列出外资统计导入记录',
  usage: 'batches --db FILE [--json]',
  options: common,
  async run(values, _pos, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    return withBackend(db, io, async (backend) => {
      const listed = await callOrFail<ImportBatch[]>(backend, io, 'fdiImport.batches', {});
      if ('code' in listed) return listed.code;
      const human = listed.value.length
        ? listed.value
            .map((b) => `第${b.id}批  ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.fileName}  ${b.rows}行  ${b.district ?? ''}${b.undoneAt ? '  （已撤销）' : ''}`)
            .join('\n')
        : '还没有导入记录';
      io.out({ batches: listed.value }, human);
      return EXIT.ok;
    });
  },
};

export const undoCommand: CliCommand = {
  name: 'undo',
  summary: '撤销一批外资统计导入',
  usage: 'undo BATCH --db FILE [--json]',
  options: common,
  async run(values, positionals, io) {
    const db = requireString(values, 'db');
    if (isError(db)) return io.fail(db);
    const batchId = Number(positionals[0]);
    if (!Number.isInteger(batchId) || batchId <= 0) return io.fail(refuse('INVALID_INPUT', '请给出批次号，如 undo 3'));
    return withBackend(path.resolve(db), io, async (backend) => {
      const undone = await callOrFail<{ batchId: number; removedRecords: number; removedEnterprises: number; restoredEnterprises: number }>(
        backend,
        io,
        'fdiImport.undo',
        { batchId },
      );
      if ('code' in undone) return undone.code;
      const u = undone.value;
      io.out(u, `已撤销第${u.batchId}批：删除 ${u.removedRecords} 条记录、${u.removedEnterprises} 家由该批新建的企业，恢复 ${u.restoredEnterprises} 家企业的原信息`);
      return EXIT.ok;
    });
  },
};
