import { DEVELOPMENT_ZONE_TYPES, type PlatformType } from '../../../shared/domain/platform';
import { ZERO, addSums, type ExactNewCounts, type PlaceSums, type RangeAggregates, type Sums } from './aggregates';
import type { StatsLabels } from './labels';
import type { Pair } from './rows';

/** The aggregates of both ranges with the labels: what every table builder reads. */
export interface BuildInput {
  cur: RangeAggregates;
  prior: RangeAggregates;
  labels: StatsLabels;
}

function sumWhere<T>(items: Iterable<T>, pick: (item: T) => Sums | null): Sums {
  let total = ZERO;
  for (const item of items) {
    const s = pick(item);
    if (s) total = addSums(total, s);
  }
  return total;
}

/** Pair of the records of a keyed breakdown whose key passes `match`. */
export function keyedPair<K>(input: BuildInput, pick: (a: RangeAggregates) => Map<K, Sums>, match: (key: K) => boolean): Pair {
  const one = (a: RangeAggregates) => sumWhere(pick(a).entries(), ([k, s]) => (match(k) ? s : null));
  return { cur: one(input.cur), prior: one(input.prior) };
}

export function keyPair<K>(input: BuildInput, pick: (a: RangeAggregates) => Map<K, Sums>, key: K): Pair {
  return { cur: pick(input.cur).get(key) ?? ZERO, prior: pick(input.prior).get(key) ?? ZERO };
}

/** Pair of the records whose mode × district × platform passes `match`. */
export function placePair(input: BuildInput, match: (p: PlaceSums) => boolean): Pair {
  const one = (a: RangeAggregates) => sumWhere(a.byPlace, (p) => (match(p) ? p.sums : null));
  return { cur: one(input.cur), prior: one(input.prior) };
}

/** Replaces the added-up enterprise count with the one counted distinct over the whole range. */
export function withExactNew(pair: Pair, key: keyof ExactNewCounts, input: BuildInput): Pair {
  return { cur: { ...pair.cur, n: input.cur.exactNew[key] }, prior: { ...pair.prior, n: input.prior.exactNew[key] } };
}

export function platformTypeOf(input: BuildInput): Map<number, PlatformType> {
  return new Map(input.labels.platforms.map((p) => [p.id, p.type]));
}

export function isDevZone(type: PlatformType | undefined): boolean {
  return type !== undefined && DEVELOPMENT_ZONE_TYPES.includes(type);
}

/** All records of the range, with enterprises counted distinct: the 合计 of every table. */
export function totalPair(input: BuildInput): Pair {
  return withExactNew(placePair(input, () => true), 'total', input);
}
