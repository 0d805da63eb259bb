import { PERIOD_PATTERN } from '../../../../../shared/rules/period';

export interface MonthRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The default range: January of this year to last month (the months already reported). In January that is the whole
 * of last year.
 */
export function defaultRange(today = new Date()): MonthRange {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: the number of the previous month
  if (month === 0) return { from: `${year - 1}-01`, to: `${year - 1}-12` };
  return { from: `${year}-01`, to: `${year}-${pad(month)}` };
}

/** A range from the address (`#/stats?from=2025-01&to=2025-06`), when both months are well formed and in order. */
export function rangeFromQuery(query: Record<string, string>): MonthRange | null {
  const { from, to } = query;
  if (!from || !to || !PERIOD_PATTERN.test(from) || !PERIOD_PATTERN.test(to) || from > to) return null;
  return { from, to };
}
