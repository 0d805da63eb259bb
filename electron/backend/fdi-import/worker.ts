/**
 * The check worker: runs an FDI import job off the main thread, on its own database connection. The job starts the
 * parse worker (parse-worker.ts) beside it, which reads and checks the rows; this worker takes the clean records over
 * their MessageChannel, so reading and writing run on two cores at once. A preview stages the records to find duplicates
 * (stage.ts) on a read-only connection. A commit takes a backup, opens one transaction and writes each record as it
 * comes (load.ts); it commits when every file was clean (or the user allowed a partial import), and rolls back
 * otherwise. Started by runInWorker (service.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { pendingBackup, pruneBackups, type PendingBackup } from '../db/backups';
import { AppError } from '../errors';
import { serveWorkerTask, type WorkerControl } from '../workers/serve';
import { undoFdiBatch } from './batches';
import type { FileFindings, FileTask } from './check';
import { withDuplicates, type AlreadyImported, type Duplicate } from './findings';
import { inputBytes, resolverDigest, STALE_RESOLVERS, type ParseAck } from './messages';
import { parseMessages } from './parse-channel';
import { addPlaceAliases } from './place-aliases';
import { PlaceWriter, type AddedPlace } from './place-writer';
import type { MatchedPlace } from './places';
import { unpackRecords } from './record-keys';
import { FdiLoad, isBulkLoad, type BatchMeta, type WrittenBatch } from './load';
import { refusal } from './refusal';
import { readResolverData } from './resolve';
import { storeSourceFile } from './source-files';
import { ensureStatsSummary } from '../stats/summary/refresh';
import { FdiStage } from './stage';

export interface WorkerInput {
  task: 'preview' | 'commit';
  dbPath: string;
  /** The native build the app's own connection uses (see BackendContext.nativeBinding). */
  nativeBinding?: string;
  files: FileTask[];
  allowPartial: boolean;
  user: string;
  /** Backups before an import that are kept. */
  keepBackups: number;
  /** The parse worker's channel. */
  port: MessagePort;
  /** resolverDigest of the data the parse worker checks against (a commit only). */
  resolvers?: string;
}

export type WorkerOutput =
  | { task: 'preview'; findings: FileFindings }
  | {
      task: 'commit';
      findings: FileFindings[];
      batches: Array<WrittenBatch & { file: string; skippedRows: number; rejectedRows: number; unit: string; district: string | null }>;
      backup: string;
      added: AddedPlace[];
      matched: MatchedPlace[];
      replaced: number[];
    };


/** Records up to which a bulk load still brings the stats summary up to date itself (a first return, a test). */
const SUMMARY_IN_IMPORT_MAX = 20_000;
const storedRecords = (db: Database.Database) => (db.prepare('SELECT coalesce(max(id), 0) FROM fdi_record').pluck().get() as number) || 0;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function unitLabel(f: FileFindings): string {
  return [...new Set([f.units.contractedFdi, f.units.actualFdi].filter(Boolean))].join('、') || '万美元';
}

/** A commit's transaction: a backup first, then everything written while it is read; nothing stays of a refused one. */
interface Commit {
  load: FdiLoad;
  places: PlaceWriter;
  backup: PendingBackup;
  written: Array<WrittenBatch | null>;
  /** Batches undone in this transaction, replaced by the files. */
  replaced: number[];
  bulk: boolean;
}

async function startCommit(db: Database.Database, input: WorkerInput, control: WorkerControl): Promise<Commit> {
  // the file has been opened and its first sheet found (or its reading failed) before the import waits for its turn:
  // a file refused early never holds the database
  await control.writerTurn();
  control.progress(0, '正在备份数据库');
  const backup = await pendingBackup(db, input.dbPath, 'before-import');
  // the commit would copy the whole import from the WAL into the database before the job could answer (0.2 s for
  // 100k records, 3 s for a million): it is done after the reply instead (see run's finally)
  db.pragma('wal_autocheckpoint = 0');
  const bulk = isBulkLoad(db, inputBytes(input.files));
  // a bulk load checks its references once at its end instead of per row (FdiLoad.checkReferences); the pragma
  // cannot change inside a transaction
  if (bulk) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  if (input.resolvers !== resolverDigest(readResolverData(db))) throw new AppError('CONFLICT', '区县、园区或参考数据在读取文件时有了变动，请重新导入', undefined, { logDetail: STALE_RESOLVERS });
  // undo and replace: the earlier batch goes in the same transaction, before anything compares with stored records
  const replaced = [...new Set(input.files.flatMap((f) => (f.options.replaceBatch === undefined ? [] : [f.options.replaceBatch])))];
  for (const batchId of replaced) undoFdiBatch(db, batchId, input.user);
  const load = new FdiLoad(db, { user: input.user, now: new Date().toISOString(), bulk });
  return { load, places: new PlaceWriter(db, input.user), backup, written: [], replaced, bulk };
}

/** A live batch of an import: the file it came from and when. */
function batchInfo(db: Database.Database, where: string, value: string | number): Omit<AlreadyImported, 'by'> | null {
  const row = db.prepare(`SELECT id AS batchId, file_name AS fileName, created_at AS createdAt FROM import_batch WHERE kind = 'fdi' AND undone_at IS NULL AND ${where} ORDER BY id DESC LIMIT 1`).get(value) as
    | Omit<AlreadyImported, 'by'>
    | undefined;
  return row ?? null;
}

async function run(input: WorkerInput, control: WorkerControl): Promise<WorkerOutput> {
  const db = new Database(input.dbPath, { fileMustExist: true, readonly: input.task !== 'commit', nativeBinding: input.nativeBinding });
  const { port } = input;
  let commit = null as Commit | null; // started by `writer` below
  let committed = false;
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL'); // as the app's own connection: WAL commits without a sync of their own
    // while the parser holds the shared strings: a small cache (a preview only appends to its stage and looks up stored
    // records; a bulk load only appends, its indexes deferred)
    db.pragma('cache_size = -16384');
    // a commit's transaction starts with the first message that writes: the parser has read the file's first sheet
    const writer = async (): Promise<Commit | null> => (input.task === 'commit' ? (commit ??= await startCommit(db, input, control)) : null);
    const hashes = input.files.map((f) => sha256(f.path));
    for (const h of hashes) h.catch(() => undefined); // awaited when its file ends
    const stage = input.task === 'commit' ? null : new FdiStage(db);
    const duplicates = input.files.map(() => [] as Duplicate[]);
    const findings: FileFindings[] = [];
    let matched: MatchedPlace[] = [];
    let current = 0;
    const share = 0.95 / input.files.length;
    for await (const message of parseMessages(port)) {
      control.throwIfCancelled();
      if (message.type === 'failed') throw AppError.fromData(message.error);
      if (message.type !== 'file' && !(message.type === 'sheet' && !message.accepted)) await writer();
      if (message.type === 'end') {
        matched = message.matched;
        // the parser has ended, its heap (it held the shared strings) given back: the index builds (sorts) and the last
        // writes have the memory instead (the default cache is 2 MB)
        db.pragma('cache_size = -131072');
        break;
      }
      if (message.type === 'file') current = message.index;
      else if (message.type === 'places') commit?.places.register(message.places);
      else if (message.type === 'fileEnd') {
        const hash = await hashes[message.index]!;
        const sameHash = batchInfo(db, 'file_hash = ?', hash);
        const f = (findings[message.index] = withDuplicates(message.findings, duplicates[message.index]!, sameHash, (id) => batchInfo(db, 'id = ?', id)));
        if (commit) {
          if (f.district) f.district.id = commit.places.real('district', f.district.id)!;
          commit.written[message.index] = commit.load.finishFile(message.index, batchMeta(f, hash));
        }
      } else if (message.type === 'sheet') {
        if (message.accepted) commit?.load.openBatch(current, input.files[current]!.name);
      } else {
        const sink = commit?.load ?? stage!;
        for (const record of unpackRecords(message.records)) {
          if (commit) {
            record.districtId = commit.places.real('district', record.districtId);
            record.platformId = commit.places.real('platform', record.platformId);
          }
          const repeat = sink.accept(current, record);
          if (repeat) duplicates[current]!.push({ row: record.row, ...repeat });
        }
        port.postMessage({ type: 'ack' } satisfies ParseAck);
        control.progress(share * (current + message.progress), `${input.files[current]!.name}：已检查 ${message.checked} 行`);
      }
    }
    if (stage) {
      stage.flush();
      return { task: 'preview', findings: findings[0]! };
    }
    if (!commit) throw new AppError('INTERNAL', 'the parser ended without a file');

    const refused = refusal(findings, input.allowPartial);
    if (refused) throw refused;
    commit.load.finish((done, total) => control.progress(0.95 + (0.04 * done) / total, '正在建立索引'));
    addPlaceAliases(db, matched);
    // each file kept as it was, for tracing records to their rows (the stats summary finds the new records itself)
    for (const [i, written] of commit.written.entries()) if (written) storeSourceFile(db, await hashes[i]!, input.files[i]!.path);
    // the stats summary takes in the new records here, off the main thread and in the import's transaction: left to the
    // next read, that read would need the write lock (and stop the backend waiting for it) while the next import holds
    // it. A bulk load into a large table leaves it to the first tables read (a full build: seconds at 1M records).
    if (!commit.bulk || storedRecords(db) <= SUMMARY_IN_IMPORT_MAX) {
      control.progress(0.99, '正在更新统计汇总');
      ensureStatsSummary(db);
    }
    control.throwIfCancelled();
    control.committing?.();
    db.exec('COMMIT');
    committed = true;
    commit.backup.keep();
    pruneBackups(input.dbPath, 'before-import', input.keepBackups);
    const written = commit.written;
    return {
      task: 'commit',
      findings,
      backup: commit.backup.name,
      batches: findings.map((f, i) => ({ ...written[i]!, file: f.file, skippedRows: f.counts.skippedRows, rejectedRows: f.counts.errorRows, unit: unitLabel(f), district: f.district?.name ?? null })),
      added: commit.places.added,
      matched,
      replaced: commit.replaced,
    };
  } finally {
    port.close(); // a parser still reading stops
    if (db.inTransaction) db.exec('ROLLBACK');
    // a refused or cancelled import leaves no backup behind (it would push out one worth keeping)
    if (commit && !committed) commit.backup.discard();
    if (committed) {
      control.afterReply(() => {
        db.pragma('wal_checkpoint(PASSIVE)');
        db.close();
      });
    } else db.close();
  }
}

function batchMeta(f: FileFindings, hash: string): BatchMeta {
  return {
    fileHash: hash,
    sheet: f.sheet,
    unit: unitLabel(f),
    districtId: f.district?.id ?? null,
    districtName: f.district?.name ?? null,
    skippedRows: f.counts.skippedRows,
    rejectedRows: f.counts.errorRows,
  };
}

serveWorkerTask(run);
