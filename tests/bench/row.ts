/** One line of `npm run bench`'s table: `target` (a ceiling, in the same unit) and `ratio` = value / target where the issue sets one. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: number;
  ratio?: number;
  note?: string;
}

export function benchRow(name: string, value: number, unit: string, target?: number, note?: string): BenchRow {
  return { name, value, unit, ...(target ? { target, ratio: value / target } : {}), ...(note ? { note } : {}) };
}
