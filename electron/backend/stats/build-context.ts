import { DEVELOPMENT_ZONE_TYPES, type PlatformType } from '../../../shared/domain/platform';
import type { DomesticReinvestmentRule } from '../../../shared/domain/fdi';
import { ZERO, addSums, type PlaceSums, type RangeAggregates, type Sums } from './aggregates';
import type { StatsLabels } from './labels';
import type { Pair } from './rows';

/** The aggregates of both ranges with the labels and the 口径: what every table builder reads. */
export interface BuildInput {
  cur: RangeAggregates;
  prior: RangeAggregates;
  labels: StatsLabels;
  rule: DomesticReinvestmentRule;
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

export function sumsPair(input: BuildInput, pick: (a: RangeAggregates) => Sums): Pair {
  return { cur: pick(input.cur), prior: pick(input.prior) };
}

/** Whether a place's records count in the totals: 境内再投资 does not when the 口径 leaves it out. */
export function counts(input: BuildInput, p: Pick<PlaceSums, 'mode'>): boolean {
  return input.rule !== 'excluded' || p.mode !== 'domestic_reinvestment';
}

/** Pair of the counted records whose mode × district × platform passes `match` (`uncounted`: 境内再投资 as well). */
export function placePair(input: BuildInput, match: (p: PlaceSums) => boolean, uncounted = false): Pair {
  const one = (a: RangeAggregates) => sumWhere(a.byPlace, (p) => ((uncounted || counts(input, p)) && match(p) ? p.sums : null));
  return { cur: one(input.cur), prior: one(input.prior) };
}

export function platformTypeOf(input: BuildInput): Map<number, PlatformType> {
  return new Map(input.labels.platforms.map((p) => [p.id, p.type]));
}

export function isDevZone(type: PlatformType | undefined): boolean {
  return type !== undefined && DEVELOPMENT_ZONE_TYPES.includes(type);
}

/** All counted records of the range: the 合计 of every table. */
export function totalPair(input: BuildInput): Pair {
  return placePair(input, () => true);
}
