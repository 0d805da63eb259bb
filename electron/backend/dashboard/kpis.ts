import type { Kpi } from '../../../shared/api/dashboard';
import { isStandardIndicator, STANDARD_INDICATOR_CODES, STANDARD_INDICATORS, yoyKindOf, type StandardIndicator } from '../../../shared/domain/indicator';
import { roundReported, roundTo, sharePercent, yoyPercent } from '../../../shared/rules/money';
import { priorYear } from '../../../shared/rules/period';
import type { Db } from '../db/open';
import { periodFigures, type PeriodFigures } from './stats-source';
import { listTargets } from './targets';

/** A standard indicator's year-to-date value from the 总表 figures: amounts 2 decimals, shares in percent. */
function valueOf(indicator: StandardIndicator, f: PeriodFigures): number | null {
  switch (indicator) {
    case 'actualFdi':
      return roundReported(f.actualFdi);
    case 'contractedFdi':
      return roundReported(f.contractedFdi);
    case 'newEnterprises':
      return f.newEnterprises;
    case 'highTechShare':
      return sharePercent(f.highTechActualFdi, f.actualFdi);
    case 'devZoneShare':
      return sharePercent(f.devZoneActualFdi, f.actualFdi);
    case 'ftzShare':
      return sharePercent(f.ftzActualFdi, f.actualFdi);
  }
}

/** 同比: percent for amounts and counts; for shares the change in percentage points, as the reports put it. */
function yoyOf(indicator: string, actual: number | null, prior: number | null): number | null {
  if (actual === null || prior === null) return null;
  if (yoyKindOf(indicator) === 'points') return roundTo(actual - prior, 1);
  return yoyPercent(actual, prior);
}

export interface KpiReport {
  year: number;
  from: string;
  to: string;
  elapsed: number;
  kpis: Kpi[];
}

/**
 * The cards: each standard indicator (with or without a target) and each custom target, January to `to` against the
 * same months a year before. Completion and 同比 are computed from the figures as shown (rounded), so a reader who
 * redoes the division on the card gets the card's percentage.
 */
export function dashboardKpis(db: Db, year: number, to: string): KpiReport {
  const from = `${year}-01`;
  const current = periodFigures(db, from, to);
  const prior = periodFigures(db, priorYear(from), priorYear(to));
  const targets = new Map(listTargets(db, year).map((t) => [t.indicator, t]));
  const kpis: Kpi[] = STANDARD_INDICATOR_CODES.map((indicator) => {
    const std = STANDARD_INDICATORS[indicator];
    const actual = valueOf(indicator, current);
    const before = valueOf(indicator, prior);
    const target = targets.get(indicator)?.value ?? null;
    return {
      indicator,
      label: std.name,
      unit: std.unit,
      actual,
      target,
      completion: target === null || actual === null ? null : sharePercent(actual, target),
      prior: before,
      yoy: yoyOf(indicator, actual, before),
      yoyKind: yoyKindOf(indicator),
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
    });
  }
  const month = Number(to.slice(5, 7));
  return { year, from, to, elapsed: sharePercent(month, 12)!, kpis };
}
