import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { BackendEvent } from '../../shared/api';
import type { Bridge } from '../../shared/bridge';
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

// shared/result's errorData would pull zod into the sandboxed bundle; the envelope is simple enough to build here.
function failure(code: ErrorCode, detail: string): Result<never> {
  return { ok: false, error: { code, message: `${ERROR_MESSAGES[code]}：${detail}` } };
}

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The renderer's whole view of the shell: `call` and `onEvent`. The raw IPC event never reaches the page (it would
 * expose `sender`), and `call` turns a broken channel into the envelope so the renderer only ever handles Results.
 */
export function createBridge(ipc: IpcRendererLike, origin: string = `window-${crypto.randomUUID()}`): Bridge {
  return {
    origin,
    call: (async (method: string, input: unknown): Promise<Result<unknown>> => {
      if (typeof method !== 'string') return failure('UNKNOWN_METHOD', `(${typeof method})`);
      try {
        // the window's id goes with the call, for the change events it causes (the main process passes it on)
        return (await ipc.invoke(CALL_CHANNEL, method, input, origin)) as Result<unknown>;
      } catch (err) {
        return failure('INTERNAL', (err as Error)?.message ?? String(err));
      }
    }) as Bridge['call'],
    onEvent(listener: (event: BackendEvent) => void): () => void {
      const relay = (_event: IpcRendererEvent, payload: BackendEvent) => listener(payload);
      ipc.on(EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}
