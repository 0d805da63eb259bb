import path from 'node:path';
import type { SheetRow } from './cells';
import type { FieldSpec } from './headers';
import { openSheets, readMerges, workbookFormat, type CellRange } from './source';
import { isLabelRow } from './header-block';
import { findTable, RowClassifier, type RememberedHeader, type SkipReason, type TableLayout } from './table';

export type TableEvent =
  /** A sheet was looked at: its table layout, or null when no header was found in its first rows. */
  | {
      type: 'sheet';
      sheet: string;
      hidden: boolean;
      layout: TableLayout | null;
      accepted: boolean;
      progress: () => number;
      /** The first rows, as read to find the header (for showing them, and choosing other header rows). */
      head: readonly SheetRow[];
      /** Columns without a header that held data in the rows classified so far (see RowClassifier.dataColumns). */
      dataColumns: () => number[];
    }
  /** A row under the header that holds data. */
  | { type: 'row'; layout: TableLayout; row: SheetRow }
  /** A row under the header that is not data, and why. */
  | { type: 'skip'; layout: TableLayout; row: SheetRow; reason: SkipReason };

export interface ScanOptions {
  fileName?: string;
  /** How many rows at the top of a sheet may come before the header (default 30). */
  headRows?: number;
  /** Whether to read this sheet's rows (default: every sheet whose header was found). */
  accept?: (sheet: { name: string; hidden: boolean; layout: TableLayout | null }) => boolean;
  minFields?: number;
  /** The header rows a person chose for a sheet (Excel row numbers), instead of finding them. */
  headerRows?: (sheet: string) => readonly number[] | null | undefined;
  /** Header choices remembered from earlier files (see FindTableOptions.rememberedHeaders). */
  rememberedHeaders?: readonly RememberedHeader[];
}

/** A row under a table's header: data (`skip` null), or not data and why. */
export interface ClassifiedRow {
  row: SheetRow;
  skip: SkipReason | null;
}

export type TableBatchEvent =
  | Extract<TableEvent, { type: 'sheet' }>
  /** Rows under the header, in the batches they were read in. */
  | { type: 'rows'; layout: TableLayout; rows: ClassifiedRow[] };

/**
 * Streams the tables of a workbook: for each sheet, reads its first rows, finds the header, and (when accepted) goes
 * on to yield every row under it as data or as skipped with a reason. Nothing but the head rows is held in memory.
 */
export async function* scanTables(file: string, fields: readonly FieldSpec[], options: ScanOptions = {}): AsyncGenerator<TableEvent> {
  for await (const event of scanTableBatches(file, fields, options)) {
    if (event.type === 'sheet') yield event;
    else for (const { row, skip } of event.rows) yield skip ? { type: 'skip', layout: event.layout, row, reason: skip } : { type: 'row', layout: event.layout, row };
  }
}

/**
 * Whether the header may span rows the merge ranges would tell: it does already, or the row under it holds only
 * text (a child row whose parent spans a single column, cells merged down…). A first data row with amounts does not.
 */
function needsMerges(layout: TableLayout, head: readonly SheetRow[]): boolean {
  if (layout.labelRows.length > 1) return true;
  const last = layout.headerRows[layout.headerRows.length - 1]!;
  const next = head.find((r) => r.rowNumber > last);
  return next !== undefined && next.rowNumber === last + 1 && isLabelRow(next);
}

/** scanTables a batch of rows at a time: one step per batch instead of per row, for big files. */
export async function* scanTableBatches(file: string, fields: readonly FieldSpec[], options: ScanOptions = {}): AsyncGenerator<TableBatchEvent> {
  const fileName = options.fileName ?? path.basename(file);
  const headRows = options.headRows ?? 30;
  let merges: Map<string, CellRange[]> | null = null;
  for await (const sheet of openSheets(file, { fileName })) {
    const batches = sheet.batches();
    const head: SheetRow[] = [];
    /** Rows of the last batch read for the head that did not fit in it. */
    let beyond: SheetRow[] = [];
    let ended = false;
    while (head.length < headRows) {
      const next = await batches.next();
      if (next.done) {
        ended = true;
        break;
      }
      const room = headRows - head.length;
      head.push(...next.value.slice(0, room));
      beyond = next.value.slice(room);
    }
    const find = { minFields: options.minFields, headerRows: options.headerRows?.(sheet.name), rememberedHeaders: options.rememberedHeaders };
    let layout = findTable(head, fields, find);
    if (layout && workbookFormat(fileName) !== 'csv' && needsMerges(layout, head)) {
      // an .xlsx keeps its merge ranges after its rows (read them in a side pass, only for headers that need them);
      // an .xls gives them up front
      if (!sheet.mergesUpFront) merges ??= await readMerges(file, { fileName });
      layout = findTable(head, fields, { ...find, merges: sheet.mergesUpFront ? sheet.merges : (merges?.get(sheet.name) ?? []) });
    }
    const info = { name: sheet.name, hidden: sheet.hidden, layout };
    const accepted = layout !== null && (options.accept ? options.accept(info) : true);
    const classifier = layout ? new RowClassifier(layout) : null;
    const dataColumns = () => classifier?.dataColumns ?? [];
    yield { type: 'sheet', sheet: sheet.name, hidden: sheet.hidden, layout, accepted, progress: () => sheet.progress(), head, dataColumns };
    if (!accepted || !layout || !classifier) {
      await batches.return(undefined);
      continue;
    }
    const lastHeader = layout.headerRows[layout.headerRows.length - 1]!;
    const classify = (rows: readonly SheetRow[]): TableBatchEvent => ({
      type: 'rows',
      layout: layout!,
      rows: rows.map((row) => {
        const verdict = classifier.classify(row);
        return { row, skip: verdict.kind === 'data' ? null : verdict.reason };
      }),
    });
    const first = [...head.filter((r) => r.rowNumber > lastHeader), ...beyond];
    if (first.length) yield classify(first);
    if (!ended) for await (const batch of batches) yield classify(batch);
  }
}
