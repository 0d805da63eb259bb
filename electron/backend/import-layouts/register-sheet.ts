/**
 * The table of a register file (project list, enterprise register) as one importer reads it: the sheet and header
 * rows found or chosen, the mapping in force (given over remembered over detected), warnings for columns taken by
 * their content and for fields left to their default while a column looks like them, and — once the rows are read —
 * every non-empty column accounted for. What the FDI importer does per return, for the registers.
 */
import type { ImportLayout, IgnoredColumn, LayoutChoice } from '../../../shared/api/importLayout';
import type { Problem } from '../../../shared/result';
import { accountColumns, cellText, columnLetter, unusedLookalikes, type FieldSpec, type MatchedBy, type ScanOptions, type TableEvent, type TableLayout } from '../workbook';
import { fileProblem } from '../projects/import/sheets';
import { rememberedHeaders, settleMapping, mappedColumns, type MappingSource, type StoredLayout } from './remembered';

/** A register field: a FieldSpec, and the value a row gets when the file has no column for it (said in warnings). */
export interface RegisterField extends FieldSpec {
  defaultText?: string;
}

type SheetEvent = Extract<TableEvent, { type: 'sheet' }>;

const HEAD_ROWS_SHOWN = 30;
const HEAD_COLUMNS_SHOWN = 40;

/** scanTables options for a register: the chosen sheet (or the first visible one with a header), header rows, remembered layouts. */
export function registerScan(file: string, choice: LayoutChoice, remembered: Readonly<Record<string, StoredLayout>>, taken: () => boolean): ScanOptions {
  return {
    fileName: file,
    minFields: 2,
    accept: ({ name, hidden, layout }) => !!layout && !taken() && (choice.sheet ? name === choice.sheet : !hidden),
    headerRows: (sheet) => (choice.headerRows && (!choice.sheet || choice.sheet === sheet) ? choice.headerRows : null),
    rememberedHeaders: rememberedHeaders(remembered),
  };
}

const where = (layout: TableLayout, column: number) => `${columnLetter(column + 1)}列“${layout.labels[column] || '无表头'}”`;

/** A register sheet settled: the columns each field is read from, and what to tell the person about them. */
export class RegisterSheet<K extends string> {
  readonly layout: TableLayout;
  readonly mapping: Record<string, number | null>;
  readonly source: MappingSource;
  /** Field → column, for the fields imported. */
  readonly columns: Partial<Record<K, number>>;
  private readonly dataColumns: () => number[];
  private readonly head: SheetEvent['head'];

  constructor(
    event: SheetEvent & { layout: TableLayout },
    private readonly fields: readonly RegisterField[],
    remembered: Readonly<Record<string, StoredLayout>>,
    choice: LayoutChoice,
  ) {
    this.layout = event.layout;
    const { mapping, source } = settleMapping(remembered, this.layout, choice.mapping);
    this.mapping = mapping;
    this.source = source;
    this.columns = mappedColumns<K>(mapping);
    this.dataColumns = event.dataColumns;
    this.head = event.head;
  }

  private label(key: string): string {
    return this.fields.find((f) => f.key === key)?.label ?? key;
  }

  /** Columns taken by what they hold rather than their header, and fields left to a default beside a column like them. */
  warnings(file: string): Problem[] {
    const { layout } = this;
    const out: Problem[] = [];
    if (this.source === 'detected') {
      for (const [key, by] of Object.entries(layout.matchedBy)) {
        const column = this.mapping[key];
        if (by !== 'content' || column === null || column === undefined) continue;
        out.push(this.at(column, fileProblem(file, layout.sheet, 'COLUMN_BY_CONTENT', `${where(layout, column)}的内容是“${this.label(key)}”，按“${this.label(key)}”导入；如不对，请在列对应中改正`, 'warning')));
      }
    }
    for (const l of unusedLookalikes(layout.lookalikes, this.mapping, this.fields)) {
      const field = this.fields.find((f) => f.key === l.field)!;
      const fallback = field.defaultText ? `，各行按默认“${field.defaultText}”` : '';
      out.push(this.at(l.column, fileProblem(file, layout.sheet, 'COLUMN_LOOKS_LIKE', `${where(layout, l.column)}像是“${field.label}”，但未按“${field.label}”导入${fallback}；如是，请在列对应中指定`, 'warning')));
    }
    return out;
  }

  /** A problem about a whole column: named by its header, as row problems name theirs (or by its letter). */
  private at(column: number, problem: Problem): Problem {
    return { ...problem, column: this.layout.labels[column] || columnLetter(column + 1) };
  }

  private matchedBy(key: string): MatchedBy {
    if (this.source !== 'detected') return this.source;
    return this.layout.matchedBy[key] ?? 'header';
  }

  /** The table as read, every non-empty column with its field or none (call after the rows: columns without a header count too). */
  describe(): { layout: ImportLayout; ignoredColumns: IgnoredColumn[] } {
    const { layout } = this;
    const matchedBy = Object.fromEntries(Object.keys(this.columns).map((k) => [k, this.matchedBy(k)]));
    const account = accountColumns(layout.labels, this.columns, this.dataColumns(), matchedBy);
    return {
      layout: {
        sheet: layout.sheet,
        headerRows: layout.headerRows,
        headerSource: layout.headerSource,
        head: this.head.slice(0, HEAD_ROWS_SHOWN).map((r) => ({ row: r.rowNumber, cells: r.cells.slice(0, HEAD_COLUMNS_SHOWN).map(cellText) })),
        columns: account.columns.map((c) => ({ index: c.index, letter: c.column, label: c.header, field: c.field, matchedBy: c.matchedBy })),
        fields: this.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
        mapping: this.mapping,
        mappingSource: this.source,
      },
      ignoredColumns: account.ignored,
    };
  }

  /**
   * What the reading found about the table, for the findings (after the rows): the layout and the columns not
   * imported, and — when a person corrected the layout — what to remember for files with the same header.
   */
  findings(choice: LayoutChoice): { layout: ImportLayout; ignoredColumns: IgnoredColumn[]; remember: { signature: string; layout: StoredLayout } | null } {
    const corrected = Object.keys(choice.mapping ?? {}).length > 0 || !!choice.headerRows?.length;
    const headerRows = this.layout.headerSource !== 'detected' ? { headerRows: this.layout.headerRows } : {};
    return { ...this.describe(), remember: corrected ? { signature: this.layout.signature, layout: { mapping: this.mapping, ...headerRows } } : null };
  }
}
