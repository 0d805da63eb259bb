import type { Migration } from '../migration';

/**
 * Custom yearly targets (`custom:<name>`) have no statistical source: the bureau types their unit and, as the year
 * goes, the figure reached so far. The standard indicators leave both empty (their actuals come from the tables).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'indicator_target_actual',
  up: `
ALTER TABLE indicator_target ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator_target ADD COLUMN actual REAL;
ALTER TABLE indicator_target ADD COLUMN updated_at TEXT;
`,
};
