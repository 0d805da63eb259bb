/**
 * A table's own totals checked against its rows. Bureau returns put 小计 rows after each sub-area and a 合计 over all
 * (or a 合计 first, right under the header, and 小计 rows leading their group), and 其中 rows that break a total down.
 * Each 小计 is compared with the detail rows of its group and each 合计/总计 with every detail row since the last
 * one, per amount column, in the file's own unit. 其中 rows name a part no column says how to pick: not checked.
 */
import { parseAmount } from '../../../shared/rules/units';
import { cellText, type CellValue, type SheetRow } from './cells';

/** A difference up to this (in the file's unit) is rounding in the file. */
export const TOTAL_TOLERANCE = 0.01;
/** Checks kept for the report (all are counted). */
const CHECKS_KEPT = 500;

export type TotalKind = 'sub' | 'grand' | 'part';

/** What a total row totals, by its words: 小计 a group, 合计/总计/共计 everything, 其中 a part. */
export function totalKind(row: SheetRow): TotalKind {
  const words = row.cells.filter((c): c is string => typeof c === 'string' && c.trim() !== '').slice(0, 2).map((t) => t.replace(/\s+/g, ''));
  if (words.some((w) => /^其中/.test(w))) return 'part';
  if (words.some((w) => /小计/.test(w))) return 'sub';
  return 'grand';
}

export interface TotalCheck {
  sheet: string;
  /** Excel row of the total row. */
  row: number;
  kind: 'sub' | 'grand';
  /** 0-based column. */
  column: number;
  header: string;
  /** The figure in the total row, and the sum of the detail rows it covers, both in the file's unit. */
  stated: number;
  computed: number;
  ok: boolean;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function amount(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const parsed = parseAmount(value);
  return parsed.ok ? parsed.value : null;
}

interface Pending {
  row: SheetRow;
  kind: 'sub' | 'grand';
}

/** Sums kept per amount column, and how many detail rows went in. */
class Sums {
  values: number[];
  rows = 0;
  constructor(private readonly width: number) {
    this.values = new Array<number>(width).fill(0);
  }
  reset(): void {
    this.values = new Array<number>(this.width).fill(0);
    this.rows = 0;
  }
}

/**
 * Fed the detail rows (`detail`) and the total rows (`total`) of one table in order; `finish` at its end. Cheap per
 * detail row: an addition per amount column.
 */
export class TotalsCheck {
  private readonly group: Sums;
  private readonly sinceGrand: Sums;
  /** Whether 小计 rows lead their group (come before its rows); known at the first 小计. */
  private subsLead: boolean | null = null;
  private leadingSub: Pending | null = null;
  private leadingGrand: Pending | null = null;
  readonly checks: TotalCheck[] = [];
  checked = 0;
  mismatches = 0;

  constructor(
    private readonly sheet: string,
    private readonly columns: ReadonlyArray<{ index: number; header: string }>,
  ) {
    this.group = new Sums(columns.length);
    this.sinceGrand = new Sums(columns.length);
  }

  detail(cells: readonly CellValue[]): void {
    const { columns, group, sinceGrand } = this;
    for (let j = 0; j < columns.length; j++) {
      const c = cells[columns[j]!.index];
      if (c === null || c === undefined) continue;
      const v = typeof c === 'number' ? c : amount(c);
      if (v === null) continue;
      group.values[j]! += v;
      sinceGrand.values[j]! += v;
    }
    group.rows++;
    sinceGrand.rows++;
  }

  total(row: SheetRow): void {
    const kind = totalKind(row);
    if (kind === 'part') return;
    if (kind === 'sub') {
      this.subsLead ??= this.group.rows === 0;
      if (this.subsLead) {
        this.closeLeadingSub();
        this.leadingSub = { row, kind };
      } else {
        // a 小计 right after another one totals nothing of its own here (nested sub-areas): not compared
        if (this.group.rows > 0) this.compare({ row, kind }, this.group);
        this.group.reset();
      }
      return;
    }
    this.closeLeadingSub();
    if (this.sinceGrand.rows > 0) {
      this.compare({ row, kind }, this.sinceGrand);
      this.sinceGrand.reset();
      this.group.reset();
    } else this.leadingGrand = { row, kind };
  }

  /** The table has ended: totals that lead their rows are compared now. */
  finish(): void {
    this.closeLeadingSub();
    if (this.leadingGrand && this.sinceGrand.rows > 0) this.compare(this.leadingGrand, this.sinceGrand);
    this.leadingGrand = null;
  }

  private closeLeadingSub(): void {
    if (this.leadingSub && this.group.rows > 0) this.compare(this.leadingSub, this.group);
    if (this.leadingSub) this.group.reset();
    this.leadingSub = null;
  }

  private compare(total: Pending, sums: Sums): void {
    this.columns.forEach(({ index, header }, j) => {
      const stated = amount(total.row.cells[index]);
      if (stated === null) return;
      const computed = round6(sums.values[j]!);
      const ok = Math.abs(round6(stated - computed)) <= TOTAL_TOLERANCE;
      this.checked++;
      if (!ok) this.mismatches++;
      if (this.checks.length < CHECKS_KEPT) this.checks.push({ sheet: this.sheet, row: total.row.rowNumber, kind: total.kind, column: index, header, stated, computed, ok });
    });
  }
}

/** A total row's label, for messages: `江北街道小计`, `合计`. */
export function totalLabel(row: SheetRow): string {
  return row.cells.map(cellText).find(Boolean) ?? '';
}
