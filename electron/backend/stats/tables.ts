import type { StatsRange, StatsTables } from '../../../shared/api/stats';
import { periodLabel, priorYear } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { readAggregates } from './aggregates';
import type { BuildInput } from './build-context';
import { readLabels } from './labels';
import { districtCheck, districtTable, modeTable, platformTable } from './tables-place';
import { countryTable, industryTable, summaryTable } from './tables-subject';

/** The months of the year before, for 同比. */
export function priorRange({ from, to }: StatsRange): StatsRange {
  return { from: priorYear(from), to: priorYear(to) };
}

/** Reads both ranges in one read transaction, so the current and prior figures come from the same state of the data. */
export function readBuildInput(db: Db, range: StatsRange): BuildInput {
  const prior = priorRange(range);
  return db.transaction(() => ({
    cur: readAggregates(db, range.from, range.to),
    prior: readAggregates(db, prior.from, prior.to),
    labels: readLabels(db),
  }))();
}

/** All six standard tables for a month range, with the prior-year figures and 同比. */
export function computeStatsTables(db: Db, range: StatsRange): StatsTables {
  const input = readBuildInput(db, range);
  const prior = priorRange(range);
  return {
    from: range.from,
    to: range.to,
    priorFrom: prior.from,
    priorTo: prior.to,
    label: periodLabel(range.from, range.to),
    priorLabel: periodLabel(prior.from, prior.to),
    unit: '万美元',
    tables: [summaryTable(input), industryTable(input), countryTable(input), modeTable(input), districtTable(input), platformTable(input)],
    districtCheck: districtCheck(input),
  };
}
