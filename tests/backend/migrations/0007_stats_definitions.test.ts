import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/backend/db/open';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { migration0007 } from '../../../electron/backend/db/migrations/0007_stats_definitions';
import { defaultReferenceDir, loadReferenceData } from '../../../electron/backend/reference/load';
import { tempDir } from '../../helpers/backend';

const BEFORE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0007));
const UP_TO = MIGRATIONS.slice(0, MIGRATIONS.indexOf(migration0007) + 1);

const objects = (db: Db, type: string) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = 'fdi_record' AND sql IS NOT NULL ORDER BY name").pluck().all(type) as string[]);

describe('migration 0007 (stats definitions)', () => {
  it('is in the list', () => {
    expect(MIGRATIONS).toContain(migration0007);
    expect(BEFORE.length).toBeGreaterThan(0);
  });

  it('rebuilds fdi_record for the new modes, keeping every record, index and trigger; old 再投资 becomes 利润再投资', async () => {
    const file = path.join(tempDir(), 'v.db');
    const old = await openDatabase(file, { create: true, migrations: BEFORE });
    loadReferenceData(old, defaultReferenceDir());
    old.prepare("INSERT INTO import_batch (kind, file_name, file_hash, rows, created_at) VALUES ('fdi', 'old.xlsx', 'h', 3, 'x')").run();
    const enterprise = old.prepare("INSERT INTO enterprise (name, created_at, updated_at) VALUES ('甲', 'x', 'x')").run().lastInsertRowid;
    old.prepare("INSERT INTO project (name, enterprise_id, created_at, updated_at) VALUES ('项目', ?, 'x', 'x')").run(enterprise);
    const insert = old.prepare(
      "INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, contracted_fdi, actual_fdi, industry_code, country_code, batch_id, source_row, created_at) VALUES (?, ?, '甲', ?, ?, ?, '3670', 'HKG', 1, ?, 'x')",
    );
    const modes = ['new', 'increase', 'merger', 'reinvestment'];
    for (let i = 0; i < 20; i++) insert.run(`2025-0${(i % 9) + 1}`, enterprise, modes[i % 4], i, i / 2, i + 5);
    const records = old.prepare('SELECT * FROM fdi_record ORDER BY id').all() as Array<Record<string, unknown>>;
    const [indexes, triggers] = [objects(old, 'index'), objects(old, 'trigger')];
    old.close();

    const db = await openDatabase(file, { migrations: UP_TO });
    expect(db.pragma('user_version', { simple: true })).toBe(migration0007.version);
    const after = db.prepare('SELECT * FROM fdi_record ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after).toEqual(records.map((r) => ({ ...r, mode: r.mode === 'reinvestment' ? 'profit_reinvestment' : r.mode })));
    // the partial indexes that counted new enterprises per range go (the summary counts them); the rest stay
    expect(objects(db, 'index')).toEqual(indexes.filter((i) => !i.startsWith('fdi_record_stats_new_')));
    expect(objects(db, 'trigger')).toEqual(triggers);
    expect(triggers.length).toBeGreaterThan(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the new modes are accepted, the old code no longer
    db.prepare("UPDATE fdi_record SET mode = 'domestic_reinvestment' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE fdi_record SET mode = 'reinvestment' WHERE id = 1").run()).toThrow(/CHECK/);
    // the batches whose 再投资 could not be told apart are named in the audit log
    const audit = db.prepare("SELECT before, after FROM audit_log WHERE action = 'migrate'").get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual({ mode: 'reinvestment', batches: [{ batchId: 1, records: 5 }] });
    expect(JSON.parse(audit.after).note).toContain('无法区分利润再投资与境内再投资');
    // the new tables, and a summary to be built on first use
    for (const t of ['fx_rate', 'import_source', 'ref_list', 'ref_scope_division', 'stats_cube_place', 'stats_first_new']) {
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(t), t).toBe(1);
    }
    expect(db.prepare('SELECT period FROM stats_dirty').pluck().all()).toEqual(['*']);
    expect(() => db.prepare('UPDATE enterprise SET foreign_share = 120').run()).toThrow(/CHECK/);
    db.close();
  });
});
