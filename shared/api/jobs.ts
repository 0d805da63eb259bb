import { z } from 'zod';
import { appErrorSchema } from '../result';
import { defineMethods, type MethodMap } from './define';

const jobStateFields = {
  id: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0..1, or null when the total is not known yet. */
  progress: z.number().min(0).max(1).nullable(),
  message: z.string(),
  error: appErrorSchema.optional(),
};

/**
 * A job as `jobs.get` answers it. `kind` is the method that started it and `result` is what that method's contract
 * entry declares (`job`); read a result typed through `runJob`, which knows the method.
 */
export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number | null;
  message: string;
  result?: unknown;
  error?: z.infer<typeof appErrorSchema>;
}

/**
 * The job state of every job-starting method in `methods`, one shape per kind: a finished job's result is checked
 * against its method's own schema, never passed as anything at all.
 */
export function jobStateSchemaFor(methods: MethodMap): z.ZodType<JobState> {
  const kinds = Object.entries(methods).flatMap(([kind, spec]) =>
    spec.job ? [z.object({ ...jobStateFields, kind: z.literal(kind), result: spec.job.optional() })] : [],
  );
  const [first, ...others] = kinds;
  if (!first) throw new Error('no job-starting method in the contract');
  return z.discriminatedUnion('kind', [first, ...others]) as unknown as z.ZodType<JobState>;
}

export const jobStartedSchema = z.object({ jobId: z.string() });

/** `jobs.*` over the job-starting methods of the rest of the contract (shared/api/index.ts passes them in). */
export function jobsMethodsFor(methods: MethodMap) {
  const jobState = jobStateSchemaFor(methods);
  return defineMethods({
    'jobs.get': { summary: '查询任务状态', input: z.object({ jobId: z.string() }), output: jobState },
    'jobs.list': { summary: '列出本次运行中的任务', input: z.object({}), output: z.array(jobState) },
    'jobs.cancel': { summary: '取消任务', input: z.object({ jobId: z.string() }), output: jobState },
  });
}
export type JobsMethods = ReturnType<typeof jobsMethodsFor>;
