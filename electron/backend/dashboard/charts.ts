import type { ChartItem, DashboardCharts } from '../../../shared/api/dashboard';
import type { StatsRow, StatsTables } from '../../../shared/api/stats';
import { roundReported } from '../../../shared/rules/money';
import { periodRange, priorYear } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { chainCompleteness } from './chains';
import { pipelineByStage } from './pipeline';
import { monthlyActual, statsRow, statsRows, yearToDateTables, type DashboardQuery } from './stats-source';
import { getTarget } from './targets';

const TOP_SOURCES = 10;

/**
 * Running totals of monthly figures, pinned at month `pinAt` (0-based) to the 总表's own year-to-date figure: summing
 * monthly sums one month at a time keeps the chart cheap on a million records, and the pin keeps the point a leader
 * hovers at the chosen month equal to the card (month-by-month rounding could otherwise differ by a cent or two).
 */
function cumulate(monthly: number[], pinAt: number, pinned: number): number[] {
  let sum = 0;
  return monthly.map((v, i) => {
    sum = i === pinAt ? pinned : sum + v;
    return roundReported(sum);
  });
}

/** Rows with actual FDI in the range as chart items, each with the row's own records filter. */
const items = (rows: StatsRow[]): ChartItem[] =>
  rows.filter((r) => r.current.actualFdi !== 0).map((r) => ({ key: r.key, name: r.name, value: r.current.actualFdi, filter: r.filter }));

/** Everything the dashboard's charts draw for January..`to` of a year, all from the stats tables given. */
export function chartsFromTables(db: Db, q: DashboardQuery, tables: StatsTables): DashboardCharts {
  const { year, to } = q;
  const months = periodRange(`${year}-01`, `${year}-12`);
  const totalRow = statsRow(tables, 'summary', 'total');
  const total = totalRow.current.actualFdi;
  const toIndex = months.indexOf(to);
  const current = cumulate(monthlyActual(db, months.slice(0, toIndex + 1), q), toIndex, total);
  const prior = cumulate(monthlyActual(db, months.map(priorYear), q), toIndex, totalRow.prior.actualFdi);
  const highTech = statsRow(tables, 'summary', 'highTech');
  // the country table lists sources largest first; records without a country (未填) are not a source
  const countries = items(statsRows(tables, 'country', 'country:').filter((r) => r.role === 'item'));
  const groups = statsRows(tables, 'country', 'group:').filter((r) => r.current.actualFdi !== 0);
  return {
    year,
    from: tables.from,
    to: tables.to,
    scope: tables.scope,
    domesticReinvestment: tables.domesticReinvestment,
    basis: tables.basis,
    cumulative: {
      months,
      current: months.map((_, i) => current[i] ?? null),
      prior,
      target: getTarget(db, year, 'actualFdi')?.value ?? null,
    },
    countries: countries.slice(0, TOP_SOURCES),
    otherCountries: roundReported(countries.slice(TOP_SOURCES).reduce((s, c) => s + c.value, 0)),
    groups: groups.map((g) => ({ ...items([g])[0]!, share: g.share.actualFdi })),
    sections: items(statsRows(tables, 'industry', 'section:')),
    highTech: { actualFdi: highTech.current.actualFdi, share: highTech.share.actualFdi },
    districts: items(statsRows(tables, 'district', 'district:')),
    platforms: items(statsRows(tables, 'platform', 'platform:').filter((r) => r.role === 'item')),
    total,
    pipeline: pipelineByStage(db),
    chains: chainCompleteness(db),
  };
}

export function dashboardCharts(db: Db, q: DashboardQuery): DashboardCharts {
  return chartsFromTables(db, q, yearToDateTables(db, q));
}
