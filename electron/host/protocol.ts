import { z } from 'zod';
import { appErrorSchema } from '../../shared/result';

/**
 * The messages between the Electron main process and the backend host (electron/host/host.ts). Plain data
 * (structured clone in Electron's utilityProcess, `serialization: 'advanced'` over Node's IPC in tests); each side
 * checks what it receives, since the other side may be an older build or a crashed half-written message.
 */

export const backupRefSchema = z.object({ path: z.string().min(1), name: z.string().min(1) });

export const openOptionsSchema = z.object({
  dbPath: z.string().min(1),
  referenceDir: z.string().min(1),
  /** A better-sqlite3 built for Electron's ABI (development; packaging rebuilds the module itself). */
  nativeBinding: z.string().optional(),
  /** A database that does not exist yet is created with the demo data (the app); tests start empty. */
  demoWhenNew: z.boolean(),
  /** Where uploads and exports go (tests); the host's own temp folder by default. */
  workDir: z.string().optional(),
  /** The database was refused as damaged and the user chose this backup: it replaces the file before opening. */
  restoreFrom: backupRefSchema.optional(),
});
export type HostOpenOptions = z.infer<typeof openOptionsSchema>;

/**
 * Internal file calls: the main process's dialogs turn a picked path into a file id, and copy an export out, through
 * the backend's FileStore (which lives in the host). Not part of the contract: the renderer can never send them.
 */
export const fileOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('register'), path: z.string().min(1) }),
  z.object({ op: z.literal('get'), fileId: z.string().min(1) }),
  z.object({ op: z.literal('discard'), fileId: z.string().min(1), only: z.enum(['uploads', 'exports']).nullable() }),
]);
export type FileOp = z.infer<typeof fileOpSchema>;

export const toHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), options: openOptionsSchema }),
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string(), input: z.unknown(), origin: z.string().optional() }),
  z.object({ type: z.literal('files'), id: z.number().int(), request: fileOpSchema }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ToHost = z.infer<typeof toHostSchema>;

const resultSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: appErrorSchema })]);

export const fromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), fresh: z.boolean(), dbPath: z.string() }),
  /** Opening failed (DB_DAMAGED, DB_TOO_NEW…): the error as data; the host stays up for another `open`. */
  z.object({ type: z.literal('fatal'), error: appErrorSchema }),
  z.object({ type: z.literal('reply'), id: z.number().int(), result: resultSchema }),
  // checked where it is used (the renderer's stores); here it is only relayed
  z.object({ type: z.literal('event'), event: z.looseObject({ type: z.string() }) }),
]);
export type FromHost = z.infer<typeof fromHostSchema>;

/** The host's end of the channel: Electron's process.parentPort or Node's process IPC (see ports.ts). */
export interface HostPort {
  postMessage(message: FromHost): void;
  onMessage(listener: (message: unknown) => void): void;
}
