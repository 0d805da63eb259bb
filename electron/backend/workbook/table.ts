/**
 * Finding the table in a sheet as bureaus lay it out: title and 填报单位/统计期 lines above, a header block of one to
 * three rows (merged parents over children, labels merged down, combined as `父/子`; see header-block.ts) with perhaps a
 * units row and a column-number row (甲 乙 1 2 3) under it, a unit in a line above (`单位：美元`) or in the headers
 * (`（万美元）`), and under or inside the table blank rows, 合计/小计/总计 and 其中 rows, repeated headers, notes (注：…)
 * and signature lines (填表人/单位负责人/报出日期), which are skipped with a reason.
 */
import { findUnit, type AmountUnit } from '../../../shared/rules/units';
import { cellText, type SheetRow } from './cells';
import { dropContradicted, findLookalikes, recogniseByContent, type Lookalike, type MatchedBy } from './columns';
import { readContext, type TableContext } from './context';
import { blockAt, chosenBlock, combineHeaderRows, extendDown, fitsUnder, isLabelRow, MAX_LABEL_ROWS, type HeaderBlock } from './header-block';
import { headerSignature, matchColumns, type ColumnMapping, type FieldSpec } from './headers';
import type { CellRange } from './source';

export type { TableContext } from './context';

export interface TableLayout {
  sheet: string;
  /** Excel row numbers of the whole header block: its label rows, then a units row and a numbering row if any. */
  headerRows: number[];
  /** The rows of the block whose text names the columns. */
  labelRows: number[];
  /** How the header rows were chosen: found, chosen by a person for this file, or remembered from an earlier one. */
  headerSource: 'detected' | 'given' | 'remembered';
  /** Per column (0-based), the header text; headers over several rows give `父/子`. Blank columns are ''. */
  labels: string[];
  /** Detected field → column, by header and (for fields no header names) by content. */
  mapping: ColumnMapping;
  /** How each mapped field was found. */
  matchedBy: Record<string, MatchedBy>;
  /** Required fields no column matched. */
  missing: string[];
  /** Columns whose first rows look like a field's content (see unusedLookalikes: a default never taken silently). */
  lookalikes: Lookalike[];
  /** A unit named in a line above the header (or the title). */
  unit: AmountUnit | null;
  /** Per column, a unit named in its header text or in a units row under it. */
  columnUnits: Array<AmountUnit | null>;
  context: TableContext;
  /** Stable key of the header wording (see headerSignature). */
  signature: string;
}

/** A header choice remembered for a layout: these rows, read as a header, give this signature. */
export interface RememberedHeader {
  rows: number[];
  signature: string;
}

export interface FindTableOptions {
  /** Merged ranges of the sheet, when known (.xlsx); without them headers over several rows are combined by position. */
  merges?: readonly CellRange[] | null;
  /** Fewest fields a header must match to count as one (default 2). */
  minFields?: number;
  /** The header rows a person chose (Excel row numbers, first to last), instead of finding them. */
  headerRows?: readonly number[] | null;
  /** Choices remembered from earlier files: taken when the same rows of this sheet read as the same header. */
  rememberedHeaders?: readonly RememberedHeader[];
}

interface Candidate {
  block: HeaderBlock;
  labels: string[];
  mapping: ColumnMapping;
}

function candidate(block: HeaderBlock, fields: readonly FieldSpec[], merges: readonly CellRange[] | null): Candidate {
  const labels = combineHeaderRows(block.labelRows, merges);
  return { block, labels, mapping: matchColumns(labels, fields).mapping };
}

const fieldCount = (c: Candidate) => Object.keys(c.mapping).length;

/**
 * The header block naming the most fields (ties: fewer rows, then the earlier one — a title merged across the table
 * would otherwise pass for a parent of every column), grown down over child rows that name no new field and up over
 * a row of parents.
 */
function detect(head: readonly SheetRow[], fields: readonly FieldSpec[], merges: readonly CellRange[] | null, minFields: number): Candidate | null {
  let best: Candidate | null = null;
  for (let i = 0; i < head.length; i++) {
    for (let h = 1; h <= MAX_LABEL_ROWS; h++) {
      const block = blockAt(head, i, h, merges);
      if (!block) break;
      const c = candidate(block, fields, merges);
      const n = fieldCount(c);
      if (n >= minFields && (!best || n > fieldCount(best) || (n === fieldCount(best) && h < best.block.labelRows.length))) best = c;
    }
  }
  if (!best) return null;
  const down = candidate(extendDown(head, best.block, merges), fields, merges);
  if (fieldCount(down) >= fieldCount(best)) best = down;
  return extendUp(head, best, fields, merges);
}

/** A row of parents right above the block (at least two labels, none a `填报单位：…` line) joins it. */
function extendUp(head: readonly SheetRow[], found: Candidate, fields: readonly FieldSpec[], merges: readonly CellRange[] | null): Candidate {
  const { block } = found;
  const above = head[block.start - 1];
  const top = block.labelRows[0]!;
  if (!above || block.labelRows.length >= MAX_LABEL_ROWS || above.rowNumber !== top.rowNumber - 1 || !isLabelRow(above)) return found;
  const words = above.cells.map(cellText).filter(Boolean);
  if (words.length < 2 || words.some((w) => /[:：]/.test(w)) || !fitsUnder(above, top, merges)) return found;
  const grown = candidate({ ...block, start: block.start - 1, labelRows: [above, ...block.labelRows], rows: [above, ...block.rows] }, fields, merges);
  return fieldCount(grown) >= fieldCount(found) ? grown : found;
}

/** The remembered choice whose rows, read as a header here, give its signature. */
function remembered(head: readonly SheetRow[], options: FindTableOptions, fields: readonly FieldSpec[]): Candidate | null {
  for (const r of options.rememberedHeaders ?? []) {
    const last = head[head.length - 1];
    if (!last || Math.max(...r.rows) > last.rowNumber) continue;
    const block = chosenBlock(head, r.rows);
    if (!block) continue;
    const c = candidate(block, fields, options.merges ?? null);
    if (headerSignature(c.labels) === r.signature) return c;
  }
  return null;
}

/**
 * Finds the header block among the first rows of a sheet (pass 20–40 rows) and reads what lies above it. Returns
 * null when no block matches enough fields (the sheet is not a table of this kind), or the rows chosen are blank.
 */
export function findTable(head: readonly SheetRow[], fields: readonly FieldSpec[], options: FindTableOptions = {}): TableLayout | null {
  const merges = options.merges ?? null;
  let source: TableLayout['headerSource'] = 'detected';
  let found: Candidate | null;
  if (options.headerRows?.length) {
    source = 'given';
    const block = chosenBlock(head, options.headerRows);
    found = block ? candidate(block, fields, merges) : null;
  } else {
    found = remembered(head, options, fields);
    if (found) source = 'remembered';
    else found = detect(head, fields, merges, options.minFields ?? 2);
  }
  if (!found) return null;
  const { block, labels } = found;
  const headerRows = block.rows.map((r) => r.rowNumber);
  const lastHeader = headerRows[headerRows.length - 1]!;
  const { context, unit } = readContext(head.filter((r) => r.rowNumber < headerRows[0]!));
  const draft: TableLayout = {
    sheet: block.labelRows[0]?.sheet ?? head[0]?.sheet ?? '',
    headerRows,
    labelRows: block.labelRows.map((r) => r.rowNumber),
    headerSource: source,
    labels,
    mapping: found.mapping,
    matchedBy: Object.fromEntries(Object.keys(found.mapping).map((k) => [k, 'header' as const])),
    missing: [],
    lookalikes: [],
    unit,
    columnUnits: labels.map((l, i) => (l ? findUnit(l) : null) ?? (block.unitTexts?.[i] ? findUnit(block.unitTexts[i]!) : null)),
    context,
    signature: headerSignature(labels),
  };
  // by what the rows under the header hold: a header contradicted by its column's cells, and fields no header names
  const classifier = new RowClassifier(draft);
  const dataRows = head.filter((r) => r.rowNumber > lastHeader && classifier.classify(r).kind === 'data');
  const width = Math.max(labels.length, ...dataRows.map((r) => r.cells.length));
  const byHeader = dropContradicted(found.mapping, dataRows, fields);
  const byContent = recogniseByContent(width, byHeader, dataRows, fields);
  const mapping = { ...byHeader, ...byContent };
  for (const k of Object.keys(draft.matchedBy)) if (!(k in byHeader)) delete draft.matchedBy[k];
  for (const k of Object.keys(byContent)) draft.matchedBy[k] = 'content';
  const lookalikes = findLookalikes(width, dataRows, fields);
  return { ...draft, mapping, lookalikes, missing: fields.filter((f) => f.required && !(f.key in mapping)).map((f) => f.key) };
}

export type SkipReason = 'blank' | 'total' | 'note' | 'numbering' | 'header' | 'label';

export const SKIP_REASON_ZH: Record<SkipReason, string> = {
  blank: '空行',
  total: '合计/小计行',
  note: '表尾注释或签名行',
  numbering: '栏次行（甲、乙、1、2…）',
  header: '重复的表头行',
  label: '只有一格文字的说明或分组行',
};

/** 合计/小计/总计/共计 rows, and 其中 rows (a part of a total: `其中：新设`). */
export const TOTAL = /^(?:其中[:：]?)?.{0,20}?(?:合计|小计|总计|共计)[:：]?$|^(?:合计|小计|总计|共计)|^其中[:：]/;
const NOTE_START = /^(?:注|说明|备注|附注|填表说明)\s*\d*\s*[:：.、]|^注\d/;
const SIGNATURE = /填表人|制表人|填报人|单位负责人|统计负责人|部门负责人|审核人|报出日期|填报日期|联系电话/;
const NUMBERING = /^(?:[甲乙丙丁戊己庚辛壬癸]|\d{1,2})$/;

/**
 * Sorts the rows under a header into data and skipped rows. Keeps a little state: after a note or signature line,
 * lines of a single text cell are the note going on; and the columns without a header in which data rows had
 * something (`dataColumns`), so that no column is dropped unseen.
 */
export class RowClassifier {
  private afterFooter = false;
  private first = true;
  /** The header's own words per column (the child part of two-row labels), to spot a header repeated mid-table. */
  private readonly headerWords: string[];
  /** 1 for a column with a header. */
  private readonly labelled: Uint8Array;
  private readonly unlabelledData = new Set<number>();

  constructor(layout: TableLayout) {
    this.headerWords = layout.labels.map((l) => (l.split('/').pop() ?? '').trim());
    this.labelled = Uint8Array.from(layout.labels, (l) => (l ? 1 : 0));
  }

  /** Columns without a header that held something in a data row, in column order. */
  get dataColumns(): number[] {
    return [...this.unlabelledData].sort((a, b) => a - b);
  }

  /** Runs for every row of big files: one pass over the cells, regular expressions only where they can match. */
  classify(row: SheetRow): { kind: 'data' } | { kind: 'skip'; reason: SkipReason } {
    const first = this.first;
    this.first = false;
    const { cells } = row;
    let filled = 0;
    let sameAsHeader = 0;
    let numbering = first;
    let unlabelled: number[] | null = null;
    const texts: string[] = [];
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined) continue;
      if (typeof c !== 'string') {
        filled++;
        if (this.labelled[i] !== 1) (unlabelled ??= []).push(i);
        if (numbering) numbering = NUMBERING.test(cellText(c));
        continue;
      }
      let t = c.trim();
      if (!t) continue;
      filled++;
      if (this.labelled[i] !== 1) (unlabelled ??= []).push(i);
      if (t === this.headerWords[i]) sameAsHeader++;
      if (t.length < 60 && /\s/.test(t)) t = t.replace(/\s+/g, '');
      if (numbering) numbering = NUMBERING.test(t);
      texts.push(t);
    }
    if (filled === 0) return { kind: 'skip', reason: 'blank' };
    const lead = texts[0] ?? '';
    if (NOTE_START.test(lead.normalize('NFKC')) || texts.some((t) => SIGNATURE.test(t))) {
      this.afterFooter = true;
      return { kind: 'skip', reason: 'note' };
    }
    if (TOTAL.test(lead) || (texts.length > 1 && TOTAL.test(texts[1]!))) return { kind: 'skip', reason: 'total' };
    if (numbering && filled >= 2) return { kind: 'skip', reason: 'numbering' };
    if (sameAsHeader >= 2 && sameAsHeader >= filled / 2) return { kind: 'skip', reason: 'header' };
    if (filled === 1 && texts.length === 1) return { kind: 'skip', reason: this.afterFooter ? 'note' : 'label' };
    if (unlabelled) for (const i of unlabelled) this.unlabelledData.add(i);
    return { kind: 'data' };
  }
}
