import type { BackendEvent } from '../../shared/api';
import type { JobState } from '../../shared/api/jobs';
import { errorData, type Result } from '../../shared/result';
import type { CallOptions, Dispatch } from '../backend/dispatch';
import { AppError } from '../backend/errors';
import { EventBus } from '../backend/events';
import { fromHostSchema, type FileOp, type FromHost, type HostOpenOptions, type ToHost } from '../host/protocol';

/** Electron's UtilityProcess as used here (tests inject a fake, or a Node child process adapted to it). */
export interface UtilityProcessLike {
  postMessage(message: ToHost): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendProcessOptions {
  /** Starts a new host process (utilityProcess.fork of host.cjs in the app). */
  launch(): UtilityProcessLike;
  open: Omit<HostOpenOptions, 'restoreFrom'>;
  log?: (line: string) => void;
  /** Unexpected exits within RESTART_WINDOW_MS before it stops restarting (a host that dies at once would loop). */
  maxRestarts?: number;
  /** How long a host gets to close its database on quit before it is killed. */
  stopTimeoutMs?: number;
  now?: () => number;
}

const RESTART_WINDOW_MS = 60_000;

type State = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopping' | 'stopped';

interface Opening {
  resolve(opened: { fresh: boolean }): void;
  reject(err: AppError): void;
}

/**
 * The backend as the main process sees it: a host process (electron/host) that it starts, talks to over the
 * utility process's message port, and restarts on the same database when it dies — the window stays. Calls in
 * flight when it dies are answered BACKEND_RESTARTING (they may or may not have been done), jobs it was running
 * are reported failed, and the windows are told (a `backend` event) while it restarts and once it is back.
 */
export class BackendProcess {
  private child: UtilityProcessLike | null = null;
  private state: State = 'idle';
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private readonly events = new EventBus((err) => this.log(`[backend] an event listener failed: ${(err as Error)?.message ?? String(err)}`));
  private readonly runningJobs = new Map<string, JobState>();
  private readonly crashes: number[] = [];
  private opening: Opening | null = null;
  /** Calls made while (re)starting wait for this. */
  private settled: Promise<void> = Promise.resolve();
  private settle: () => void = () => {};
  private stopped: (() => void) | null = null;
  private readonly log: (line: string) => void;

  constructor(private readonly options: BackendProcessOptions) {
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /**
   * Starts the host and opens the database; resolves once it answers, rejects with the host's AppError (DB_DAMAGED,
   * DB_TOO_NEW…) if it cannot open it. `restoreFrom`: the backup the user chose for a damaged database.
   */
  start(restoreFrom?: HostOpenOptions['restoreFrom']): Promise<{ fresh: boolean }> {
    this.state = 'starting';
    this.settled = new Promise((resolve) => (this.settle = resolve));
    return this.spawn(restoreFrom);
  }

  readonly dispatch: Dispatch = ((method: string, input: unknown, options?: CallOptions) =>
    this.request((id) => ({ type: 'call', id, method, input, origin: options?.origin }))) as Dispatch;

  /** The host's FileStore for the dialogs; refusals are thrown as AppError, as FileStore itself does. */
  async files(request: FileOp): Promise<unknown> {
    const result = await this.request((id) => ({ type: 'files', id, request }));
    if (!result.ok) throw AppError.fromData(result.error);
    return result.value;
  }

  /** The FileStore calls the dialogs make (see electron/main/dialogs.ts), answered by the host. */
  readonly fileStore = {
    register: async (filePath: string) => (await this.files({ op: 'register', path: filePath })) as { fileId: string; name: string; size: number },
    get: async (fileId: string) => (await this.files({ op: 'get', fileId })) as { name: string; path: string },
    discard: async (fileId: string, only: 'uploads' | 'exports' | null) => void (await this.files({ op: 'discard', fileId, only })),
  };

  on(listener: (event: BackendEvent) => void): () => void {
    return this.events.on(listener);
  }

  /** Asks the host to close the database and waits for it to exit (killing it after stopTimeoutMs). */
  stop(): Promise<void> {
    const child = this.child;
    this.state = 'stopping';
    this.answerPending(errorData('BACKEND_UNAVAILABLE', '程序正在退出'));
    this.settle();
    if (!child) {
      this.state = 'stopped';
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log('[backend] the host did not exit in time; killing it');
        child.kill();
      }, this.options.stopTimeoutMs ?? 5000);
      this.stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      child.postMessage({ type: 'shutdown' });
    });
  }

  private spawn(restoreFrom?: HostOpenOptions['restoreFrom']): Promise<{ fresh: boolean }> {
    const child = this.options.launch();
    this.child = child;
    child.on('message', (message) => {
      if (this.child === child) this.receive(message);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.exited(code);
    });
    return new Promise((resolve, reject) => {
      this.opening = { resolve, reject };
      child.postMessage({ type: 'open', options: { ...this.options.open, ...(restoreFrom ? { restoreFrom } : {}) } });
    });
  }

  private async request(message: (id: number) => ToHost): Promise<Result<unknown>> {
    if (this.state === 'starting' || this.state === 'restarting') await this.settled;
    const child = this.child;
    if (this.state !== 'ready' || !child) {
      return { ok: false, error: errorData('BACKEND_UNAVAILABLE', this.state === 'stopping' || this.state === 'stopped' ? '程序正在退出' : undefined) };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage(message(id));
    });
  }

  private receive(raw: unknown): void {
    const parsed = fromHostSchema.safeParse(raw);
    if (!parsed.success) return this.log(`[backend] ignored a malformed message from the host: ${parsed.error.message}`);
    const message: FromHost = parsed.data;
    switch (message.type) {
      case 'reply': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        return this.relay(message.event as BackendEvent);
      case 'ready': {
        const wasRestarting = this.state === 'restarting';
        this.state = 'ready';
        this.opening?.resolve({ fresh: message.fresh });
        this.opening = null;
        this.settle();
        if (wasRestarting) this.emit({ type: 'backend', state: 'ready' });
        return;
      }
      case 'fatal': {
        const error = AppError.fromData(message.error);
        const opening = this.opening;
        this.opening = null;
        this.discardChild();
        if (this.state === 'restarting') this.giveUp(error.message);
        else {
          this.state = 'idle';
          this.settle();
        }
        opening?.reject(error);
        return;
      }
    }
  }

  private relay(event: BackendEvent): void {
    if (event.type === 'job') {
      if (event.job.status === 'running') this.runningJobs.set(event.job.id, event.job);
      else this.runningJobs.delete(event.job.id);
    }
    this.emit(event);
  }

  private emit(event: BackendEvent): void {
    this.events.emit(event);
  }

  private exited(code: number): void {
    this.child = null;
    if (this.state === 'stopping' || this.state === 'stopped') {
      this.state = 'stopped';
      this.stopped?.();
      return;
    }
    this.log(`[backend] the host exited unexpectedly (code ${code})`);
    if (this.state === 'starting') {
      this.state = 'idle';
      this.settle();
      this.opening?.reject(new AppError('BACKEND_UNAVAILABLE', `后台进程退出（代码 ${code}）`));
      this.opening = null;
      return;
    }
    this.crashed();
  }

  /** The host died while serving (or while restarting): answer what waited on it, tell the windows, start another. */
  private crashed(): void {
    this.answerPending(errorData('BACKEND_RESTARTING'));
    for (const job of this.runningJobs.values()) {
      this.emit({ type: 'job', job: { ...job, status: 'failed', error: errorData('BACKEND_RESTARTING', job.message || job.kind) } });
    }
    this.runningJobs.clear();
    const now = (this.options.now ?? Date.now)();
    this.crashes.push(now);
    while (this.crashes.length && this.crashes[0]! < now - RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > (this.options.maxRestarts ?? 3)) {
      this.giveUp('后台服务反复意外退出');
      return;
    }
    if (this.state !== 'restarting') {
      this.state = 'restarting';
      this.settled = new Promise((resolve) => (this.settle = resolve));
      this.emit({ type: 'backend', state: 'restarting', message: '后台服务意外退出，正在重新启动…' });
    }
    this.spawn().catch((err: unknown) => this.log(`[backend] restart failed: ${(err as Error)?.message ?? String(err)}`));
  }

  private giveUp(reason: string): void {
    this.state = 'failed';
    this.opening = null;
    this.settle();
    this.emit({ type: 'backend', state: 'failed', message: `${reason}，请关闭并重新打开外资工作台` });
  }

  private discardChild(): void {
    const child = this.child;
    this.child = null;
    child?.kill();
  }

  private answerPending(error: ReturnType<typeof errorData>): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error });
    this.pending.clear();
  }
}

export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the app's quit until the host has closed the database (a killed host could leave an export half-written and
 * the work folder behind), then quits for real. `cleanup` runs once, first (stop taking calls).
 */
export function stopBeforeQuit(app: QuittingApp, backend: Pick<BackendProcess, 'stop'>, cleanup: () => void): void {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    cleanup();
    void backend.stop().finally(() => {
      phase = 'stopped';
      app.quit();
    });
  });
}
