import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { migration0004 } from '../../electron/backend/db/migrations/0004_project_list';
import { projectOrder } from '../../electron/backend/projects/filter';
import { tempDir } from '../helpers/backend';

const before4 = MIGRATIONS.filter((m) => m.version < 4);

describe('migration 0004: project list indexes and the arrival alert', () => {
  it('upgrades a database holding projects, keeping them, and marks projects for the arrival alert on changes', async () => {
    const file = path.join(tempDir(), 'old.db');
    const old = await openDatabase(file, { create: true, migrations: before4 });
    const now = new Date().toISOString();
    old.prepare(`INSERT INTO enterprise (id, name, created_at, updated_at) VALUES (1, '甲', ?, ?)`).run(now, now);
    old.prepare(`INSERT INTO project (id, name, enterprise_id, created_at, updated_at) VALUES (1, '甲项目', 1, ?, ?), (2, '乙项目', NULL, ?, ?)`).run(now, now, now, now);
    old.prepare(`INSERT INTO project_issue (project_id, category, description, created_at, updated_at) VALUES (1, 'land', '用地', ?, ?)`).run(now, now);
    old.close();

    const db = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(migration0004.version).toBe(4);
    expect(db.prepare('SELECT count(*) AS n FROM project').get()).toEqual({ n: 2 });
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('project', 'project_issue')`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['project_updated', 'project_stage_order', 'project_follow_up_anchor', 'project_enterprise', 'project_issue_project']));

    const dirty = () => (db.prepare('SELECT project_id FROM project_arrival_dirty ORDER BY 1').all() as { project_id: number }[]).map((r) => r.project_id);
    expect(dirty()).toEqual([]);
    db.prepare(`INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, created_at) VALUES ('2025-01', 1, '甲', 'new', '')`).run();
    expect(dirty()).toEqual([1]);
    db.exec('DELETE FROM project_arrival_dirty');
    db.prepare(`INSERT INTO project_plan (project_id, period, amount) VALUES (2, '2025-01', 10)`).run();
    db.prepare(`UPDATE project SET reinvest_enterprise_id = 1 WHERE id = 1`).run();
    expect(dirty()).toEqual([1, 2]);
    db.exec('DELETE FROM project_arrival_dirty');
    db.prepare('DELETE FROM project WHERE id = 2').run();
    expect(dirty()).toEqual([2]);
    db.close();
  });

  it('the list’s stage and priority order are the indexed expressions (filter.ts and the migration agree)', async () => {
    const db = await openDatabase(path.join(tempDir(), 'new.db'), { create: true });
    const plan = (field: 'stage' | 'priority') =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT p.id FROM project p ORDER BY ${projectOrder({ field, order: 'asc' })} LIMIT 10`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' ');
    expect(plan('stage')).toContain(`project_stage_order`);
    expect(plan('priority')).toContain(`project_priority_order`);
    expect(plan('stage')).not.toContain('TEMP B-TREE');
    db.close();
  });
});
