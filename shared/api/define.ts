import type { z } from 'zod';

/**
 * The areas of data a method can change; a `changed` event names the ones a call changed, and a page refreshes on
 * the areas it shows. `audit` is the operation log most changes add to.
 */
export const DATA_AREAS = ['projects', 'enterprises', 'fdi', 'chains', 'policy', 'settings', 'reference', 'stats', 'dashboard', 'audit'] as const;
export type DataArea = (typeof DATA_AREAS)[number];

/** A backend method: its input and output schemas, and what it changes. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Human summary, shown in `cli help` and in logs. */
  summary: string;
  /** The areas a successful call changes; none for a read-only method. dispatch commits them in one transaction. */
  writes?: readonly DataArea[];
  /**
   * A job-starting method (its output is `{ jobId }`): what the finished job holds in `result`. The job runner checks
   * it; a job's declared `writes` are committed and announced when the job finishes, not when the call returns.
   */
  job?: z.ZodType;
}

export type MethodMap = Record<string, MethodSpec>;

/** Declares an area's methods, keeping their literal names and schema types. */
export function defineMethods<const M extends MethodMap>(methods: M): M {
  return methods;
}
