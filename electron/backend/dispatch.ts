import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput } from '../../shared/api';
import { errorData, type Problem, type Result } from '../../shared/result';
import { handlers } from './api';
import type { BackendContext, Handler } from './context';
import { AppError } from './errors';

// Validation messages people read are Chinese; the codes stay English.
z.config(z.locales.zhCN());

const SLOW_CALL_MS = 500;

export interface DispatchOptions {
  /** Which window or client made the call (carried through to what the call changes). */
  origin?: string | undefined;
}

export type Dispatch = <M extends MethodName>(method: M | string, input: unknown, options?: DispatchOptions) => Promise<Result<MethodOutput<M>>>;

function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    column: issue.path.join('.') || undefined,
    code: 'INVALID_INPUT',
    message: issue.message,
    severity: 'error' as const,
  }));
}

/** SQLite's "database is locked": another connection held the write lock longer than busy_timeout. */
function isBusy(err: unknown): boolean {
  return typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('SQLITE_BUSY');
}

/**
 * The one entry to the backend, for every transport: rejects unknown methods, validates input, calls the handler,
 * checks the output against the contract, and returns the envelope. Never throws; never returns a stack trace.
 */
export function createDispatch(ctx: BackendContext, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Dispatch {
  return (async (method: string, input: unknown) => {
    if (!isMethodName(method)) return { ok: false, error: errorData('UNKNOWN_METHOD', method) };
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      return { ok: false, error: errorData('INVALID_INPUT', problems.map((p) => (p.column ? `${p.column}：${p.message}` : p.message)).join('；'), problems) };
    }
    const started = performance.now();
    try {
      // a call made while a backup is being restored is answered from the restored database
      await ctx.gate.maintenanceDone();
      const handler = handlers[method] as Handler<typeof spec>;
      const value = await handler(parsed.data as never, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`[dispatch] ${method} returned output outside the contract: ${checked.error.message}`);
        return { ok: false, error: errorData('INVALID_OUTPUT', method) };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toData() };
      // another connection holds the write lock past busy_timeout (an import writes in one long transaction)
      if (isBusy(err)) return { ok: false, error: errorData('DB_BUSY', method) };
      log(`[dispatch] ${method} failed: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error: errorData('INTERNAL', method) };
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) log(`[dispatch] slow call ${method}: ${ms.toFixed(0)} ms`);
    }
  }) as Dispatch;
}
