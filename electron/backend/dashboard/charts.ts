import type { ChartItem, DashboardCharts } from '../../../shared/api/dashboard';
import { roundReported, sharePercent } from '../../../shared/rules/money';
import { periodRange, priorYear } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { chainCompleteness } from './chains';
import { pipelineByStage } from './pipeline';
import { breakdowns, monthlyActual, periodFigures, type Breakdown } from './stats-source';
import { getTarget } from './targets';

const TOP_SOURCES = 10;

const items = (rows: Breakdown[]): ChartItem[] =>
  rows.filter((r) => r.actualFdi !== 0).map((r) => ({ key: r.key, name: r.name, value: roundReported(r.actualFdi), filter: r.filter }));

function cumulate(values: number[]): number[] {
  let sum = 0;
  return values.map((v) => roundReported((sum += v)));
}

/** Everything the dashboard's charts draw for January..`to` of a year, in one call. */
export function dashboardCharts(db: Db, year: number, to: string): DashboardCharts {
  const from = `${year}-01`;
  const months = periodRange(from, `${year}-12`);
  const upTo = months.filter((m) => m <= to);
  const current = cumulate(monthlyActual(db, upTo));
  const prior = cumulate(monthlyActual(db, months.map(priorYear)));
  const totals = periodFigures(db, from, to);
  const parts = breakdowns(db, from, to);
  const countries = items(parts.countries).sort((a, b) => b.value - a.value);
  const top = countries.slice(0, TOP_SOURCES);
  const total = roundReported(totals.actualFdi);
  return {
    year,
    from,
    to,
    cumulative: {
      months,
      current: months.map((_, i) => current[i] ?? null),
      prior,
      target: getTarget(db, year, 'actualFdi')?.value ?? null,
    },
    countries: top,
    otherCountries: roundReported(countries.slice(TOP_SOURCES).reduce((s, c) => s + c.value, 0)),
    groups: items(parts.groups).map((g) => ({ ...g, share: sharePercent(g.value, total) })),
    sections: items(parts.sections),
    highTech: { actualFdi: roundReported(totals.highTechActualFdi), share: sharePercent(totals.highTechActualFdi, totals.actualFdi) },
    districts: items(parts.districts),
    platforms: items(parts.platforms),
    total,
    pipeline: pipelineByStage(db),
    chains: chainCompleteness(db),
  };
}
