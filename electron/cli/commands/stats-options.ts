import { statsQuerySchema } from '../../../shared/api/stats';
import type { StatsOptions } from '../../../shared/api/stats';
import type { AppErrorData } from '../../../shared/result';
import type { CliValues } from '../command';
import { flagOptions, flagsUsage, readSchemaFlags, schemaFlags } from '../schema-flags';

/** The flags every stats command takes, read from the stats query: scope, comparable 同比, currency, the 口径 of 境内再投资. */
export const STATS_FLAGS = schemaFlags(statsQuerySchema, { pick: ['scope', 'comparable', 'currency', 'domesticReinvestment'] });
export const STATS_OPTION_FLAGS = flagOptions(STATS_FLAGS);
export const STATS_OPTIONS_USAGE = flagsUsage(STATS_FLAGS);

/** --from and --to of a stats query. */
export const RANGE_FLAGS = schemaFlags(statsQuerySchema, { pick: ['from', 'to'], placeholders: { from: 'YYYY-MM', to: 'YYYY-MM' } });

export type StatsOptionArgs = Partial<StatsOptions>;

/** The options given, checked (only those given: the method's defaults and the setting fill the rest). */
export function readStatsOptions(values: CliValues): StatsOptionArgs | AppErrorData {
  return readSchemaFlags(values, STATS_FLAGS) as StatsOptionArgs | AppErrorData;
}
