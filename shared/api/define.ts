import type { z } from 'zod';

/** A backend method: its input and output schemas, and whether it may run long (then it returns a job id). */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Human summary, shown in `cli help` and in logs. */
  summary: string;
}

export type MethodMap = Record<string, MethodSpec>;

/** Declares an area's methods, keeping their literal names and schema types. */
export function defineMethods<const M extends MethodMap>(methods: M): M {
  return methods;
}
