import type { Migration } from '../migration';

/** The first schema: every entity of DESIGN.md §2, reference tables, settings and the audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,            -- JSON
  updated_at TEXT NOT NULL
);

-- Reference data, loaded from shared/reference on init and versioned per data set.
CREATE TABLE ref_version (dataset TEXT PRIMARY KEY, version TEXT NOT NULL, rows INTEGER NOT NULL, loaded_at TEXT NOT NULL);
CREATE TABLE ref_industry (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('section','division','group','class')),
  parent TEXT,
  section TEXT NOT NULL
);
CREATE INDEX ref_industry_parent ON ref_industry(parent);
CREATE TABLE ref_division (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province','city','county')),
  parent TEXT
);
CREATE INDEX ref_division_parent ON ref_division(parent);
CREATE TABLE ref_country (
  code TEXT PRIMARY KEY,          -- ISO 3166-1 alpha-3; HKG/MAC/TWN are regions
  name TEXT NOT NULL,
  name_en TEXT,
  alpha2 TEXT,
  is_region INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ref_country_alias (alias TEXT PRIMARY KEY, code TEXT NOT NULL REFERENCES ref_country(code));
CREATE TABLE ref_country_group (code TEXT PRIMARY KEY, name TEXT NOT NULL, note TEXT, sort INTEGER NOT NULL DEFAULT 0);
CREATE TABLE ref_country_group_member (
  group_code TEXT NOT NULL REFERENCES ref_country_group(code) ON DELETE CASCADE,
  country_code TEXT NOT NULL REFERENCES ref_country(code),
  valid_from TEXT,                -- YYYY-MM, null = always
  valid_to TEXT,                  -- YYYY-MM inclusive, null = still
  PRIMARY KEY (group_code, country_code)
);
CREATE TABLE ref_hightech (
  kind TEXT NOT NULL CHECK (kind IN ('manufacturing','services')),
  ht_code TEXT NOT NULL,
  ht_name TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  partial INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, ht_code, industry_code)
);
CREATE INDEX ref_hightech_industry ON ref_hightech(industry_code);

-- The bureau's own area.
CREATE TABLE district (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT,
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE platform (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('national_etdz','provincial_dz','hitech_zone','bonded_zone','ftz_area','border_zone','other')),
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,             -- fdi | projects | enterprises | chain
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  sheet TEXT,
  unit TEXT,
  district_id INTEGER REFERENCES district(id),
  rows INTEGER NOT NULL,
  skipped_rows INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  undone_at TEXT
);
CREATE INDEX import_batch_kind ON import_batch(kind, created_at);

CREATE TABLE enterprise (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  uscc TEXT UNIQUE,
  investor TEXT,
  country_code TEXT REFERENCES ref_country(code),
  industry_code TEXT REFERENCES ref_industry(code),
  registered_capital REAL,        -- 万美元
  setup_date TEXT,                -- YYYY-MM-DD
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  platform_id INTEGER REFERENCES platform(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX enterprise_name ON enterprise(name);
CREATE INDEX enterprise_country ON enterprise(country_code);
CREATE INDEX enterprise_industry ON enterprise(industry_code);
CREATE INDEX enterprise_district ON enterprise(district_id);

CREATE TABLE fdi_record (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,           -- YYYY-MM
  enterprise_id INTEGER REFERENCES enterprise(id),
  enterprise_name TEXT NOT NULL,
  uscc TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('new','increase','merger','reinvestment')),
  contracted_fdi REAL NOT NULL DEFAULT 0,   -- 万美元
  actual_fdi REAL NOT NULL DEFAULT 0,       -- 万美元
  industry_code TEXT REFERENCES ref_industry(code),
  country_code TEXT REFERENCES ref_country(code),
  district_id INTEGER REFERENCES district(id),
  platform_id INTEGER REFERENCES platform(id),
  batch_id INTEGER REFERENCES import_batch(id) ON DELETE CASCADE,
  source_row INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX fdi_record_period ON fdi_record(period);
CREATE INDEX fdi_record_batch ON fdi_record(batch_id);
CREATE INDEX fdi_record_enterprise ON fdi_record(enterprise_id, period);
CREATE INDEX fdi_record_uscc ON fdi_record(uscc, period, mode);

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  investor TEXT NOT NULL DEFAULT '',
  country_code TEXT REFERENCES ref_country(code),
  industry_code TEXT REFERENCES ref_industry(code),
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  platform_id INTEGER REFERENCES platform(id) ON DELETE SET NULL,
  total_investment REAL,          -- 万美元
  contracted_fdi REAL,            -- 万美元
  stage TEXT NOT NULL DEFAULT 'lead'
    CHECK (stage IN ('lead','negotiating','signed','registered','construction','operating','paused','dropped')),
  reinvestment INTEGER NOT NULL DEFAULT 0,
  reinvest_enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,
  enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,  -- the enterprise it registered as
  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('provincial','city','normal')),
  owner_unit TEXT NOT NULL DEFAULT '',
  owner_person TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  first_contact_date TEXT,
  signed_date TEXT,
  registered_date TEXT,
  construction_date TEXT,
  operation_date TEXT,
  last_follow_up_date TEXT,       -- kept by the follow-up log, for the no-follow-up alert and sorting
  notes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_stage ON project(stage, updated_at);
CREATE INDEX project_district ON project(district_id);
CREATE INDEX project_platform ON project(platform_id);
CREATE INDEX project_country ON project(country_code);
CREATE INDEX project_industry ON project(industry_code);
CREATE INDEX project_follow_up ON project(last_follow_up_date);
CREATE INDEX project_owner ON project(owner_person);

CREATE TABLE project_plan (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  period TEXT NOT NULL,           -- YYYY-MM
  amount REAL NOT NULL,           -- planned capital arrival, 万美元
  PRIMARY KEY (project_id, period)
);
CREATE TABLE project_stage_log (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  date TEXT NOT NULL,
  by TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_stage_log_project ON project_stage_log(project_id, date);
CREATE TABLE project_event (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit','talk','call','meeting','signing','other')),
  notes TEXT NOT NULL DEFAULT '',
  by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX project_event_project ON project_event(project_id, date);
CREATE TABLE project_issue (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('land','energy','labour','approval','funding','other')),
  description TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  resolution TEXT NOT NULL DEFAULT '',
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX project_issue_project ON project_issue(project_id, status);
CREATE INDEX project_issue_due ON project_issue(status, due_date);

CREATE TABLE chain (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL DEFAULT '',          -- 链长
  description TEXT NOT NULL DEFAULT '',
  strong_threshold INTEGER NOT NULL DEFAULT 3,
  tiers TEXT,                              -- JSON array of the chain's own ordered stages, null = 上游/中游/下游
  template TEXT,                           -- the template it started from, if any
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE segment (
  id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES chain(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES segment(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  position_x REAL,
  position_y REAL,
  status_override TEXT CHECK (status_override IN ('strong','weak','missing')),
  override_reason TEXT,
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (chain_id, name),
  CHECK (status_override IS NULL OR length(trim(coalesce(override_reason, ''))) > 0)
);
CREATE INDEX segment_parent ON segment(parent_id);
CREATE TABLE segment_link (
  id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES chain(id) ON DELETE CASCADE,
  from_segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  to_segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  UNIQUE (from_segment_id, to_segment_id)
);
CREATE TABLE segment_enterprise (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,
  company_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader','backbone','supporting')),
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX segment_enterprise_segment ON segment_enterprise(segment_id);
CREATE INDEX segment_enterprise_enterprise ON segment_enterprise(enterprise_id);
CREATE TABLE target (
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  company TEXT NOT NULL,
  country_code TEXT REFERENCES ref_country(code),
  headquarters TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high','medium','low')),
  status TEXT NOT NULL DEFAULT 'untouched' CHECK (status IN ('untouched','contacted','negotiating','signed','landed')),
  owner TEXT NOT NULL DEFAULT '',
  project_id INTEGER REFERENCES project(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX target_segment ON target(segment_id);
CREATE INDEX target_project ON target(project_id);
CREATE TABLE target_contact (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE project_segment (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, segment_id)
);
CREATE INDEX project_segment_segment ON project_segment(segment_id);

CREATE TABLE indicator_target (
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,        -- actualFdi | contractedFdi | newEnterprises | highTechShare | devZoneShare | ftzShare | custom:<name>
  label TEXT NOT NULL DEFAULT '',
  value REAL NOT NULL,
  PRIMARY KEY (year, indicator)
);

CREATE TABLE saved_view (
  id INTEGER PRIMARY KEY,
  area TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,            -- JSON
  UNIQUE (area, name)
);

-- Column mappings the user corrected in an import preview, remembered per header signature.
CREATE TABLE column_mapping (
  signature TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  mapping TEXT NOT NULL,          -- JSON
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,           -- create | update | delete | import | undo | restore | ...
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,                    -- JSON
  after TEXT                      -- JSON
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at);
`,
};
