-- schema of a fresh database, user_version 8
-- index audit_log_at on audit_log
CREATE INDEX audit_log_at ON audit_log(at);
-- index audit_log_entity on audit_log
CREATE INDEX audit_log_entity ON audit_log(entity,
  entity_id,
  at);
-- index audit_log_user on audit_log
CREATE INDEX audit_log_user ON audit_log(user,
  at);
-- index encouraged_item_catalogue on encouraged_item
CREATE INDEX encouraged_item_catalogue ON encouraged_item(catalogue_id,
  part,
  region_code);
-- index encouraged_item_class_code on encouraged_item_class
CREATE INDEX encouraged_item_class_code ON encouraged_item_class(industry_code);
-- index enterprise_country on enterprise
CREATE INDEX enterprise_country ON enterprise(country_code);
-- index enterprise_district on enterprise
CREATE INDEX enterprise_district ON enterprise(district_id);
-- index enterprise_industry on enterprise
CREATE INDEX enterprise_industry ON enterprise(industry_code);
-- index enterprise_name on enterprise
CREATE INDEX enterprise_name ON enterprise(name);
-- index fdi_record_batch on fdi_record
CREATE INDEX fdi_record_batch ON fdi_record(batch_id);
-- index fdi_record_enterprise on fdi_record
CREATE INDEX fdi_record_enterprise ON fdi_record(enterprise_id,
  period);
-- index fdi_record_period on fdi_record
CREATE INDEX fdi_record_period ON fdi_record(period);
-- index fdi_record_stats_country on fdi_record
CREATE INDEX fdi_record_stats_country ON fdi_record(period,
  country_code,
  contracted_fdi,
  actual_fdi);
-- index fdi_record_stats_industry on fdi_record
CREATE INDEX fdi_record_stats_industry ON fdi_record(period,
  industry_code,
  contracted_fdi,
  actual_fdi);
-- index fdi_record_stats_place on fdi_record
CREATE INDEX fdi_record_stats_place ON fdi_record(period,
  mode,
  district_id,
  platform_id,
  contracted_fdi,
  actual_fdi);
-- index fdi_record_uscc on fdi_record
CREATE INDEX fdi_record_uscc ON fdi_record(uscc,
  period,
  mode);
-- index import_batch_enterprise_enterprise on import_batch_enterprise
CREATE INDEX import_batch_enterprise_enterprise ON import_batch_enterprise(enterprise_id);
-- index import_batch_kind on import_batch
CREATE INDEX import_batch_kind ON import_batch(kind,
  created_at);
-- index project_contracted on project
CREATE INDEX project_contracted ON project(contracted_fdi);
-- index project_country on project
CREATE INDEX project_country ON project(country_code);
-- index project_district on project
CREATE INDEX project_district ON project(district_id);
-- index project_enterprise on project
CREATE INDEX project_enterprise ON project(enterprise_id);
-- index project_event_project on project_event
CREATE INDEX project_event_project ON project_event(project_id,
  date);
-- index project_first_contact on project
CREATE INDEX project_first_contact ON project(first_contact_date);
-- index project_follow_up on project
CREATE INDEX project_follow_up ON project(last_follow_up_date);
-- index project_follow_up_anchor on project
CREATE INDEX project_follow_up_anchor ON project(coalesce(last_follow_up_date, first_contact_date, substr(created_at, 1, 10)),
  stage);
-- index project_industry on project
CREATE INDEX project_industry ON project(industry_code);
-- index project_issue_due on project_issue
CREATE INDEX project_issue_due ON project_issue(status,
  due_date);
-- index project_issue_project on project_issue
CREATE INDEX project_issue_project ON project_issue(project_id,
  status,
  due_date);
-- index project_leader on project
CREATE INDEX project_leader ON project(leader);
-- index project_name on project
CREATE INDEX project_name ON project(name);
-- index project_owner on project
CREATE INDEX project_owner ON project(owner_person);
-- index project_owner_unit on project
CREATE INDEX project_owner_unit ON project(owner_unit);
-- index project_platform on project
CREATE INDEX project_platform ON project(platform_id);
-- index project_priority_order on project
CREATE INDEX project_priority_order ON project(CASE priority WHEN 'provincial' THEN 0 WHEN 'city' THEN 1 WHEN 'normal' THEN 2 END);
-- index project_reinvest_enterprise on project
CREATE INDEX project_reinvest_enterprise ON project(reinvest_enterprise_id);
-- index project_segment_segment on project_segment
CREATE INDEX project_segment_segment ON project_segment(segment_id);
-- index project_signed on project
CREATE INDEX project_signed ON project(signed_date);
-- index project_stage on project
CREATE INDEX project_stage ON project(stage,
  updated_at);
-- index project_stage_log_project on project_stage_log
CREATE INDEX project_stage_log_project ON project_stage_log(project_id,
  date);
-- index project_stage_order on project
CREATE INDEX project_stage_order ON project(CASE stage WHEN 'lead' THEN 0 WHEN 'negotiating' THEN 1 WHEN 'signed' THEN 2 WHEN 'registered' THEN 3 WHEN 'construction' THEN 4 WHEN 'operating' THEN 5 WHEN 'paused' THEN 6 WHEN 'dropped' THEN 7 END);
-- index project_total on project
CREATE INDEX project_total ON project(total_investment);
-- index project_updated on project
CREATE INDEX project_updated ON project(updated_at);
-- index ref_division_parent on ref_division
CREATE INDEX ref_division_parent ON ref_division(parent);
-- index ref_hightech_industry on ref_hightech
CREATE INDEX ref_hightech_industry ON ref_hightech(industry_code);
-- index ref_industry_parent on ref_industry
CREATE INDEX ref_industry_parent ON ref_industry(parent);
-- index ref_negative_measure_class_industry on ref_negative_measure_class
CREATE INDEX ref_negative_measure_class_industry ON ref_negative_measure_class(industry_code);
-- index segment_enterprise_enterprise on segment_enterprise
CREATE INDEX segment_enterprise_enterprise ON segment_enterprise(enterprise_id);
-- index segment_enterprise_segment on segment_enterprise
CREATE INDEX segment_enterprise_segment ON segment_enterprise(segment_id);
-- index segment_parent on segment
CREATE INDEX segment_parent ON segment(parent_id);
-- index stats_first_new_period on stats_first_new
CREATE INDEX stats_first_new_period ON stats_first_new(period);
-- index target_project on target
CREATE INDEX target_project ON target(project_id);
-- index target_segment on target
CREATE INDEX target_segment ON target(segment_id);
-- table audit_log on audit_log
CREATE TABLE audit_log (id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT);
-- table chain on chain
CREATE TABLE chain (id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  strong_threshold INTEGER NOT NULL DEFAULT 3,
  tiers TEXT,
  template TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
-- table column_mapping on column_mapping
CREATE TABLE column_mapping (signature TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL);
-- table district on district
CREATE TABLE district (id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT,
  sort INTEGER NOT NULL DEFAULT 0);
-- table encouraged_catalogue on encouraged_catalogue
CREATE TABLE encouraged_catalogue (id INTEGER PRIMARY KEY,
  version TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  items INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL DEFAULT '');
-- table encouraged_item on encouraged_item
CREATE TABLE encouraged_item (id INTEGER PRIMARY KEY,
  catalogue_id INTEGER NOT NULL REFERENCES encouraged_catalogue(id) ON DELETE CASCADE,
  part TEXT NOT NULL CHECK (part IN ('national', 'regional')),
  region_code TEXT,
  region_name TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  no TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  CHECK ((part = 'regional') = (region_code IS NOT NULL)));
-- table encouraged_item_class on encouraged_item_class
CREATE TABLE encouraged_item_class (item_id INTEGER NOT NULL REFERENCES encouraged_item(id) ON DELETE CASCADE,
  industry_code TEXT NOT NULL,
  PRIMARY KEY (item_id, industry_code));
-- table enterprise on enterprise
CREATE TABLE enterprise (id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  uscc TEXT UNIQUE,
  investor TEXT,
  country_code TEXT REFERENCES ref_country(code),
  industry_code TEXT REFERENCES ref_industry(code),
  registered_capital REAL,
  setup_date TEXT,
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  platform_id INTEGER REFERENCES platform(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL ,
  foreign_share REAL CHECK (foreign_share IS NULL OR (foreign_share > 0 AND foreign_share <= 100)));
-- table fdi_record on fdi_record
CREATE TABLE "fdi_record" (id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  enterprise_id INTEGER REFERENCES enterprise(id),
  enterprise_name TEXT NOT NULL,
  uscc TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('new','increase','merger','profit_reinvestment','domestic_reinvestment')),
  contracted_fdi REAL NOT NULL DEFAULT 0,
  actual_fdi REAL NOT NULL DEFAULT 0,
  industry_code TEXT REFERENCES ref_industry(code),
  country_code TEXT REFERENCES ref_country(code),
  district_id INTEGER REFERENCES district(id),
  platform_id INTEGER REFERENCES platform(id),
  batch_id INTEGER REFERENCES import_batch(id) ON DELETE CASCADE,
  source_row INTEGER,
  created_at TEXT NOT NULL);
-- table fx_rate on fx_rate
CREATE TABLE fx_rate (period TEXT PRIMARY KEY,
  rate REAL NOT NULL CHECK (rate > 0),
  source TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL);
-- table import_batch on import_batch
CREATE TABLE import_batch (id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  sheet TEXT,
  unit TEXT,
  district_id INTEGER REFERENCES district(id),
  rows INTEGER NOT NULL,
  skipped_rows INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  undone_at TEXT ,
  rejected_rows INTEGER NOT NULL DEFAULT 0);
-- table import_batch_enterprise on import_batch_enterprise
CREATE TABLE import_batch_enterprise (batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('create','update')),
  before TEXT,
  PRIMARY KEY (batch_id, enterprise_id));
-- table import_source on import_source
CREATE TABLE import_source (file_hash TEXT NOT NULL,
  part INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  UNIQUE (file_hash, part));
-- table indicator_target on indicator_target
CREATE TABLE indicator_target (year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  value REAL NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  actual REAL,
  updated_at TEXT,
  PRIMARY KEY (year, indicator));
-- table platform on platform
CREATE TABLE platform (id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('national_etdz','provincial_dz','hitech_zone','bonded_zone','ftz_area','border_zone','other')),
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  sort INTEGER NOT NULL DEFAULT 0);
-- table policy_encouraged_choice on policy_encouraged_choice
CREATE TABLE policy_encouraged_choice (entity TEXT NOT NULL CHECK (entity IN ('project', 'target', 'enterprise')),
  entity_id INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES encouraged_item(id) ON DELETE CASCADE,
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id));
-- table policy_industry on policy_industry
CREATE TABLE policy_industry (edition TEXT NOT NULL,
  code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('prohibited', 'restricted', 'partial')),
  no INTEGER NOT NULL,
  PRIMARY KEY (edition, code));
-- table policy_mapping_edit on policy_mapping_edit
CREATE TABLE policy_mapping_edit (edition TEXT NOT NULL,
  no INTEGER NOT NULL,
  industry_code TEXT NOT NULL REFERENCES ref_industry(code),
  coverage TEXT NOT NULL CHECK (coverage IN ('full', 'partial', 'none')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (edition, no, industry_code));
-- table policy_override on policy_override
CREATE TABLE policy_override (entity TEXT NOT NULL CHECK (entity IN ('project', 'target', 'enterprise')),
  entity_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('prohibited', 'restricted', 'partial', 'open')),
  edition TEXT NOT NULL DEFAULT 'national',
  no INTEGER,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id));
-- table project on project
CREATE TABLE project (id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  investor TEXT NOT NULL DEFAULT '',
  country_code TEXT REFERENCES ref_country(code),
  industry_code TEXT REFERENCES ref_industry(code),
  district_id INTEGER REFERENCES district(id) ON DELETE SET NULL,
  platform_id INTEGER REFERENCES platform(id) ON DELETE SET NULL,
  total_investment REAL,
  contracted_fdi REAL,
  stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN ('lead','negotiating','signed','registered','construction','operating','paused','dropped')),
  reinvestment INTEGER NOT NULL DEFAULT 0,
  reinvest_enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,
  enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,
  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('provincial','city','normal')),
  owner_unit TEXT NOT NULL DEFAULT '',
  owner_person TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  first_contact_date TEXT,
  signed_date TEXT,
  registered_date TEXT,
  construction_date TEXT,
  operation_date TEXT,
  last_follow_up_date TEXT,
  notes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
-- table project_arrival_behind on project_arrival_behind
CREATE TABLE project_arrival_behind (project_id INTEGER PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE);
-- table project_arrival_dirty on project_arrival_dirty
CREATE TABLE project_arrival_dirty (project_id INTEGER PRIMARY KEY);
-- table project_event on project_event
CREATE TABLE project_event (id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit','talk','call','meeting','signing','other')),
  notes TEXT NOT NULL DEFAULT '',
  by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL);
-- table project_issue on project_issue
CREATE TABLE project_issue (id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (category IN ('land','energy','labour','approval','funding','other')),
  description TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  resolution TEXT NOT NULL DEFAULT '',
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
-- table project_plan on project_plan
CREATE TABLE project_plan (project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  amount REAL NOT NULL,
  PRIMARY KEY (project_id, period));
-- table project_segment on project_segment
CREATE TABLE project_segment (project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, segment_id));
-- table project_stage_log on project_stage_log
CREATE TABLE project_stage_log (id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  date TEXT NOT NULL,
  by TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '');
-- table ref_country on ref_country
CREATE TABLE ref_country (code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT,
  alpha2 TEXT,
  is_region INTEGER NOT NULL DEFAULT 0);
-- table ref_country_alias on ref_country_alias
CREATE TABLE ref_country_alias (alias TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES ref_country(code));
-- table ref_country_group on ref_country_group
CREATE TABLE ref_country_group (code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT,
  sort INTEGER NOT NULL DEFAULT 0);
-- table ref_country_group_member on ref_country_group_member
CREATE TABLE ref_country_group_member (group_code TEXT NOT NULL REFERENCES ref_country_group(code) ON DELETE CASCADE,
  country_code TEXT NOT NULL REFERENCES ref_country(code),
  valid_from TEXT,
  valid_to TEXT,
  PRIMARY KEY (group_code, country_code));
-- table ref_division on ref_division
CREATE TABLE ref_division (code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province','city','county')),
  parent TEXT);
-- table ref_hightech on ref_hightech
CREATE TABLE ref_hightech (kind TEXT NOT NULL CHECK (kind IN ('manufacturing','services')),
  ht_code TEXT NOT NULL,
  ht_name TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  partial INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, ht_code, industry_code));
-- table ref_industry on ref_industry
CREATE TABLE ref_industry (code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('section','division','group','class')),
  parent TEXT,
  section TEXT NOT NULL);
-- table ref_list on ref_list
CREATE TABLE ref_list (list TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  version TEXT NOT NULL,
  edited_at TEXT,
  edited_by TEXT);
-- table ref_negative_measure on ref_negative_measure
CREATE TABLE ref_negative_measure (edition TEXT NOT NULL CHECK (edition IN ('national', 'ftz')),
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
  CHECK ((kind = 'prohibited') = (restriction IS NULL)));
-- table ref_negative_measure_class on ref_negative_measure_class
CREATE TABLE ref_negative_measure_class (edition TEXT NOT NULL,
  no INTEGER NOT NULL,
  industry_code TEXT NOT NULL REFERENCES ref_industry(code),
  coverage TEXT NOT NULL CHECK (coverage IN ('full', 'partial')),
  mapping_basis TEXT NOT NULL CHECK (mapping_basis IN ('text', 'judgement')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (edition, no, industry_code),
  FOREIGN KEY (edition, no) REFERENCES ref_negative_measure(edition, no) ON DELETE CASCADE);
-- table ref_scope_division on ref_scope_division
CREATE TABLE ref_scope_division (scope TEXT NOT NULL,
  division TEXT NOT NULL,
  PRIMARY KEY (scope, division)) WITHOUT ROWID;
-- table ref_version on ref_version
CREATE TABLE ref_version (dataset TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  rows INTEGER NOT NULL,
  loaded_at TEXT NOT NULL);
-- table saved_view on saved_view
CREATE TABLE saved_view (id INTEGER PRIMARY KEY,
  area TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  UNIQUE (area, name));
-- table segment on segment
CREATE TABLE segment (id INTEGER PRIMARY KEY,
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
  CHECK (status_override IS NULL OR length(trim(coalesce(override_reason, ''))) > 0));
-- table segment_enterprise on segment_enterprise
CREATE TABLE segment_enterprise (id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE SET NULL,
  company_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader','backbone','supporting')),
  notes TEXT NOT NULL DEFAULT '');
-- table segment_link on segment_link
CREATE TABLE segment_link (id INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL REFERENCES chain(id) ON DELETE CASCADE,
  from_segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  to_segment_id INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
  UNIQUE (from_segment_id, to_segment_id));
-- table setting on setting
CREATE TABLE setting (key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL);
-- table stats_cube_country on stats_cube_country
CREATE TABLE stats_cube_country (period TEXT NOT NULL,
  country TEXT NOT NULL,
  fin INTEGER NOT NULL,
  dr INTEGER NOT NULL,
  district INTEGER NOT NULL,
  records INTEGER NOT NULL,
  n INTEGER NOT NULL,
  ns INTEGER NOT NULL,
  c REAL NOT NULL,
  a REAL NOT NULL,
  cw REAL NOT NULL,
  aw REAL NOT NULL,
  c_cny REAL,
  a_cny REAL,
  cw_cny REAL,
  aw_cny REAL,
  PRIMARY KEY (period, country, fin, dr, district)) WITHOUT ROWID;
-- table stats_cube_industry on stats_cube_industry
CREATE TABLE stats_cube_industry (period TEXT NOT NULL,
  ind TEXT NOT NULL,
  ht INTEGER NOT NULL,
  dr INTEGER NOT NULL,
  district INTEGER NOT NULL,
  records INTEGER NOT NULL,
  n INTEGER NOT NULL,
  ns INTEGER NOT NULL,
  c REAL NOT NULL,
  a REAL NOT NULL,
  cw REAL NOT NULL,
  aw REAL NOT NULL,
  c_cny REAL,
  a_cny REAL,
  cw_cny REAL,
  aw_cny REAL,
  PRIMARY KEY (period, ind, ht, dr, district)) WITHOUT ROWID;
-- table stats_cube_place on stats_cube_place
CREATE TABLE stats_cube_place (period TEXT NOT NULL,
  mode TEXT NOT NULL,
  fin INTEGER NOT NULL,
  platform INTEGER NOT NULL,
  district INTEGER NOT NULL,
  records INTEGER NOT NULL,
  n INTEGER NOT NULL,
  ns INTEGER NOT NULL,
  c REAL NOT NULL,
  a REAL NOT NULL,
  cw REAL NOT NULL,
  aw REAL NOT NULL,
  c_cny REAL,
  a_cny REAL,
  cw_cny REAL,
  aw_cny REAL,
  PRIMARY KEY (period, mode, fin, platform, district)) WITHOUT ROWID;
-- table stats_dirty on stats_dirty
CREATE TABLE stats_dirty (period TEXT PRIMARY KEY) WITHOUT ROWID;
-- table stats_first_new on stats_first_new
CREATE TABLE stats_first_new (ekey INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL UNIQUE,
  period TEXT NOT NULL);
-- table stats_state on stats_state
CREATE TABLE stats_state (id INTEGER PRIMARY KEY CHECK (id = 1),
  max_id INTEGER NOT NULL);
-- table target on target
CREATE TABLE target (id INTEGER PRIMARY KEY,
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
  updated_at TEXT NOT NULL ,
  industry_code TEXT REFERENCES ref_industry(code));
-- table target_contact on target_contact
CREATE TABLE target_contact (id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  by TEXT NOT NULL DEFAULT '');
-- trigger fdi_record_delete_arrival on fdi_record
CREATE TRIGGER fdi_record_delete_arrival AFTER DELETE ON fdi_record WHEN OLD.enterprise_id IS NOT NULL BEGIN INSERT OR IGNORE INTO project_arrival_dirty SELECT id FROM project WHERE enterprise_id = OLD.enterprise_id UNION SELECT id FROM project WHERE reinvest_enterprise_id = OLD.enterprise_id; END;
-- trigger fdi_record_insert_arrival on fdi_record
CREATE TRIGGER fdi_record_insert_arrival AFTER INSERT ON fdi_record WHEN NEW.enterprise_id IS NOT NULL BEGIN INSERT OR IGNORE INTO project_arrival_dirty SELECT id FROM project WHERE enterprise_id = NEW.enterprise_id UNION SELECT id FROM project WHERE reinvest_enterprise_id = NEW.enterprise_id; END;
-- trigger fdi_record_update_arrival on fdi_record
CREATE TRIGGER fdi_record_update_arrival AFTER UPDATE OF enterprise_id, period, actual_fdi ON fdi_record BEGIN INSERT OR IGNORE INTO project_arrival_dirty SELECT id FROM project WHERE enterprise_id IN (OLD.enterprise_id,
  NEW.enterprise_id) UNION SELECT id FROM project WHERE reinvest_enterprise_id IN (OLD.enterprise_id,
  NEW.enterprise_id); END;
-- trigger policy_enterprise_gone on enterprise
CREATE TRIGGER policy_enterprise_gone AFTER DELETE ON enterprise BEGIN DELETE FROM policy_override WHERE entity = 'enterprise' AND entity_id = old.id; DELETE FROM policy_encouraged_choice WHERE entity = 'enterprise' AND entity_id = old.id; END;
-- trigger policy_project_gone on project
CREATE TRIGGER policy_project_gone AFTER DELETE ON project BEGIN DELETE FROM policy_override WHERE entity = 'project' AND entity_id = old.id; DELETE FROM policy_encouraged_choice WHERE entity = 'project' AND entity_id = old.id; END;
-- trigger policy_target_gone on target
CREATE TRIGGER policy_target_gone AFTER DELETE ON target BEGIN DELETE FROM policy_override WHERE entity = 'target' AND entity_id = old.id; DELETE FROM policy_encouraged_choice WHERE entity = 'target' AND entity_id = old.id; END;
-- trigger project_links_arrival on project
CREATE TRIGGER project_links_arrival AFTER UPDATE OF enterprise_id, reinvest_enterprise_id, stage ON project BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.id); END;
-- trigger project_plan_delete_arrival on project_plan
CREATE TRIGGER project_plan_delete_arrival AFTER DELETE ON project_plan BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (OLD.project_id); END;
-- trigger project_plan_insert_arrival on project_plan
CREATE TRIGGER project_plan_insert_arrival AFTER INSERT ON project_plan BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.project_id); END;
-- trigger project_plan_update_arrival on project_plan
CREATE TRIGGER project_plan_update_arrival AFTER UPDATE ON project_plan BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.project_id), (OLD.project_id); END;
