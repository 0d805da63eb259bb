import type { Preferences } from '../../../shared/api/settings';
import type { Db } from '../db/open';

export const DEFAULT_PREFERENCES: Preferences = { userName: '', locale: 'zh-CN', followUpDays: 30 };

/** Reads a JSON setting, or the fallback when unset. */
export function readSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), new Date().toISOString());
}

export function readPreferences(db: Db): Preferences {
  return { ...DEFAULT_PREFERENCES, ...readSetting<Partial<Preferences>>(db, 'preferences', {}) };
}
