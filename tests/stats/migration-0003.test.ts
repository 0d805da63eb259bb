import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { migration0001 } from '../../electron/backend/db/migrations/0001_initial';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { migration0003 } from '../../electron/backend/db/migrations/0003_stats_indexes';
import { defaultReferenceDir, loadReferenceData } from '../../electron/backend/reference/load';
import { tempDir } from '../helpers/backend';

const INDEXES = [
  'fdi_record_stats_country',
  'fdi_record_stats_industry',
  'fdi_record_stats_new_country',
  'fdi_record_stats_new_industry',
  'fdi_record_stats_new_place',
  'fdi_record_stats_place',
];

describe('migration 3 (stats indexes)', () => {
  it('adds the covering indexes to a version-1 database with records, keeping every record', async () => {
    const file = path.join(tempDir(), 'v1.db');
    const v1 = await openDatabase(file, { create: true, migrations: [migration0001] });
    loadReferenceData(v1, defaultReferenceDir());
    const insert = v1.prepare(
      "INSERT INTO fdi_record (period, enterprise_name, mode, contracted_fdi, actual_fdi, industry_code, country_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'x')",
    );
    for (let i = 0; i < 50; i++) insert.run(`2025-0${(i % 9) + 1}`, `企业${i}`, i % 2 ? 'new' : 'increase', i, i / 2, '3670', 'HKG');
    const before = v1.prepare('SELECT sum(actual_fdi) AS a, count(*) AS n FROM fdi_record').get();
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();

    // up to this migration only (migration 7 drops the partial indexes again)
    const db = await openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0003) + 1) });
    expect(db.pragma('user_version', { simple: true })).toBe(migration0003.version);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'fdi_record_stats_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(INDEXES);
    expect(db.prepare('SELECT sum(actual_fdi) AS a, count(*) AS n FROM fdi_record').get()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the breakdowns read the new indexes, not the table
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const industryPlan = plan(`SELECT sum(r.actual_fdi) FROM ref_industry i CROSS JOIN json_each('["2025-01","2025-02"]') m
      CROSS JOIN fdi_record r ON r.period = m.value AND r.industry_code = i.code GROUP BY i.code`);
    expect(industryPlan).toContain('COVERING INDEX fdi_record_stats_industry (period=? AND industry_code=?)');
    expect(industryPlan).not.toContain('TEMP B-TREE FOR GROUP BY');
    db.close();
  });
});
