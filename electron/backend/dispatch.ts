import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput } from '../../shared/api';
import type { MethodSpec } from '../../shared/api/define';
import { errorData, type Problem, type Result } from '../../shared/result';
import { handlers } from './api';
import { withCallScope } from './call-scope';
import { committingItself, type BackendContext, type Handler } from './context';
import { AppError } from './errors';

// Validation messages people read are Chinese; the codes stay English.
z.config(z.locales.zhCN());

const SLOW_CALL_MS = 500;

/** Who is calling: the window or client a change event names as its origin (a tab's id, `window-3`, `cli`). */
export interface CallOptions {
  origin?: string;
}

export type Dispatch = <M extends MethodName>(method: M | string, input: unknown, options?: CallOptions) => Promise<Result<MethodOutput<M>>>;

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
 * The one entry to the backend, for every transport: rejects unknown methods, validates input, calls the handler (a
 * method that `writes`, in one transaction), checks the output against the contract, announces the areas a writing
 * method changed, and returns the envelope. Never throws; never returns a stack trace.
 */
export function createDispatch(ctx: BackendContext, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Dispatch {
  return (async (method: string, input: unknown, options: CallOptions = {}) => {
    if (!isMethodName(method)) return { ok: false, error: errorData('UNKNOWN_METHOD', method) };
    const spec: MethodSpec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      return { ok: false, error: errorData('INVALID_INPUT', problems.map((p) => (p.column ? `${p.column}：${p.message}` : p.message)).join('；'), problems) };
    }
    const started = performance.now();
    try {
      // a call made while a backup is being restored is answered from the restored database
      await ctx.gate.maintenanceDone();
      const handler = handlers[method] as Handler<MethodSpec>;
      const call = () => handler(parsed.data as never, ctx);
      // a job writes later, in its own transaction, and announces its writes when it is done (JobRunner)
      const writesNow = spec.writes?.length && !spec.job ? spec.writes : null;
      const value = await withCallScope({ origin: options.origin }, () => (writesNow && !committingItself(handler) ? ctx.db.transaction(call)() : call()));
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`[dispatch] ${method} returned output outside the contract: ${checked.error.message}`);
        return { ok: false, error: errorData('INVALID_OUTPUT', method) };
      }
      if (writesNow) ctx.events.emit({ type: 'changed', areas: writesNow, origin: options.origin });
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
