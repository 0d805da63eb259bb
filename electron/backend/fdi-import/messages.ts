import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ResourceLimits } from 'node:worker_threads';
import type { AppErrorData } from '../../../shared/result';
import type { FileFindings, FileTask } from './check';
import type { StoredLayout } from './mapping';
import type { MatchedPlace, NewPlace, PlacePolicy } from './places';
import type { RecordBatch } from './record-keys';
import type { ResolverData } from './resolve';

/** What the parse worker needs: the files in order, with their options, and what to check them against. */
export interface ParseInput {
  files: FileTask[];
  resolverData: ResolverData;
  /** Remembered column mappings (and header rows) by header signature. */
  mappings: Record<string, StoredLayout>;
  /** What to do with 区县/园区 names not set up yet. */
  places: PlacePolicy;
}

/**
 * Parse worker → check worker, over their own MessageChannel: per file, its data sheet (`accepted`: its rows are
 * checked, and a commit opens its batch), its clean records (`checked`: rows checked so far), and at its end what the
 * check found — with every record counted clean that the check worker has not yet found to repeat another.
 */
export type ParseMessage =
  | { type: 'file'; index: number }
  | { type: 'sheet'; accepted: boolean }
  /** New districts and platforms, sent before the first records that use them (a commit registers them). */
  | { type: 'places'; places: NewPlace[] }
  | { type: 'records'; records: RecordBatch; progress: number; checked: number }
  | { type: 'fileEnd'; index: number; findings: FileFindings }
  /** Unknown names taken as another name of a known place (a commit remembers them). */
  | { type: 'end'; matched: MatchedPlace[] }
  | { type: 'failed'; error: AppErrorData };

/**
 * What the parse worker checked against, as a digest: a commit compares it with the data in its transaction, since
 * the file is read before the import takes its writer turn and a restore or a settings change may come between.
 */
export function resolverDigest(data: ResolverData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/** The refusal's detail when that data changed: the job reads the file again under its turn (service.ts). */
export const STALE_RESOLVERS = 'reference data changed before the import took its writer turn';

/** Check worker → parse worker: a batch was dealt with (the parser keeps only a few batches in flight). */
export type ParseAck = { type: 'ack' };

/** Rows checked per message (at least), and messages in flight before the parser waits. */
export const PARSE_BATCH_ROWS = 1000;
export const PARSE_BATCHES_IN_FLIGHT = 8;

/** Input above this size gets the tighter heap limits (a million-record return is ~70 MB). */
const LARGE_INPUT_BYTES = 20 * 1024 * 1024;

/** The total size of an import's files (those that exist: a missing one is refused when it is read). */
export function inputBytes(files: ReadonlyArray<{ path: string }>): number {
  return files.reduce((n, f) => n + (fs.statSync(f.path, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * Heap limits of the two workers for `bytes` of input. The parse worker: it holds the workbook's whole
 * shared-string table (~100 MB per million names). The check worker holds little: problems (capped), a sample, hashed
 * keys. On large input the young generations are capped too: more frequent scavenges for ~60 MB less at the peak,
 * which keeps a million-record import under 600 MB; smaller files keep V8's default, which is faster.
 */
export function workerLimits(bytes: number): { parse: ResourceLimits; check: ResourceLimits } {
  const young = bytes > LARGE_INPUT_BYTES ? { maxYoungGenerationSizeMb: 16 } : {};
  return { parse: { maxOldGenerationSizeMb: 320, ...young }, check: { maxOldGenerationSizeMb: 256, ...young } };
}
