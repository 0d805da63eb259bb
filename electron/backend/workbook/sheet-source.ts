import type { SheetRow } from './cells';

/** A merged range, 1-based and inclusive (`A1:C2` → top 1, left 1, bottom 2, right 3). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet of a workbook being streamed. */
export interface SheetSource {
  readonly name: string;
  readonly hidden: boolean;
  /**
   * Merged ranges, when asked for (`merges: true`). An .xlsx stores them after the rows, so this list fills as the
   * sheet is read and is complete once the next sheet is asked for; use `readMerges` to know them up front.
   */
  readonly merges: CellRange[];
  /** Whether `merges` is complete before the rows are read (an .xls, read whole: yes; an .xlsx: only after them). */
  readonly mergesUpFront?: boolean;
  /** The rows, in order; blank rows may be missing. Stop early if you like: the rest is skipped unparsed. */
  rows(): AsyncGenerator<SheetRow>;
  /** The same rows in the batches they are read in (one step per batch, not per row, for big files). */
  batches(): AsyncGenerator<SheetRow[]>;
  /** How much of this sheet has been read, 0..1 (by bytes, so roughly), for progress bars. */
  progress(): number;
}
