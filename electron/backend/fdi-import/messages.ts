import fs from 'node:fs';
import type { ResourceLimits } from 'node:worker_threads';
import type { AppErrorData } from '../../../shared/result';
import type { CellValue, SkipReason, TableLayout } from '../workbook';

/** What the parse worker needs: the files, in order, and the sheet chosen for each (if any). */
export interface ParseInput {
  files: Array<{ path: string; name: string; sheet?: string }>;
}

/** One row under a table's header: data, or skipped with its reason. */
export interface ParsedRow {
  n: number;
  cells: CellValue[];
  skip?: SkipReason;
}

/** Parse worker → check worker, over their own MessageChannel. */
export type ParseMessage =
  | { type: 'file'; index: number }
  | { type: 'sheet'; sheet: string; hidden: boolean; layout: TableLayout | null; accepted: boolean }
  | { type: 'rows'; rows: ParsedRow[]; progress: number }
  | { type: 'fileEnd'; index: number }
  | { type: 'end' }
  | { type: 'failed'; error: AppErrorData };

/** Check worker → parse worker: a batch was dealt with (the parser keeps only a few batches in flight). */
export type ParseAck = { type: 'ack' };

/** Rows per message, and messages in flight before the parser waits. */
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
