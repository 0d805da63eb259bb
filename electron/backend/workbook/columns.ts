/**
 * Every column of a table accounted for: taken by a field — by its header, or by its content where no header named
 * the field — or listed as not imported. Nothing in a file is dropped silently.
 */
import { columnLetter, isBlankCell, type CellValue, type SheetRow } from './cells';
import type { FieldSpec } from './headers';

/** How a field found its column. */
export type MatchedBy = 'header' | 'content' | 'remembered' | 'given';

/** Cells looked at per column to judge it by content, and the share that must look right (or wrong). */
const CONTENT_SAMPLE = 25;
const CONTENT_SHARE = 0.8;
const CONTENT_WRONG = 0.2;

function shareOf(test: (v: CellValue) => boolean, rows: readonly SheetRow[], column: number, least: number): number | null {
  const values = rows.map((r) => r.cells[column] ?? null).filter((v) => !isBlankCell(v));
  return values.length < least ? null : values.filter((v) => test(v)).length / values.length;
}

/**
 * Fields whose header matched a column whose cells plainly hold another field's content (`国家/地区` read as 地区,
 * full of country names): fewer than 20 % of its cells pass the field's own test and 80 % pass another's. Returns
 * the mapping without them, for recogniseByContent to place. A free-text field that gives way to content (备注 over a
 * column of stage words) is dropped when 80 % of its cells pass the test of a field no header named.
 */
export function dropContradicted(mapping: Readonly<Record<string, number>>, dataRows: readonly SheetRow[], fields: readonly FieldSpec[]): Record<string, number> {
  const rows = dataRows.slice(0, CONTENT_SAMPLE);
  const kept = { ...mapping };
  for (const field of fields) {
    const column = mapping[field.key];
    if (column === undefined) continue;
    if (!field.looksLike) {
      // free text gives way to a field no header named whose words fill the column
      const claimed = field.givesWayToContent && fields.some((f) => f.looksLike && f.byContent !== 'suggest' && !(f.key in mapping) && (shareOf(f.looksLike, rows, column, 2) ?? 0) >= CONTENT_SHARE);
      if (claimed) delete kept[field.key];
      continue;
    }
    const own = shareOf(field.looksLike, rows, column, 3);
    if (own === null || own >= CONTENT_WRONG) continue;
    const other = fields.some((f) => f !== field && f.looksLike && (shareOf(f.looksLike, rows, column, 3) ?? 0) >= CONTENT_SHARE);
    if (other) delete kept[field.key];
  }
  return kept;
}

/** A column whose cells look like a field's (at least half of them, and two). */
export interface Lookalike {
  field: string;
  column: number;
  share: number;
}

/** Share of a column's cells that must look like a field's for a warning when the field is not imported from it. */
const LOOKALIKE_SHARE = 0.5;

/** Every (field, column) pair where the column's cells look like the field's content, best first. */
export function findLookalikes(width: number, dataRows: readonly SheetRow[], fields: readonly FieldSpec[]): Lookalike[] {
  const rows = dataRows.slice(0, CONTENT_SAMPLE);
  const found: Lookalike[] = [];
  for (const field of fields) {
    if (!field.looksLike) continue;
    for (let c = 0; c < width; c++) {
      const share = shareOf(field.looksLike, rows, c, 2);
      if (share !== null && share >= LOOKALIKE_SHARE) found.push({ field: field.key, column: c, share });
    }
  }
  return found.sort((a, b) => b.share - a.share);
}

/**
 * The look-alikes that matter under a mapping: a field not imported (so it will take its default, or stay blank)
 * while a column that no field imports — or that only free text takes — looks like it. One per field, its best column.
 */
export function unusedLookalikes(lookalikes: readonly Lookalike[], mapping: Readonly<Record<string, number | null | undefined>>, fields: readonly FieldSpec[]): Lookalike[] {
  const fieldOf = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) if (column !== null && column !== undefined) fieldOf.set(column, field);
  const freeText = new Set(fields.filter((f) => f.givesWayToContent).map((f) => f.key));
  const out = new Map<string, Lookalike>();
  for (const l of lookalikes) {
    if (mapping[l.field] !== null && mapping[l.field] !== undefined) continue;
    const taker = fieldOf.get(l.column);
    if (taker !== undefined && !freeText.has(taker)) continue;
    if (!out.has(l.field)) out.set(l.field, l);
  }
  return [...out.values()];
}

/**
 * Fields no header named, taken from the columns no field has, where most of the cells under the header look like
 * the field's content (FieldSpec.looksLike): at least 80 % of the non-blank cells of the rows given, and at least
 * two of them. Fields are served in their order; a column goes to one field at most. Returns the new matches.
 */
export function recogniseByContent(
  width: number,
  mapping: Readonly<Record<string, number>>,
  dataRows: readonly SheetRow[],
  fields: readonly FieldSpec[],
): Record<string, number> {
  const taken = new Set(Object.values(mapping));
  const found: Record<string, number> = {};
  const rows = dataRows.slice(0, CONTENT_SAMPLE);
  for (const field of fields) {
    const test = field.looksLike;
    if (!test || field.byContent === 'suggest' || field.key in mapping) continue;
    let best: { column: number; share: number } | null = null;
    for (let c = 0; c < width; c++) {
      if (taken.has(c)) continue;
      const share = shareOf(test, rows, c, 2);
      if (share !== null && share >= CONTENT_SHARE && (!best || share > best.share)) best = { column: c, share };
    }
    if (best) {
      found[field.key] = best.column;
      taken.add(best.column);
    }
  }
  return found;
}

export interface ColumnAccount {
  /** 0-based. */
  index: number;
  /** Excel's letters: A, B, … AA. */
  column: string;
  /** The header text (`父/子` for a header over several rows); '' for a column with data but no header. */
  header: string;
  /** The field it is imported as, or null: not imported. */
  field: string | null;
  matchedBy: MatchedBy | null;
}

/**
 * Accounts for every non-empty column — one with a header, or with data under the header — as imported (its field)
 * or not. `dataColumns` are columns without a header in which data rows had something (RowClassifier tracks them).
 */
export function accountColumns(
  labels: readonly string[],
  mapping: Readonly<Record<string, number | null | undefined>>,
  dataColumns: Iterable<number> = [],
  matchedBy: Readonly<Record<string, MatchedBy>> = {},
): { columns: ColumnAccount[]; ignored: Array<{ column: string; header: string }> } {
  const fieldOf = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) if (column !== null && column !== undefined) fieldOf.set(column, field);
  const used = new Set<number>(dataColumns);
  labels.forEach((label, i) => label && used.add(i));
  const columns = [...used]
    .sort((a, b) => a - b)
    .map((index): ColumnAccount => {
      const field = fieldOf.get(index) ?? null;
      return { index, column: columnLetter(index + 1), header: labels[index] ?? '', field, matchedBy: field ? (matchedBy[field] ?? 'header') : null };
    });
  return { columns, ignored: columns.filter((c) => c.field === null).map((c) => ({ column: c.column, header: c.header })) };
}
