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
  /** What a library said (yauzl, zlib, SheetJS, SQLite…), in its own words, for logs and support; never shown as the message. */
  detail: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  problems: z.array(problemSchema).optional(),
  /** Library text for logs (as in a problem); the message is what a person reads. */
  detail: z.string().optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** The envelope every backend call returns, over every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, context?: string, problems?: Problem[]): Result<never> {
  return { ok: false, error: errorData(code, context, problems) };
}

/** Longest library text kept in `detail`. */
const DETAIL_CHARS = 500;

/** Library text cut to a length fit for a log line. */
export function logDetail(text: string): string {
  return text.length > DETAIL_CHARS ? `${text.slice(0, DETAIL_CHARS)}…` : text;
}

/**
 * The error as data. `context` is Chinese, for people: it is appended to the code's message (`找不到文件：a.xlsx`).
 * `detail` is what a library said, for logs only (see appErrorSchema).
 */
export function errorData(code: ErrorCode, context?: string, problems?: Problem[], detail?: string): AppErrorData {
  const base = ERROR_MESSAGES[code];
  const message = context ? `${base}：${context}` : base;
  const data: AppErrorData = problems && problems.length > 0 ? { code, message, problems } : { code, message };
  if (detail) data.detail = logDetail(detail);
  return data;
}
