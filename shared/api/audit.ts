import { z } from 'zod';
import { AUDIT_AREA_CODES } from '../domain/audit';
import { defineMethods } from './define';
import { jobStartedSchema } from './jobs';
import { auditEntrySchema, dateSchema, exportDoneSchema } from './projects';

/** The audit trail across the whole database (设置 → 操作记录). */

export const auditFilterSchema = z.object({
  areas: z.array(z.enum(AUDIT_AREA_CODES)).optional(),
  users: z.array(z.string().max(40)).optional(),
  /** Days, inclusive, in the computer's calendar (entries are stored in UTC). */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** A kind of entry (project, import_batch, database…), and optionally one of them by id. */
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  actions: z.array(z.string().max(20)).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** An entry with its words resolved for people (area, action and kind in Chinese). */
export const auditRowSchema = auditEntrySchema.extend({
  area: z.enum(AUDIT_AREA_CODES),
  actionName: z.string(),
  entityName: z.string(),
  /** What it is about in a few words: a project's or firm's name, a file name… (empty when nothing better than the id). */
  subject: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditMethods = defineMethods({
  'audit.list': {
    summary: '操作记录：全库的修改、导入、撤销、恢复与设置变更，按条件筛选、分页',
    input: z.object({
      filter: auditFilterSchema.default({}),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(auditRowSchema), total: z.number().int() }),
  },
  'audit.facets': {
    summary: '操作记录筛选用的选项：出现过的用户与记录类别',
    input: z.object({}),
    output: z.object({ users: z.array(z.string()), entities: z.array(z.string()) }),
  },
  'audit.export': { job: exportDoneSchema, summary: '导出操作记录（Excel），返回任务', input: z.object({ filter: auditFilterSchema.default({}) }), output: jobStartedSchema },
});
