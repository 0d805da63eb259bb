import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/backend/dispatch';
import { writeSetting } from '../../electron/backend/settings/store';
import { ERROR_MESSAGES } from '../../shared/errors';
import { tempBackend } from '../helpers/backend';

const HAN = /[\u4e00-\u9fff]/;

// What every transport sees of dispatch (known and unknown methods, defaults, INVALID_INPUT, AppError) is tested
// through each transport in transports.test.ts; here, what needs the backend's insides.
describe('dispatch', () => {
  it('names nested fields by their path', async () => {
    const b = await tempBackend();
    const r = await b.dispatch('settings.setPreferences', { followUpDays: 0, locale: 'fr' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problems!.map((p) => p.column).sort()).toEqual(['followUpDays', 'locale']);
    const notObject = await b.dispatch('system.backup', 'now');
    expect(notObject.ok ? null : notObject.error.code).toBe('INVALID_INPUT');
  });

  it('turns any other failure into INTERNAL with no stack trace, and logs the stack', async () => {
    const b = await tempBackend();
    const logs: string[] = [];
    const dispatch = createDispatch(b.ctx, (line) => logs.push(line));
    b.ctx.db.close(); // every query now throws a plain TypeError from better-sqlite3
    const r = await dispatch('settings.get', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: `${ERROR_MESSAGES.INTERNAL}：settings.get` } });
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/\bat \S+ \(|TypeError|\.ts:\d+/);
    expect(logs.join('\n')).toMatch(/settings\.get failed: TypeError/);
  });

  it('answers DB_BUSY, in Chinese, when another connection holds the write lock (an import), and writes nothing', async () => {
    const b = await tempBackend();
    const importer = new Database(b.ctx.dbPath);
    importer.exec('BEGIN IMMEDIATE'); // as the import worker does for the length of an import
    b.ctx.db.pragma('busy_timeout = 50');
    try {
      const r = await b.dispatch('settings.saveDistrict', { name: '江北区' });
      expect(r).toEqual({ ok: false, error: { code: 'DB_BUSY', message: `${ERROR_MESSAGES.DB_BUSY}：settings.saveDistrict` } });
      expect(HAN.test(ERROR_MESSAGES.DB_BUSY)).toBe(true);
    } finally {
      importer.exec('ROLLBACK');
      importer.close();
    }
    expect(b.ctx.db.prepare("SELECT count(*) FROM district WHERE name = '江北区'").pluck().get()).toBe(0);
    expect((await b.dispatch('settings.saveDistrict', { name: '江北区' })).ok).toBe(true);
  });

  it('refuses a handler result outside the contract with INVALID_OUTPUT (and logs why)', async () => {
    const b = await tempBackend();
    const logs: string[] = [];
    const dispatch = createDispatch(b.ctx, (line) => logs.push(line));
    writeSetting(b.ctx.db, 'preferences', { locale: 'fr-FR' }); // a value no version of the app writes
    const r = await dispatch('settings.get', {});
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_OUTPUT', message: `${ERROR_MESSAGES.INVALID_OUTPUT}：settings.get` } });
    expect(logs.join('\n')).toMatch(/settings\.get returned output outside the contract/);
  });
});
