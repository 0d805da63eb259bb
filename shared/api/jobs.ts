import { z } from 'zod';
import { appErrorSchema } from '../result';
import { defineMethods } from './define';

export const jobStateSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0..1, or null when the total is not known yet. */
  progress: z.number().min(0).max(1).nullable(),
  message: z.string(),
  result: z.unknown().optional(),
  error: appErrorSchema.optional(),
});
export type JobState = z.infer<typeof jobStateSchema>;

export const jobStartedSchema = z.object({ jobId: z.string() });

export const jobsMethods = defineMethods({
  'jobs.get': { summary: '查询任务状态', input: z.object({ jobId: z.string() }), output: jobStateSchema },
  'jobs.list': { summary: '列出本次运行中的任务', input: z.object({}), output: z.array(jobStateSchema) },
  'jobs.cancel': { summary: '取消任务', input: z.object({ jobId: z.string() }), output: jobStateSchema },
});
