import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/backend/db/open';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { migration0001 } from '../../../electron/backend/db/migrations/0001_initial';
import { tempDir } from '../../helpers/backend';
import { PLATFORM_TYPE_CODES } from '../../../shared/domain/platform';
import { FDI_MODE_CODES } from '../../../shared/domain/fdi';
import { EVENT_KIND_CODES, ISSUE_CATEGORY_CODES, PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES } from '../../../shared/domain/project';
import { FIRM_ROLE_CODES, SEGMENT_STATUS_CODES, TARGET_PRIORITY_CODES, TARGET_STATUS_CODES } from '../../../shared/domain/chain';

async function freshV1(): Promise<Db> {
  const file = path.join(tempDir(), 'fresh.db');
  const db = await openDatabase(file, { create: true, migrations: [migration0001] });
  return db;
}

const names = (db: Db, type: 'table' | 'index') =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'`).all(type) as { name: string }[]).map((r) => r.name);

/** The plan SQLite picks for a query: what a list screen's query will cost. */
const plan = (db: Db, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0001 (initial schema)', () => {
  it('is the first migration, and a fresh database reaches version 1', async () => {
    expect(MIGRATIONS[0]).toBe(migration0001);
    expect(migration0001.version).toBe(1);
    const db = await freshV1();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('opens with WAL, foreign keys on and a busy timeout', async () => {
    const db = await freshV1();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    db.close();
  });

  it('has a table for every entity of DESIGN §2, reference data, settings and the audit log', async () => {
    const db = await freshV1();
    const tables = names(db, 'table');
    const design = [
      'district', 'platform', // jurisdiction: districts and platforms (the area itself is a setting)
      'enterprise', 'fdi_record', 'project', 'project_event', 'project_issue',
      'chain', 'segment', 'segment_link', 'segment_enterprise', 'target',
      'indicator_target', 'import_batch', 'audit_log', 'setting',
    ];
    const reference = ['ref_version', 'ref_industry', 'ref_division', 'ref_country', 'ref_country_alias', 'ref_country_group', 'ref_country_group_member', 'ref_hightech'];
    for (const t of [...design, ...reference]) expect(tables, t).toContain(t);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('has the indexes the lists need, and the list queries use them', async () => {
    const db = await freshV1();
    const indexes = names(db, 'index');
    for (const i of ['fdi_record_period', 'fdi_record_batch', 'fdi_record_uscc', 'enterprise_name', 'project_stage', 'project_follow_up', 'project_event_project', 'project_issue_due', 'target_segment', 'audit_log_entity', 'ref_industry_parent', 'ref_division_parent']) {
      expect(indexes, i).toContain(i);
    }
    expect(plan(db, `SELECT * FROM fdi_record WHERE period BETWEEN '2025-01' AND '2025-10'`)).toMatch(/USING INDEX fdi_record_period/);
    expect(plan(db, 'SELECT * FROM fdi_record WHERE batch_id = 3')).toMatch(/USING INDEX fdi_record_batch/);
    expect(plan(db, `SELECT * FROM project WHERE stage = 'signed' ORDER BY updated_at`)).toMatch(/USING INDEX project_stage/);
    expect(plan(db, 'SELECT * FROM project_event WHERE project_id = 1 ORDER BY date')).toMatch(/USING INDEX project_event_project/);
    expect(plan(db, `SELECT * FROM audit_log WHERE entity = 'project' AND entity_id = '1'`)).toMatch(/USING INDEX audit_log_entity/);
    expect(plan(db, `SELECT * FROM ref_division WHERE parent = '32'`)).toMatch(/USING INDEX ref_division_parent/);
    db.close();
  });

  it('enforces the foreign keys and checks of the model', async () => {
    const db = await freshV1();
    const now = '2025-01-01T00:00:00Z';
    // a record pointing at a district that does not exist
    expect(() =>
      db.prepare(`INSERT INTO fdi_record (period, enterprise_name, mode, district_id, created_at) VALUES ('2025-01', 'A', 'new', 99, ?)`).run(now),
    ).toThrow(/FOREIGN KEY/);
    // a mode outside the four the returns know
    expect(() => db.prepare(`INSERT INTO fdi_record (period, enterprise_name, mode, created_at) VALUES ('2025-01', 'A', 'gift', ?)`).run(now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO platform (name, type) VALUES ('园区', 'moon_base')`).run()).toThrow(/CHECK/);
    // a segment status override needs a reason
    const chain = db.prepare(`INSERT INTO chain (name, created_at, updated_at) VALUES ('集成电路', ?, ?)`).run(now, now).lastInsertRowid;
    expect(() => db.prepare(`INSERT INTO segment (chain_id, name, tier, status_override) VALUES (?, '设计', 'up', 'weak')`).run(chain)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO segment (chain_id, name, tier, status_override, override_reason) VALUES (?, '设计', 'up', 'weak', '仅一家')`).run(chain);
    // district and platform names are unique
    db.prepare(`INSERT INTO district (name) VALUES ('姑苏区')`).run();
    expect(() => db.prepare(`INSERT INTO district (name) VALUES ('姑苏区')`).run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('deleting a district leaves enterprises and projects in place with no district; a chain takes its segments with it', async () => {
    const db = await freshV1();
    const now = '2025-01-01T00:00:00Z';
    const district = db.prepare(`INSERT INTO district (name) VALUES ('吴中区')`).run().lastInsertRowid;
    const ent = db.prepare('INSERT INTO enterprise (name, district_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run('甲公司', district, now, now).lastInsertRowid;
    const proj = db.prepare('INSERT INTO project (name, district_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run('乙项目', district, now, now).lastInsertRowid;
    db.prepare('DELETE FROM district WHERE id = ?').run(district);
    expect(db.prepare('SELECT district_id FROM enterprise WHERE id = ?').get(ent)).toEqual({ district_id: null });
    expect(db.prepare('SELECT district_id FROM project WHERE id = ?').get(proj)).toEqual({ district_id: null });
    const chain = db.prepare(`INSERT INTO chain (name, created_at, updated_at) VALUES ('新能源汽车', ?, ?)`).run(now, now).lastInsertRowid;
    db.prepare(`INSERT INTO segment (chain_id, name, tier) VALUES (?, '电池', 'mid')`).run(chain);
    db.prepare('DELETE FROM chain WHERE id = ?').run(chain);
    expect(db.prepare('SELECT count(*) AS n FROM segment').get()).toEqual({ n: 0 });
    db.close();
  });

  it('every CHECK list of codes is exactly the domain’s list (in the latest schema: migration 7 widened fdi_record.mode)', async () => {
    const db = await openDatabase(path.join(tempDir(), 'latest.db'), { create: true, migrations: MIGRATIONS });
    /** The codes a column's `CHECK (col IN (...))` allows, read from the schema SQL. */
    const allowed = (table: string, column: string): string[] => {
      const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
      const m = sql.match(new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`));
      expect(m, `${table}.${column}`).not.toBeNull();
      return [...m![1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!).sort();
    };
    const pairs: Array<[string, string, readonly string[]]> = [
      ['platform', 'type', PLATFORM_TYPE_CODES],
      ['fdi_record', 'mode', FDI_MODE_CODES],
      ['project', 'stage', PROJECT_STAGE_CODES],
      ['project', 'priority', PROJECT_PRIORITY_CODES],
      ['project_event', 'kind', EVENT_KIND_CODES],
      ['project_issue', 'category', ISSUE_CATEGORY_CODES],
      ['segment', 'status_override', SEGMENT_STATUS_CODES],
      ['segment_enterprise', 'role', FIRM_ROLE_CODES],
      ['target', 'priority', TARGET_PRIORITY_CODES],
      ['target', 'status', TARGET_STATUS_CODES],
    ];
    for (const [table, column, codes] of pairs) expect(allowed(table, column), `${table}.${column}`).toEqual([...codes].sort());
    db.close();
  });
});
