import type { z } from 'zod';
import type { BackendEvent } from '../../shared/api';
import { isPlatformMethod, platformMethods, type PlatformMethodName, type PlatformMethods } from '../../shared/api/platform';
import { errorData, type Result } from '../../shared/result';
import type { Dispatch } from '../backend/dispatch';
import { AppError } from '../backend/errors';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';
import type { UrlCheck } from './security';

/** What the handler reads from an invoke event: the frame that sent it, and the WebContents (to parent dialogs). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type PlatformHandler<M extends PlatformMethodName> = (
  input: z.output<PlatformMethods[M]['input']>,
  event: InvokeEventLike,
) => Promise<z.input<PlatformMethods[M]['output']>>;

export type PlatformHandlers = { [M in PlatformMethodName]: PlatformHandler<M> };

export interface IpcOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  platform: PlatformHandlers;
  isTrustedSender: UrlCheck;
  log?: (line: string) => void;
}

/**
 * The one IPC channel: refuses any frame that is not our own page, answers `platform.*` here (validated with the
 * same zod schemas), and sends everything else to the backend's dispatch. Always resolves to the envelope.
 * Returns a function that unregisters the channel.
 */
export function registerIpc(options: IpcOptions): () => void {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  options.ipcMain.handle(CALL_CHANNEL, async (event, method, input, origin): Promise<Result<unknown>> => {
    const url = event.senderFrame?.url;
    if (!options.isTrustedSender(url)) {
      log(`[ipc] refused a call from ${url ?? 'a destroyed frame'}`);
      return { ok: false, error: errorData('UNAUTHORIZED', '调用来自非本程序页面') };
    }
    if (typeof method !== 'string') return { ok: false, error: errorData('UNKNOWN_METHOD', `(${typeof method})`) };
    if (isPlatformMethod(method)) return callPlatform(options.platform, method, input, event, log);
    // the window's own id (preload), so its pages can tell their own changes from another window's
    return options.dispatch(method, input, { origin: typeof origin === 'string' ? origin : undefined });
  });
  return () => options.ipcMain.removeHandler(CALL_CHANNEL);
}

async function callPlatform(
  platform: PlatformHandlers,
  method: PlatformMethodName,
  input: unknown,
  event: InvokeEventLike,
  log: (line: string) => void,
): Promise<Result<unknown>> {
  const spec = platformMethods[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)).join('；');
    return { ok: false, error: errorData('INVALID_INPUT', detail) };
  }
  try {
    const handler = platform[method] as (input: unknown, event: InvokeEventLike) => Promise<unknown>;
    const checked = spec.output.safeParse(await handler(parsed.data, event));
    if (!checked.success) {
      log(`[ipc] ${method} returned output outside the contract: ${checked.error.message}`);
      return { ok: false, error: errorData('INVALID_OUTPUT', method) };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toData() };
    log(`[ipc] ${method} failed: ${(err as Error)?.stack ?? String(err)}`);
    return { ok: false, error: errorData('INTERNAL', method) };
  }
}

export interface EventTarget {
  webContents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void };
}

/** Pushes every backend event to every open window on the one event channel; returns the unsubscribe. */
export function forwardEvents(events: { on(listener: (event: BackendEvent) => void): () => void }, windows: () => readonly EventTarget[]): () => void {
  return events.on((event) => {
    for (const win of windows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
    }
  });
}
