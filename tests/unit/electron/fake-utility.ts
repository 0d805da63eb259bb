import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Backend } from '../../../electron/backend/create';
import { runHost, type HostDeps } from '../../../electron/host/host';
import { openHostBackend } from '../../../electron/host/open';
import type { HostOpenOptions, ToHost } from '../../../electron/host/protocol';
import type { UtilityProcessLike } from '../../../electron/main/backend-process';

const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference');

/**
 * Electron's utilityProcess stand-in: the real host (runHost, a real backend on a real SQLite file) in this process,
 * its messages structured-cloned and delivered on a later turn as over a MessagePort. `crash()` is a process dying:
 * an exit code, and the OS dropping its file handles (the database is closed, nothing else runs).
 */
export class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  readonly sent: ToHost[] = [];
  backend: Backend | null = null;
  exitCode: number | null = null;
  private toHost: ((message: unknown) => void) | null = null;

  constructor(options: { open?: HostDeps['open']; ignoreShutdown?: boolean } = {}) {
    super();
    const open = options.open ?? ((o: HostOpenOptions, log: (line: string) => void) => openHostBackend(o, log));
    runHost(
      {
        postMessage: (message) => setImmediate(() => this.exitCode === null && this.emit('message', structuredClone(message))),
        onMessage: (listener) => (this.toHost = listener),
      },
      {
        log: () => undefined,
        open: async (o, log) => {
          const opened = await open(o, log);
          this.backend = opened.backend;
          return opened;
        },
        exit: (code) => (options.ignoreShutdown ? undefined : this.die(code)),
      },
    );
  }

  postMessage(message: ToHost): void {
    this.sent.push(message);
    setImmediate(() => this.exitCode === null && this.toHost?.(structuredClone(message)));
  }

  kill(): boolean {
    this.crash(null);
    return true;
  }

  crash(code: number | null = 134): void {
    if (this.backend?.ctx.db.open) this.backend.ctx.db.close();
    this.die(code ?? 1);
  }

  private die(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    setImmediate(() => this.emit('exit', code));
  }
}

export const fakeOpenOptions = (dir: string): Omit<HostOpenOptions, 'restoreFrom'> => ({
  dbPath: path.join(dir, 'fdi-desk.db'),
  referenceDir: REFERENCE_DIR,
  workDir: path.join(dir, 'work'),
  demoWhenNew: false,
});
