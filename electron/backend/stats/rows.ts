import type { Measures, Percents, RecordsFilter, StatsRow } from '../../../shared/api/stats';
import { roundReported, sharePercent, yoyPercent } from '../../../shared/rules/money';
import { ZERO, addSums, type Sums } from './aggregates';

/** A row's figures in both ranges, unrounded. */
export interface Pair {
  cur: Sums;
  prior: Sums;
}

export const ZERO_PAIR: Pair = { cur: ZERO, prior: ZERO };

export function addPairs(x: Pair, y: Pair): Pair {
  return { cur: addSums(x.cur, y.cur), prior: addSums(x.prior, y.prior) };
}

export function sumPairs(pairs: Iterable<Pair>): Pair {
  let total = ZERO_PAIR;
  for (const p of pairs) total = addPairs(total, p);
  return total;
}

export function hasRecords(p: Pair): boolean {
  return p.cur.records > 0 || p.prior.records > 0;
}

/** The reported figures: amounts rounded to 2 decimals only here, after every sum is taken. */
export function reported(s: Sums): Measures {
  return { newEnterprises: s.n, contractedFdi: roundReported(s.c), actualFdi: roundReported(s.a) };
}

function percents(f: (x: number, y: number) => number | null, x: Measures, y: Measures): Percents {
  return {
    newEnterprises: f(x.newEnterprises, y.newEnterprises),
    contractedFdi: f(x.contractedFdi, y.contractedFdi),
    actualFdi: f(x.actualFdi, y.actualFdi),
  };
}

export interface RowHead {
  key: string;
  code: string | null;
  name: string;
  level: 0 | 1 | 2;
  role: StatsRow['role'];
  filter: RecordsFilter;
}

/**
 * One table row. 同比 and shares are taken from the rounded figures, so anyone can recompute them from the printed
 * table (and the dashboard shows the very same numbers).
 */
export function makeRow(head: RowHead, pair: Pair, total: Pair): StatsRow {
  const current = reported(pair.cur);
  const prior = reported(pair.prior);
  return {
    ...head,
    current,
    prior,
    yoy: percents(yoyPercent, current, prior),
    share: percents(sharePercent, current, reported(total.cur)),
  };
}
