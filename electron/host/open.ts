import fs from 'node:fs';
import { createBackend, type Backend } from '../backend/create';
import { noteRestored, replaceUnopenableDatabase } from '../backend/db/restore';
import { seedDemo } from '../backend/demo';
import type { HostOpenOptions } from './protocol';

/** Opens (creating if needed) the user's database; a database that did not exist gets the demo data (unless not wanted). */
export async function openAppBackend(options: {
  dbPath: string;
  referenceDir: string;
  nativeBinding?: string | undefined;
  workDir?: string | undefined;
  demoWhenNew?: boolean;
  log?: (line: string) => void;
}): Promise<{ backend: Backend; fresh: boolean }> {
  const fresh = !fs.existsSync(options.dbPath);
  const backend = await createBackend({
    dbPath: options.dbPath,
    create: true,
    referenceDir: options.referenceDir,
    nativeBinding: options.nativeBinding,
    workDir: options.workDir,
    log: options.log,
  });
  try {
    if (fresh && options.demoWhenNew !== false) seedDemo(backend.ctx.db);
  } catch (err) {
    backend.close();
    throw err;
  }
  return { backend, fresh };
}

/**
 * What the host does on `open`: the user's database, or, when the user chose to restore a damaged one from a backup
 * (the dialog is the main process's, see electron/main/recover.ts), that backup put in its place first — the damaged
 * bytes are kept beside the backups — and the restore written to the audit trail.
 */
export async function openHostBackend(options: HostOpenOptions, log?: (line: string) => void): Promise<{ backend: Backend; fresh: boolean }> {
  const restored = options.restoreFrom ? await replaceUnopenableDatabase(options.dbPath, options.restoreFrom, options.nativeBinding) : null;
  const opened = await openAppBackend({ ...options, log });
  if (restored) noteRestored(opened.backend.ctx, restored.restoredFrom, restored.savedCurrentAs);
  return opened;
}
