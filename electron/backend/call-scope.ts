import { AsyncLocalStorage } from 'node:async_hooks';

/** Who made the call being handled: the window or client (`origin`), for the change events it causes. */
export interface CallScope {
  origin?: string;
}

const scope = new AsyncLocalStorage<CallScope>();

/** Runs a call's handler with its scope, which the jobs it starts keep (their change event comes later). */
export function withCallScope<T>(call: CallScope, run: () => T): T {
  return scope.run(call, run);
}

export function currentCallScope(): CallScope {
  return scope.getStore() ?? {};
}
