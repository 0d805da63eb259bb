import type { Migration } from '../migration';

/**
 * Covering indexes for the standard tables. Each breakdown is read as one index range per value of its dimension
 * (per class, per country, per mode × district × platform), already in group order: no table lookups and no sort,
 * which keeps all tables under half a second over a million records. The measures ride along in the index.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'stats indexes',
  up: `
CREATE INDEX fdi_record_stats_industry ON fdi_record(industry_code, period, mode, enterprise_id, contracted_fdi, actual_fdi);
CREATE INDEX fdi_record_stats_country ON fdi_record(country_code, period, mode, enterprise_id, contracted_fdi, actual_fdi);
CREATE INDEX fdi_record_stats_place ON fdi_record(mode, district_id, platform_id, period, enterprise_id, industry_code, contracted_fdi, actual_fdi);
`,
};
