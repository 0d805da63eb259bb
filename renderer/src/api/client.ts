import type { BackendEvent, JobMethodName, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { runJob, type JobOutcome, type RunJobOptions } from '../../../shared/api/run-job';
import type { AppErrorData, Result } from '../../../shared/result';
import { createTransport, type Transport } from './transport';

/** A failed call, carrying the envelope's error (code, Chinese message, problems). */
export class ApiError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
  }
  get code(): string {
    return this.error.code;
  }
}

let transport: Transport | null = null;
function current(): Transport {
  transport ??= createTransport();
  return transport;
}

/** The one way the renderer talks to the backend. Stores call this; components call stores. */
export const api = {
  /** The envelope as it came: for callers that treat errors as data (forms, imports). */
  async result<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    return (await current().call(method, input)) as Result<MethodOutput<M>>;
  },
  /** The value, or an ApiError to catch. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await api.result(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  },
  onEvent(listener: (event: BackendEvent) => void): () => void {
    return current().onEvent(listener);
  },
  transport(): Transport {
    return current();
  },
  /**
   * Starts a job and follows it to its end, with its typed result (see shared/api/run-job.ts: nothing is reported once
   * it settled; aborting `signal` cancels it).
   */
  runJob<M extends JobMethodName>(method: M, input: MethodInput<M>, options?: RunJobOptions): Promise<JobOutcome<M>> {
    return runJob(current(), method, input, options);
  },
  /** This window's id in change events (see useChanged). */
  origin(): string | undefined {
    return current().origin;
  },
};
