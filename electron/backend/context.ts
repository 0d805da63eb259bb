import type { z } from 'zod';
import type { MethodMap } from '../../shared/api/define';
import type { WriteGate } from './db/gate';
import type { Db } from './db/open';
import type { EventBus } from './events';
import type { FileStore } from './files';
import type { JobRunner } from './jobs';

/** What every handler gets besides its input. The database handle can change (restore), so read `ctx.db` per call. */
export interface BackendContext {
  db: Db;
  readonly dbPath: string;
  readonly appVersion: string;
  readonly referenceDir: string;
  /** The better-sqlite3 build the database was opened with (dev Electron), for worker threads' own connections. */
  readonly nativeBinding?: string;
  readonly jobs: JobRunner;
  readonly files: FileStore;
  readonly events: EventBus;
  /** One writer at a time: imports take turns, a restore runs alone (see WriteGate). */
  readonly gate: WriteGate;
  /** The user's name from 设置, for the audit log. */
  userName(): string;
  /** Closes and reopens the database file (after a restore). */
  reopen(): Promise<void>;
}

export type Handler<S extends MethodMap[string]> = (
  input: z.output<S['input']>,
  ctx: BackendContext,
) => z.input<S['output']> | Promise<z.input<S['output']>>;

/** An area's handlers: exactly one per method its contract declares. */
export type AreaHandlers<M extends MethodMap> = { [K in keyof M]: Handler<M[K]> };

const COMMITS_ITSELF = Symbol('commitsItself');

/**
 * Marks a writing handler that awaits between its writes (a layout computed off the thread, a restore that swaps the
 * database file) and so commits its own transactions: dispatch cannot hold one open across an await.
 */
export function commitsItself<H extends (...args: never[]) => unknown>(handler: H): H {
  return Object.assign(handler, { [COMMITS_ITSELF]: true });
}

export function committingItself(handler: unknown): boolean {
  return typeof handler === 'function' && COMMITS_ITSELF in handler;
}
