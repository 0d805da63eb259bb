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

/** Heap limits of the parse worker: exceljs holds a workbook's whole shared-string table (~100 MB per million names). */
export const PARSE_LIMITS = { maxOldGenerationSizeMb: 448 };
/** Heap limits of the check worker, which holds little: problems (capped), a sample, a set of hashed keys. */
export const CHECK_LIMITS = { maxOldGenerationSizeMb: 256 };
