import type { Migration } from '../migration';

/**
 * What an undo needs to put back: which enterprises an import created (removed again when nothing else refers to
 * them) and the fields it overwrote on existing ones; and how many rows an import left out for errors when the
 * user chose to commit only the clean rows.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'import undo',
  up: `
CREATE TABLE import_batch_enterprise (
  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('create','update')),
  before TEXT,                    -- JSON of the fields the import overwrote (action = update)
  PRIMARY KEY (batch_id, enterprise_id)
);
CREATE INDEX import_batch_enterprise_enterprise ON import_batch_enterprise(enterprise_id);
ALTER TABLE import_batch ADD COLUMN rejected_rows INTEGER NOT NULL DEFAULT 0;
`,
};
