import type { ErrorCode } from '../../shared/errors';
import { errorData, type AppErrorData, type Problem } from '../../shared/result';

export interface AppErrorOptions {
  /** What a library said (yauzl, zlib, SheetJS, SQLite…): kept for logs as the error's `detail`, never in its message. */
  logDetail?: string;
}

/** A refusal the user can act on. Thrown inside the backend, turned into the result envelope by dispatch. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[] | undefined;
  readonly logDetail: string | undefined;
  /** `context` is Chinese text appended to the code's message, for people (`找不到文件：a.xlsx`). */
  constructor(code: ErrorCode, context?: string, problems?: Problem[], options: AppErrorOptions = {}) {
    super(errorData(code, context).message);
    this.code = code;
    this.problems = problems;
    this.logDetail = options.logDetail;
  }

  /** An error that crossed a thread or process as data, with its code, message, problems and detail as they were. */
  static fromData(data: AppErrorData): AppError {
    const err = new AppError('INTERNAL', undefined, data.problems, { logDetail: data.detail });
    Object.assign(err, { code: data.code, message: data.message });
    return err;
  }

  /** For what was not an AppError: INTERNAL, with what was thrown as its detail. */
  static internal(err: unknown): AppError {
    return new AppError('INTERNAL', undefined, undefined, { logDetail: String((err as Error)?.message ?? err) });
  }

  toData(): AppErrorData {
    return errorData(this.code, this.message === errorData(this.code).message ? undefined : contextOf(this), this.problems, this.logDetail);
  }
}

function contextOf(err: AppError): string | undefined {
  const base = errorData(err.code).message;
  return err.message.startsWith(`${base}：`) ? err.message.slice(base.length + 1) : undefined;
}
