import type { Target } from '../../../shared/api/dashboard';
import { CUSTOM_PREFIX, isStandardIndicator, STANDARD_INDICATORS } from '../../../shared/domain/indicator';
import { roundStored } from '../../../shared/rules/money';
import type { Db } from '../db/open';
import { AppError } from '../errors';

type TargetRow = { year: number; indicator: string; label: string; unit: string; value: number; actual: number | null };

/** The label and unit a target shows: the standard ones from the domain, a custom one's as the bureau typed them. */
function present(row: TargetRow): Target {
  if (isStandardIndicator(row.indicator)) {
    const std = STANDARD_INDICATORS[row.indicator];
    return { year: row.year, indicator: row.indicator, label: std.name, unit: std.unit, value: row.value, actual: null };
  }
  return {
    year: row.year,
    indicator: row.indicator,
    label: row.label || row.indicator.slice(CUSTOM_PREFIX.length),
    unit: row.unit,
    value: row.value,
    actual: row.actual,
  };
}

const STANDARD_ORDER = Object.keys(STANDARD_INDICATORS);
const order = (t: Target) => {
  const i = STANDARD_ORDER.indexOf(t.indicator);
  return i < 0 ? STANDARD_ORDER.length : i;
};

/** The year's targets: standard ones in card order, then custom ones by name. */
export function listTargets(db: Db, year: number): Target[] {
  const rows = db
    .prepare('SELECT year, indicator, label, unit, value, actual FROM indicator_target WHERE year = ? ORDER BY indicator')
    .all(year) as TargetRow[];
  return rows.map(present).sort((a, b) => order(a) - order(b) || a.indicator.localeCompare(b.indicator));
}

export function getTarget(db: Db, year: number, indicator: string): Target | null {
  const row = db
    .prepare('SELECT year, indicator, label, unit, value, actual FROM indicator_target WHERE year = ? AND indicator = ?')
    .get(year, indicator) as TargetRow | undefined;
  return row ? present(row) : null;
}

export interface TargetInput {
  year: number;
  indicator: string;
  value: number;
  label?: string | undefined;
  unit?: string | undefined;
  actual?: number | null | undefined;
}

/**
 * Inserts or replaces a target. Shares are percentages, so above 100 is refused. Amounts are rounded as stored
 * amounts are; a custom indicator keeps its own label, unit and typed actual (an omitted field keeps its value).
 */
export function upsertTarget(db: Db, input: TargetInput, now = new Date()): { before: Target | null; after: Target } {
  const { year, indicator } = input;
  const standard = isStandardIndicator(indicator) ? STANDARD_INDICATORS[indicator] : null;
  if (standard?.kind === 'share' && input.value > 100) throw new AppError('INVALID_INPUT', `${standard.name}的目标是百分比，不能超过100`);
  if (standard?.kind === 'count' && !Number.isInteger(input.value)) throw new AppError('INVALID_INPUT', `${standard.name}的目标应为整数`);
  if (standard && input.actual !== undefined && input.actual !== null) {
    throw new AppError('INVALID_INPUT', `${standard.name}的完成值来自外资统计，不能手工填写`);
  }
  const before = getTarget(db, year, indicator);
  const label = standard ? '' : (input.label ?? before?.label ?? indicator.slice(CUSTOM_PREFIX.length));
  const unit = standard ? '' : (input.unit ?? before?.unit ?? '');
  const actual = standard ? null : input.actual === undefined ? (before?.actual ?? null) : input.actual;
  const value = standard?.kind === 'amount' ? roundStored(input.value) : input.value;
  db.prepare(
    `INSERT INTO indicator_target (year, indicator, label, unit, value, actual, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(year, indicator) DO UPDATE SET label = excluded.label, unit = excluded.unit, value = excluded.value,
       actual = excluded.actual, updated_at = excluded.updated_at`,
  ).run(year, indicator, label, unit, value, actual === null ? null : roundStored(actual), now.toISOString());
  return { before, after: getTarget(db, year, indicator)! };
}

export function deleteTarget(db: Db, year: number, indicator: string): Target {
  const before = getTarget(db, year, indicator);
  if (!before) throw new AppError('NOT_FOUND', `${year}年没有指标“${indicator}”的目标`);
  db.prepare('DELETE FROM indicator_target WHERE year = ? AND indicator = ?').run(year, indicator);
  return before;
}
