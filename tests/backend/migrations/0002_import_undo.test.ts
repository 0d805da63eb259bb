import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/backend/db/backups';
import { openDatabase } from '../../../electron/backend/db/open';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { migration0001 } from '../../../electron/backend/db/migrations/0001_initial';
import { migration0002 } from '../../../electron/backend/db/migrations/0002_import_undo';
import { tempDir } from '../../helpers/backend';

describe('migration 0002 (import undo)', () => {
  it('is the second migration', () => {
    expect(MIGRATIONS[1]).toBe(migration0002);
    expect(migration0002.version).toBe(2);
  });

  it('adds the undo bookkeeping to a version-1 database, after a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1.db');
    const v1 = await openDatabase(file, { create: true, migrations: [migration0001] });
    v1.prepare("INSERT INTO import_batch (kind, file_name, file_hash, rows, created_at) VALUES ('fdi', 'old.xlsx', 'x', 3, '2025-01-01')").run();
    v1.close();
    // only up to this migration: later ones are tested on their own
    const db = await openDatabase(file, { migrations: [migration0001, migration0002] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT rejected_rows FROM import_batch').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'import_batch_enterprise'").pluck().get()).toBe(1);
    db.close();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['before-migrate-v1']);
  });
});
