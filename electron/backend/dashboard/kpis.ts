import type { Kpi, KpiReport } from '../../../shared/api/dashboard';
import type { Measures, StatsRow, StatsTables } from '../../../shared/api/stats';
import { isStandardIndicator, STANDARD_INDICATOR_CODES, STANDARD_INDICATORS, yoyKindOf, type StandardIndicator } from '../../../shared/domain/indicator';
import { roundTo, sharePercent } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { statsRow, yearToDateTables, type DashboardQuery } from './stats-source';
import { listTargets } from './targets';

const MEASURE: Partial<Record<StandardIndicator, keyof Measures>> = {
  actualFdi: 'actualFdi',
  contractedFdi: 'contractedFdi',
  newEnterprises: 'newEnterprises',
};
const SHARE_ROW: Partial<Record<StandardIndicator, string>> = { highTechShare: 'highTech', devZoneShare: 'devZone', ftzShare: 'ftz' };

/**
 * A standard indicator's figures straight from the 总表 rows: amounts and counts with the table's own 同比; a share
 * is the table's share of 实际使用外资, the prior share by the same rule on the prior figures, and its 同比 the
 * change in percentage points, as the bureaus' reports put it.
 */
function figures(indicator: StandardIndicator, tables: StatsTables): { actual: number | null; prior: number | null; yoy: number | null } {
  const total = statsRow(tables, 'summary', 'total');
  const measure = MEASURE[indicator];
  if (measure) return { actual: total.current[measure], prior: total.prior[measure], yoy: total.yoy[measure] };
  const row: StatsRow = statsRow(tables, 'summary', SHARE_ROW[indicator]!);
  const actual = row.share.actualFdi;
  const prior = sharePercent(row.prior.actualFdi, total.prior.actualFdi);
  return { actual, prior, yoy: actual === null || prior === null ? null : roundTo(actual - prior, 1) };
}

/**
 * The cards: each standard indicator (with or without a target) and each custom target, January to `to` against the
 * same months a year before, in the scope and 口径 of the tables given (each card states them). Completion is taken
 * from the figure as shown, so whoever redoes the division on the card gets the card's percentage.
 */
export function kpisFromTables(db: Db, q: DashboardQuery, tables: StatsTables): KpiReport {
  const { year, to } = q;
  const stated = { scope: tables.scope, domesticReinvestment: tables.domesticReinvestment };
  const targets = new Map(listTargets(db, year).map((t) => [t.indicator, t]));
  const kpis: Kpi[] = STANDARD_INDICATOR_CODES.map((indicator) => {
    const std = STANDARD_INDICATORS[indicator];
    const { actual, prior, yoy } = figures(indicator, tables);
    const target = targets.get(indicator)?.value ?? null;
    return {
      indicator,
      label: std.name,
      unit: std.unit,
      actual,
      target,
      completion: target === null || actual === null ? null : sharePercent(actual, target),
      prior,
      yoy,
      yoyKind: yoyKindOf(indicator),
      ...stated,
    };
  });
  for (const t of targets.values()) {
    if (isStandardIndicator(t.indicator)) continue;
    kpis.push({
      indicator: t.indicator,
      label: t.label,
      unit: t.unit,
      actual: t.actual,
      target: t.value,
      completion: t.actual === null ? null : sharePercent(t.actual, t.value),
      prior: null,
      yoy: null,
      yoyKind: 'percent',
      scope: null,
      domesticReinvestment: null,
    });
  }
  return { year, from: tables.from, to: tables.to, elapsed: sharePercent(Number(to.slice(5, 7)), 12)!, ...stated, basis: tables.basis, kpis };
}

export function dashboardKpis(db: Db, q: DashboardQuery): KpiReport {
  return kpisFromTables(db, q, yearToDateTables(db, q));
}
