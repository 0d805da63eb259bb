import type { Migration } from '../migration';

/**
 * Covering indexes for the standard tables, month first. Each breakdown is read as one index range per month and
 * value of its dimension (class, country, mode × district × platform), already in group order: no table lookups and
 * no sort, which keeps all tables under half a second over a million records. Two kinds:
 * - `fdi_record_stats_*`: the amounts of every record, as narrow as the sums need;
 * - `fdi_record_stats_new_*`: partial, over 新设 records only, for counting new enterprises distinct — most records
 *   are not new ones, so these stay small and most inserts never touch them.
 * Month first because imports arrive a month (or a few) at a time, so new entries land together.
 * `fdi_record_period` stays: its (period, rowid) order pages the drill-down (stats.records) without a sort.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'stats indexes',
  up: `
CREATE INDEX fdi_record_stats_industry ON fdi_record(period, industry_code, contracted_fdi, actual_fdi);
CREATE INDEX fdi_record_stats_country ON fdi_record(period, country_code, contracted_fdi, actual_fdi);
CREATE INDEX fdi_record_stats_place ON fdi_record(period, mode, district_id, platform_id, contracted_fdi, actual_fdi);
CREATE INDEX fdi_record_stats_new_industry ON fdi_record(period, industry_code, enterprise_id) WHERE mode = 'new';
CREATE INDEX fdi_record_stats_new_country ON fdi_record(period, country_code, enterprise_id) WHERE mode = 'new';
CREATE INDEX fdi_record_stats_new_place ON fdi_record(period, district_id, platform_id, enterprise_id, industry_code) WHERE mode = 'new';
`,
};
