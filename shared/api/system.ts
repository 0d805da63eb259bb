import { z } from 'zod';
import { DATA_AREAS, defineMethods } from './define';

export const dbInfoSchema = z.object({
  path: z.string(),
  backupDir: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  isDemo: z.boolean(),
});

export const backupEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  reason: z.string(),
});

export const checkReportSchema = z.object({
  ok: z.boolean(),
  integrity: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

export const systemMethods = defineMethods({
  'system.info': { summary: '数据库与程序信息', input: z.object({}), output: dbInfoSchema },
  'system.check': { summary: '检查数据库完整性、版本与记录数', input: z.object({}), output: checkReportSchema },
  'system.listBackups': { summary: '列出数据库备份', input: z.object({}), output: z.array(backupEntrySchema) },
  'system.backup': {
    summary: '立即备份数据库',
    input: z.object({ reason: z.string().max(40).default('manual') }),
    output: backupEntrySchema,
  },
  'system.restore': {
    writes: DATA_AREAS,
    summary: '从备份恢复数据库（先把当前数据库另存一份）',
    input: z.object({ name: z.string().min(1) }),
    output: z.object({ restoredFrom: z.string(), savedCurrentAs: z.string() }),
  },
});
