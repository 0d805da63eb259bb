import type { BackendEvent, MethodInput, MethodName, MethodOutput } from './api';
import type { PlatformInput, PlatformMethodName, PlatformOutput } from './api/platform';
import type { Result } from './result';

/**
 * What the Electron preload exposes to the renderer as `window.bridge` (types only). In browser mode there is no
 * bridge: the renderer's API client uses HTTP instead, so `window.bridge` is optional.
 */
export type BridgeMethodName = MethodName | PlatformMethodName;
export type BridgeInput<M extends BridgeMethodName> = M extends PlatformMethodName
  ? PlatformInput<M>
  : M extends MethodName
    ? MethodInput<M>
    : never;
export type BridgeOutput<M extends BridgeMethodName> = M extends PlatformMethodName
  ? PlatformOutput<M>
  : M extends MethodName
    ? MethodOutput<M>
    : never;

export interface Bridge {
  /** Calls a backend or platform method; always resolves to the result envelope, never rejects on refusals. */
  call<M extends BridgeMethodName>(method: M, input: BridgeInput<M>): Promise<Result<BridgeOutput<M>>>;
  /** Listens to backend events (job progress, data changed); returns the function that stops listening. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** This window's id, sent with every call, that change events name as their origin. */
  origin?: string;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}
