import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { BackendContext } from './context';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './events';
import { FileStore } from './files';
import { JobRunner } from './jobs';
import { defaultReferenceDir, loadReferenceData } from './reference/load';
import { readPreferences } from './settings/store';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dbPath: string;
  /** Create the database when missing. */
  create?: boolean;
  referenceDir?: string;
  /** Where uploads and exports go; a temp folder by default. */
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

/** Opens the database, loads reference data where stale, and wires the context every transport shares. */
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
  const events = new EventBus();
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-desk-'));
  const ctx: BackendContext = {
    db: await prepare(),
    dbPath,
    appVersion: APP_VERSION,
    referenceDir,
    nativeBinding: options.nativeBinding,
    jobs: new JobRunner(events),
    files: new FileStore(workDir),
    events,
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
    },
  };
}
