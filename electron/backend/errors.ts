import type { ErrorCode } from '../../shared/errors';
import { errorData, type AppErrorData, type Problem } from '../../shared/result';

/** A refusal the user can act on. Thrown inside the backend, turned into the result envelope by dispatch. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[] | undefined;
  constructor(code: ErrorCode, detail?: string, problems?: Problem[]) {
    super(errorData(code, detail).message);
    this.code = code;
    this.problems = problems;
  }
  toData(): AppErrorData {
    return errorData(this.code, this.message === errorData(this.code).message ? undefined : detailOf(this), this.problems);
  }
}

function detailOf(err: AppError): string | undefined {
  const base = errorData(err.code).message;
  return err.message.startsWith(`${base}：`) ? err.message.slice(base.length + 1) : undefined;
}
