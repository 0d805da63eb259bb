import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/backend/db/backups';
import { openDatabase } from '../../../electron/backend/db/open';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { migration0008 } from '../../../electron/backend/db/migrations/0008_policy_audit';
import { defaultReferenceDir, loadReferenceData } from '../../../electron/backend/reference/load';
import { tempDir } from '../../helpers/backend';

const before = MIGRATIONS.filter((m) => m.version < migration0008.version);
const upTo = MIGRATIONS.filter((m) => m.version <= migration0008.version);

describe('migration 0008 (market access and the audit trail)', () => {
  it('follows the migration before it', () => {
    expect(MIGRATIONS.indexOf(migration0008)).toBe(before.length);
  });

  it('keeps existing targets (no industry yet), adds the policy tables, and cleans overrides up with their rows', async () => {
    const file = path.join(tempDir(), 'old.db');
    const old = await openDatabase(file, { create: true, migrations: before });
    old.exec(`
      INSERT INTO ref_industry (code, name, level, parent, section) VALUES ('R', '文化、体育和娱乐业', 'section', NULL, 'R'),
        ('86', '新闻和出版业', 'division', 'R', 'R'), ('861', '新闻业', 'group', '86', 'R'), ('8610', '新闻业', 'class', '861', 'R');
      INSERT INTO chain (id, name, created_at, updated_at) VALUES (1, '链', '2025-01-01', '2025-01-01');
      INSERT INTO segment (id, chain_id, name, tier) VALUES (1, 1, '环节', 'upstream');
      INSERT INTO target (id, segment_id, company, created_at, updated_at) VALUES (1, 1, '某公司', '2025-01-01', '2025-01-01');
      INSERT INTO project (id, name, stage, created_at, updated_at) VALUES (1, '某项目', 'lead', '2025-01-01', '2025-01-01');
      INSERT INTO audit_log (at, user, action, entity) VALUES ('2025-01-01T00:00:00Z', '甲', 'update', 'preferences');
    `);
    old.close();

    const db = await openDatabase(file, { migrations: upTo });
    expect(db.pragma('user_version', { simple: true })).toBe(migration0008.version);
    expect(db.prepare('SELECT id, company, industry_code FROM target').all()).toEqual([{ id: 1, company: '某公司', industry_code: null }]);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE at >= '2025' ORDER BY at").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX audit_log_at/);

    // a restricted measure needs its restriction, a prohibited one has none
    db.prepare("INSERT INTO ref_negative_measure (edition, version, no, section, text, kind) VALUES ('national', 't', 1, 's', '禁止投资新闻机构。', 'prohibited')").run();
    expect(() => db.prepare("INSERT INTO ref_negative_measure (edition, version, no, section, text, kind) VALUES ('national', 't', 2, 's', 'x', 'restricted')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO ref_negative_measure_class (edition, no, industry_code, coverage, mapping_basis) VALUES ('national', 1, '8610', 'full', 'text')").run();
    expect(() => db.prepare("INSERT INTO policy_override (entity, entity_id, status, reason, at) VALUES ('project', 1, 'open', ' ', 'now')").run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO policy_override (entity, entity_id, status, reason, at) VALUES ('project', 1, 'open', '人工认定', 'now'), ('target', 1, 'prohibited', '人工认定', 'now')").run();
    db.prepare('DELETE FROM project WHERE id = 1').run();
    expect(db.prepare('SELECT entity FROM policy_override').pluck().all()).toEqual(['target']);
    db.prepare('DELETE FROM segment WHERE id = 1').run(); // its targets go with it, and so do their overrides
    expect(db.prepare('SELECT count(*) FROM policy_override').pluck().get()).toBe(0);
    // removing a measure removes its classes
    db.prepare('DELETE FROM ref_negative_measure').run();
    expect(db.prepare('SELECT count(*) FROM ref_negative_measure_class').pluck().get()).toBe(0);
    db.close();
    expect(listBackups(file).map((b) => b.reason)).toEqual([`before-migrate-v${migration0008.version - 1}`]);
  });

  it('the negative list waits for this migration, then loads with its statuses', async () => {
    const file = path.join(tempDir(), 'old.db');
    const old = await openDatabase(file, { create: true, migrations: before });
    expect(loadReferenceData(old, defaultReferenceDir())).not.toContain('negativeList');
    old.close();
    const db = await openDatabase(file, { migrations: upTo });
    expect(loadReferenceData(db, defaultReferenceDir())).toEqual(['negativeList']);
    expect(db.prepare("SELECT status FROM policy_industry WHERE code = '8610'").pluck().get()).toBe('prohibited');
    db.close();
  });
});
