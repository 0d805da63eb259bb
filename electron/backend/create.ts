import path from 'node:path';
import type { BackendContext } from './context';
import { removeOrphanBackups } from './db/backups';
import { WriteGate } from './db/gate';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { FileStore } from './files';
import { JobRunner } from './jobs';
import { defaultReferenceDir, loadReferenceData } from './reference/load';
import { readPreferences } from './settings/store';
import { APP_VERSION } from './version';
import { removeStaleWorkDirs } from './workdir';

export interface BackendOptions {
  dbPath: string;
  /** Create the database when missing. */
  create?: boolean;
  referenceDir?: string;
  /** Where uploads and exports go; a temp folder of this run's own by default (see workdir.ts). */
  workDir?: string;
  log?: (line: string) => void;
  /** See OpenOptions.nativeBinding. */
  nativeBinding?: string;
}

export interface Backend {
  ctx: BackendContext;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Opens the database, loads reference data where stale, and wires the context every transport shares. What crashed or
 * killed runs left behind goes first: their temp folders, and backups of imports that never committed.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const referenceDir = options.referenceDir ?? defaultReferenceDir();
  const dbPath = path.resolve(options.dbPath);
  const prepare = async (): Promise<Db> => {
    const db = await openDatabase(dbPath, { create: options.create ?? false, nativeBinding: options.nativeBinding });
    try {
      loadReferenceData(db, referenceDir);
    } catch (err) {
      // a half-open backend would hold the file (and its lock on Windows) with no one to close it
      db.close();
      throw err;
    }
    return db;
  };
  removeStaleWorkDirs();
  const events = new EventBus();
  const db = await prepare();
  removeOrphanBackups(dbPath);
  const ctx: BackendContext = {
    db,
    dbPath,
    appVersion: APP_VERSION,
    referenceDir,
    nativeBinding: options.nativeBinding,
    jobs: new JobRunner(events, options.log),
    files: new FileStore(options.workDir),
    events,
    gate: new WriteGate(),
    userName: () => readPreferences(ctx.db).userName,
    reopen: async () => {
      if (ctx.db.open) ctx.db.close();
      ctx.db = await prepare();
    },
  };
  return {
    ctx,
    dispatch: createDispatch(ctx, options.log),
    close: () => {
      if (ctx.db.open) ctx.db.close();
      ctx.files.dispose();
    },
  };
}
