import type { Migration } from '../migration';

/**
 * Market access (外商投资准入) and the audit trail view.
 *
 * - The negative list's measures and their GB/T 4754 classes are reference data (loaded from shared/reference like
 *   the other sets); the bureau's corrections of a measure's classes live apart in policy_mapping_edit, so a new
 *   shipped version does not wipe them.
 * - policy_industry is derived: each industry code's status under the list, rebuilt whenever the list, its classes
 *   or the bureau's corrections change, so a project list of any size filters by status with one indexed lookup.
 * - The 鼓励外商投资产业目录 is not shipped: the bureau imports the published catalogue from a workbook. Older
 *   catalogues stay (inactive) so the items people confirmed keep their wording.
 * - A person may override a project's, target's or enterprise's status (with a reason) and confirm an encouraged item;
 *   both go when their project, target or enterprise goes.
 * - Targets get an industry, so they can be judged like projects.
 * - The audit log is read across the whole database by date and by user, so both get an index.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'policy_audit',
  up: `
CREATE TABLE ref_negative_measure (
  edition TEXT NOT NULL CHECK (edition IN ('national', 'ftz')),
  version TEXT NOT NULL,
  no INTEGER NOT NULL,
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('prohibited', 'restricted')),
  restriction TEXT CHECK (restriction IN ('chinese_control', 'relative_control', 'joint_venture', 'equity_cap', 'other')),
  equity_cap REAL,
  restriction_note TEXT NOT NULL DEFAULT '',
  text_source TEXT NOT NULL DEFAULT '',
  text_check TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (edition, no),
  CHECK ((kind = 'prohibited') = (restriction IS NULL))
);
CREATE TABLE ref_negative_measure_class (
  edition TEXT NOT NULL,
  no INTEGER NOT NULL,
  industry_code TEXT NOT NULL REFERENCES ref_industry(code),
  coverage TEXT NOT NULL CHECK (coverage IN ('full', 'partial')),
  mapping_basis TEXT NOT NULL CHECK (mapping_basis IN ('text', 'judgement')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (edition, no, industry_code),
  FOREIGN KEY (edition, no) REFERENCES ref_negative_measure(edition, no) ON DELETE CASCADE
);
CREATE INDEX ref_negative_measure_class_industry ON ref_negative_measure_class(industry_code);

-- 'none' takes a shipped class away from a measure.
CREATE TABLE policy_mapping_edit (
  edition TEXT NOT NULL,
  no INTEGER NOT NULL,
  industry_code TEXT NOT NULL REFERENCES ref_industry(code),
  coverage TEXT NOT NULL CHECK (coverage IN ('full', 'partial', 'none')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (edition, no, industry_code)
);

CREATE TABLE policy_industry (
  edition TEXT NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('prohibited', 'restricted', 'partial')),
  no INTEGER NOT NULL,
  PRIMARY KEY (edition, code)
);

CREATE TABLE encouraged_catalogue (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  items INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE encouraged_item (
  id INTEGER PRIMARY KEY,
  catalogue_id INTEGER NOT NULL REFERENCES encouraged_catalogue(id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('national', 'regional')),
  -- the province (2-digit NBS code) of a regional item; not a foreign key: divisions are reloaded wholesale
  region_code TEXT,
  region_name TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  no TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  CHECK ((part = 'regional') = (region_code IS NOT NULL))
);
CREATE INDEX encouraged_item_catalogue ON encouraged_item(catalogue_id, part, region_code);
CREATE TABLE encouraged_item_class (
  item_id INTEGER NOT NULL REFERENCES encouraged_item(id) ON DELETE CASCADE,
  -- a GB/T 4754 code at any level: it matches every class under it
  industry_code TEXT NOT NULL,
  PRIMARY KEY (item_id, industry_code)
);
CREATE INDEX encouraged_item_class_code ON encouraged_item_class(industry_code);

CREATE TABLE policy_override (
  entity TEXT NOT NULL CHECK (entity IN ('project', 'target', 'enterprise')),
  entity_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('prohibited', 'restricted', 'partial', 'open')),
  edition TEXT NOT NULL DEFAULT 'national',
  no INTEGER,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE TABLE policy_encouraged_choice (
  entity TEXT NOT NULL CHECK (entity IN ('project', 'target', 'enterprise')),
  entity_id INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES encouraged_item(id) ON DELETE CASCADE,
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE TRIGGER policy_project_gone AFTER DELETE ON project BEGIN
  DELETE FROM policy_override WHERE entity = 'project' AND entity_id = old.id;
  DELETE FROM policy_encouraged_choice WHERE entity = 'project' AND entity_id = old.id;
END;
CREATE TRIGGER policy_target_gone AFTER DELETE ON target BEGIN
  DELETE FROM policy_override WHERE entity = 'target' AND entity_id = old.id;
  DELETE FROM policy_encouraged_choice WHERE entity = 'target' AND entity_id = old.id;
END;
CREATE TRIGGER policy_enterprise_gone AFTER DELETE ON enterprise BEGIN
  DELETE FROM policy_override WHERE entity = 'enterprise' AND entity_id = old.id;
  DELETE FROM policy_encouraged_choice WHERE entity = 'enterprise' AND entity_id = old.id;
END;

ALTER TABLE target ADD COLUMN industry_code TEXT REFERENCES ref_industry(code);

CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user, at);
`,
};
