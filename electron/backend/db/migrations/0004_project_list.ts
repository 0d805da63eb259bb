import type { Migration } from '../migration';

/**
 * What the project list needs to stay fast at 100k projects (see tests/bench/projects.ts):
 *
 * - indexes for the sorts people use, for the stage and priority order (expressions written exactly as
 *   electron/backend/projects/filter.ts writes them), and for the day a project was last followed up (the stale alert);
 * - project_issue(project_id, status, due_date), so "does this project have an overdue problem" is one probe instead of
 *   a walk over every open problem;
 * - indexes on the two enterprise links (a project's detail, the enterprise register's counts, ON DELETE SET NULL);
 * - the arrival alert (planned arrival ahead of the linked enterprise's actual FDI) kept in project_arrival_behind.
 *   Working it out reads every plan and FDI record (~250 ms at 100k projects), so it is worked out again only for
 *   projects marked in project_arrival_dirty — by the triggers below, on any change to plans, FDI records or a
 *   project's links and stage — and in full when the month it was judged for changes (setting `projectArrivalPeriod`).
 *   The triggers sit on fdi_record too, so FDI imports need not know about projects. A later migration that rebuilds
 *   project, project_plan or fdi_record must create these triggers again.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'project list indexes and arrival alert',
  up: `
CREATE INDEX project_updated ON project(updated_at);
CREATE INDEX project_name ON project(name);
CREATE INDEX project_contracted ON project(contracted_fdi);
CREATE INDEX project_total ON project(total_investment);
CREATE INDEX project_first_contact ON project(first_contact_date);
CREATE INDEX project_signed ON project(signed_date);
CREATE INDEX project_stage_order ON project(CASE stage WHEN 'lead' THEN 0 WHEN 'negotiating' THEN 1 WHEN 'signed' THEN 2 WHEN 'registered' THEN 3 WHEN 'construction' THEN 4 WHEN 'operating' THEN 5 WHEN 'paused' THEN 6 WHEN 'dropped' THEN 7 END);
CREATE INDEX project_priority_order ON project(CASE priority WHEN 'provincial' THEN 0 WHEN 'city' THEN 1 WHEN 'normal' THEN 2 END);
CREATE INDEX project_follow_up_anchor ON project(coalesce(last_follow_up_date, first_contact_date, substr(created_at, 1, 10)), stage);
CREATE INDEX project_enterprise ON project(enterprise_id);
CREATE INDEX project_reinvest_enterprise ON project(reinvest_enterprise_id);
CREATE INDEX project_owner_unit ON project(owner_unit);
CREATE INDEX project_leader ON project(leader);

DROP INDEX project_issue_project;
CREATE INDEX project_issue_project ON project_issue(project_id, status, due_date);

CREATE TABLE project_arrival_behind (project_id INTEGER PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE);
CREATE TABLE project_arrival_dirty (project_id INTEGER PRIMARY KEY);

CREATE TRIGGER project_plan_insert_arrival AFTER INSERT ON project_plan
BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.project_id); END;
CREATE TRIGGER project_plan_update_arrival AFTER UPDATE ON project_plan
BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.project_id), (OLD.project_id); END;
CREATE TRIGGER project_plan_delete_arrival AFTER DELETE ON project_plan
BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (OLD.project_id); END;

CREATE TRIGGER project_links_arrival AFTER UPDATE OF enterprise_id, reinvest_enterprise_id, stage ON project
BEGIN INSERT OR IGNORE INTO project_arrival_dirty VALUES (NEW.id); END;

CREATE TRIGGER fdi_record_insert_arrival AFTER INSERT ON fdi_record WHEN NEW.enterprise_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO project_arrival_dirty
    SELECT id FROM project WHERE enterprise_id = NEW.enterprise_id UNION SELECT id FROM project WHERE reinvest_enterprise_id = NEW.enterprise_id;
END;
CREATE TRIGGER fdi_record_delete_arrival AFTER DELETE ON fdi_record WHEN OLD.enterprise_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO project_arrival_dirty
    SELECT id FROM project WHERE enterprise_id = OLD.enterprise_id UNION SELECT id FROM project WHERE reinvest_enterprise_id = OLD.enterprise_id;
END;
CREATE TRIGGER fdi_record_update_arrival AFTER UPDATE OF enterprise_id, period, actual_fdi ON fdi_record
BEGIN
  INSERT OR IGNORE INTO project_arrival_dirty
    SELECT id FROM project WHERE enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id)
    UNION SELECT id FROM project WHERE reinvest_enterprise_id IN (OLD.enterprise_id, NEW.enterprise_id);
END;
`,
};
