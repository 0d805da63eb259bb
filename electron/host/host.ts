import type { Backend } from '../backend/create';
import { AppError } from '../backend/errors';
import { errorData, type Result } from '../../shared/result';
import { openHostBackend } from './open';
import { toHostSchema, type FileOp, type HostOpenOptions, type HostPort } from './protocol';

export interface HostDeps {
  open?: (options: HostOpenOptions, log: (line: string) => void) => Promise<{ backend: Backend; fresh: boolean }>;
  log?: (line: string) => void;
  /** Ends the process once the backend is closed (process.exit in the real host). */
  exit?: (code: number) => void;
}

/** An AppError as it is; anything else INTERNAL naming what failed (as dispatch does), its text kept for the log. */
function failure(err: unknown, what: string, log: (line: string) => void): Result<never> {
  if (err instanceof AppError) return { ok: false, error: err.toData() };
  log(`[host] ${what} failed: ${(err as Error)?.stack ?? String(err)}`);
  return { ok: false, error: errorData('INTERNAL', what) };
}

/** The backend's FileStore, as the main process's dialogs need it (see FileOp). */
function fileOp(backend: Backend, request: FileOp): unknown {
  const files = backend.ctx.files;
  switch (request.op) {
    case 'register': {
      const file = files.register(request.path);
      return { fileId: file.fileId, name: file.name, size: file.size };
    }
    case 'get':
      return files.get(request.fileId);
    case 'discard':
      files.discard(request.fileId, request.only);
      return null;
  }
}

/**
 * The backend host: plain Node, no Electron. It opens the backend when told to (`open`), answers every call through
 * the one dispatch, relays every backend event, and closes the database before it exits (`shutdown`). The same code
 * runs in Electron's utilityProcess and as a Node child process (tests, bench): only the port differs.
 */
export function runHost(port: HostPort, deps: HostDeps = {}): void {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const open = deps.open ?? openHostBackend;
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  let backend: Backend | null = null;
  let opening = false;
  let stopEvents = () => {};

  const notOpen = (): Result<never> => ({ ok: false, error: errorData('BACKEND_UNAVAILABLE', '数据库尚未打开') });

  port.onMessage((raw) => {
    const parsed = toHostSchema.safeParse(raw);
    if (!parsed.success) {
      log(`[host] ignored a malformed message: ${parsed.error.message}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'open': {
        if (backend || opening) return log('[host] ignored a second open');
        opening = true;
        open(message.options, log).then(
          (opened) => {
            opening = false;
            backend = opened.backend;
            stopEvents = backend.ctx.events.on((event) => port.postMessage({ type: 'event', event }));
            port.postMessage({ type: 'ready', fresh: opened.fresh, dbPath: backend.ctx.dbPath });
          },
          (err: unknown) => {
            opening = false;
            const error = err instanceof AppError ? err.toData() : AppError.internal(err).toData();
            if (!(err instanceof AppError)) log(`[host] open failed: ${(err as Error)?.stack ?? String(err)}`);
            port.postMessage({ type: 'fatal', error });
          },
        );
        return;
      }
      case 'call': {
        const { id } = message;
        if (!backend) return port.postMessage({ type: 'reply', id, result: notOpen() });
        backend
          .dispatch(message.method, message.input, { origin: message.origin })
          .then((result) => port.postMessage({ type: 'reply', id, result }))
          // a value the channel cannot carry must still be answered, or the window would wait forever
          .catch((err: unknown) => port.postMessage({ type: 'reply', id, result: failure(err, message.method, log) }));
        return;
      }
      case 'files': {
        const { id } = message;
        if (!backend) return port.postMessage({ type: 'reply', id, result: notOpen() });
        let result: Result<unknown>;
        try {
          result = { ok: true, value: fileOp(backend, message.request) };
        } catch (err) {
          result = failure(err, `files.${message.request.op}`, log);
        }
        port.postMessage({ type: 'reply', id, result });
        return;
      }
      case 'shutdown': {
        stopEvents();
        try {
          backend?.close(); // with the uploads and not-yet-saved exports; files the user picked stay where they are
        } catch (err) {
          log(`[host] close failed: ${(err as Error)?.message ?? String(err)}`);
        }
        backend = null;
        exit(0); // the main process waits for the exit itself, not for a message that exit could cut off
        return;
      }
    }
  });
}
