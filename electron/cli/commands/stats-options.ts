import { CURRENCY_CODES, DOMESTIC_REINVESTMENT_RULE_CODES, STATS_SCOPE_CODES } from '../../../shared/domain/fdi';
import type { AppErrorData } from '../../../shared/result';
import { refuse, type CliValues } from '../command';

/** The flags every stats command takes: scope, comparable 同比, currency, and the 口径 of 境内再投资 for this call. */
export const STATS_OPTION_FLAGS = {
  scope: { type: 'string' },
  comparable: { type: 'boolean' },
  currency: { type: 'string' },
  'domestic-reinvestment': { type: 'string' },
} as const;

export const STATS_OPTIONS_USAGE = `[--scope ${STATS_SCOPE_CODES.join('|')}] [--comparable] [--currency ${CURRENCY_CODES.join('|')}] [--domestic-reinvestment ${DOMESTIC_REINVESTMENT_RULE_CODES.join('|')}]`;

function oneOf<T extends string>(values: CliValues, flag: string, allowed: readonly T[]): T | undefined | AppErrorData {
  const v = values[flag];
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return refuse('INVALID_INPUT', `--${flag} 应为 ${allowed.join('、')} 之一：${String(v)}`);
}

export interface StatsOptionArgs {
  scope?: (typeof STATS_SCOPE_CODES)[number];
  comparable?: boolean;
  currency?: (typeof CURRENCY_CODES)[number];
  domesticReinvestment?: (typeof DOMESTIC_REINVESTMENT_RULE_CODES)[number];
}

/** The options given, checked (only those given: the method's defaults and the setting fill the rest). */
export function readStatsOptions(values: CliValues, only: Array<keyof StatsOptionArgs> = ['scope', 'comparable', 'currency', 'domesticReinvestment']): StatsOptionArgs | AppErrorData {
  const scope = oneOf(values, 'scope', STATS_SCOPE_CODES);
  const currency = oneOf(values, 'currency', CURRENCY_CODES);
  const rule = oneOf(values, 'domestic-reinvestment', DOMESTIC_REINVESTMENT_RULE_CODES);
  for (const v of [scope, currency, rule]) if (typeof v === 'object') return v;
  const out: StatsOptionArgs = {};
  if (scope && only.includes('scope')) out.scope = scope as StatsOptionArgs['scope'];
  if (values.comparable && only.includes('comparable')) out.comparable = true;
  if (currency && only.includes('currency')) out.currency = currency as StatsOptionArgs['currency'];
  if (rule && only.includes('domesticReinvestment')) out.domesticReinvestment = rule as StatsOptionArgs['domesticReinvestment'];
  return out;
}
