import { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from './errors';

/** One problem found in a piece of input (a form field, a cell of a workbook). */
export const problemSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']).default('error'),
});
export type Problem = z.infer<typeof problemSchema>;

export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  problems: z.array(problemSchema).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** The envelope every backend call returns, over every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, detail?: string, problems?: Problem[]): Result<never> {
  return { ok: false, error: errorData(code, detail, problems) };
}

export function errorData(code: ErrorCode, detail?: string, problems?: Problem[]): AppErrorData {
  const base = ERROR_MESSAGES[code];
  const message = detail ? `${base}：${detail}` : base;
  return problems && problems.length > 0 ? { code, message, problems } : { code, message };
}
