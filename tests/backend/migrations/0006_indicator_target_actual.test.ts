import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/backend/db/backups';
import { openDatabase } from '../../../electron/backend/db/open';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { migration0006 } from '../../../electron/backend/db/migrations/0006_indicator_target_actual';
import { tempDir } from '../../helpers/backend';

describe('migration 0006 (custom targets: unit and actual)', () => {
  const before = MIGRATIONS.filter((m) => m.version < migration0006.version);

  it('follows 0004 (0005 was never used)', () => {
    expect(migration0006.version).toBe(6);
    expect(MIGRATIONS[MIGRATIONS.indexOf(migration0006) - 1]!.version).toBe(4);
  });

  it('keeps the targets of a version-4 database, adds unit, actual and updated_at, after a backup', async () => {
    const file = path.join(tempDir(), 'v4.db');
    const v4 = await openDatabase(file, { create: true, migrations: before });
    v4.prepare("INSERT INTO indicator_target (year, indicator, label, value) VALUES (2025, 'actualFdi', '', 5000), (2025, 'custom:外资总部', '外资总部企业', 3)").run();
    v4.close();
    // only up to this migration: later ones are tested on their own
    const db = await openDatabase(file, { migrations: [...before, migration0006] });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT year, indicator, value, unit, actual, updated_at FROM indicator_target ORDER BY indicator').all()).toEqual([
      { year: 2025, indicator: 'actualFdi', value: 5000, unit: '', actual: null, updated_at: null },
      { year: 2025, indicator: 'custom:外资总部', value: 3, unit: '', actual: null, updated_at: null },
    ]);
    // a custom target now keeps its unit and the figure reached
    db.prepare("UPDATE indicator_target SET unit = '家', actual = 1, updated_at = '2026-03-01' WHERE indicator = 'custom:外资总部'").run();
    expect(db.prepare("SELECT unit, actual FROM indicator_target WHERE indicator = 'custom:外资总部'").get()).toEqual({ unit: '家', actual: 1 });
    db.close();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['before-migrate-v4']);
  });
});
