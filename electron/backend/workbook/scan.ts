import path from 'node:path';
import type { SheetRow } from './cells';
import type { FieldSpec } from './headers';
import { openSheets, readMerges, workbookFormat, type CellRange } from './source';
import { findTable, RowClassifier, type SkipReason, type TableLayout } from './table';

export type TableEvent =
  /** A sheet was looked at: its table layout, or null when no header was found in its first rows. */
  | { type: 'sheet'; sheet: string; hidden: boolean; layout: TableLayout | null; accepted: boolean; progress: () => number }
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
    let layout = findTable(head, fields, { minFields: options.minFields });
    if (layout && layout.headerRows.length === 2 && workbookFormat(fileName) !== 'csv') {
      // only two-row headers need the merge ranges, which an .xlsx keeps after its rows: read them in a side pass
      if (!sheet.mergesUpFront) merges ??= await readMerges(file, { fileName });
      layout = findTable(head, fields, { minFields: options.minFields, merges: sheet.mergesUpFront ? sheet.merges : (merges?.get(sheet.name) ?? []) });
    }
    const info = { name: sheet.name, hidden: sheet.hidden, layout };
    const accepted = layout !== null && (options.accept ? options.accept(info) : true);
    yield { type: 'sheet', sheet: sheet.name, hidden: sheet.hidden, layout, accepted, progress: () => sheet.progress() };
    if (!accepted || !layout) {
      await batches.return(undefined);
      continue;
    }
    const classifier = new RowClassifier(layout);
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
