import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/backend/demo';
import { checkUscc } from '../../shared/rules/uscc';
import { roundStored } from '../../shared/rules/money';
import { PERIOD_PATTERN } from '../../shared/rules/period';
import { call, tempBackend } from '../helpers/backend';

type Row = { period: string; uscc: string; contracted_fdi: number; actual_fdi: number; mode: string };

describe('demo data', () => {
  it('is plausible: valid codes, stored rounding, reported months only, foreign keys intact', async () => {
    const b = await tempBackend({ demo: true }); // seeded as of 2026-11-15
    const rows = b.ctx.db.prepare('SELECT period, uscc, contracted_fdi, actual_fdi, mode FROM fdi_record').all() as Row[];
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.period).toMatch(PERIOD_PATTERN);
      expect(r.period >= '2024-01' && r.period <= '2026-10', r.period).toBe(true);
      expect(checkUscc(r.uscc)).toEqual({ valid: true, code: r.uscc, warnings: [] });
      expect(roundStored(r.contracted_fdi)).toBe(r.contracted_fdi);
      expect(roundStored(r.actual_fdi)).toBe(r.actual_fdi);
      expect(r.actual_fdi).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(['new', 'increase', 'merger', 'profit_reinvestment', 'domestic_reinvestment']));
    expect(b.ctx.db.pragma('foreign_key_check')).toEqual([]);
    const settings = await call(b, 'settings.get');
    expect(settings.jurisdiction).toMatchObject({ code: '3205', name: '江苏省苏州市' });
    expect(settings.platforms.length).toBeGreaterThan(0);
    expect((await call(b, 'system.info')).isDemo).toBe(true);
  });

  it('is the same for the same seed and day', async () => {
    const day = new Date('2026-06-10T00:00:00Z');
    const dump = async () => {
      const b = await tempBackend();
      seedDemo(b.ctx.db, day);
      return b.ctx.db.prepare('SELECT period, enterprise_name, uscc, mode, contracted_fdi, actual_fdi, industry_code, country_code FROM fdi_record ORDER BY id').all();
    };
    expect(await dump()).toEqual(await dump());
  });

  it('in January, nothing of the new year is reported yet', async () => {
    const b = await tempBackend();
    seedDemo(b.ctx.db, new Date('2026-01-15T00:00:00Z'));
    const latest = b.ctx.db.prepare('SELECT max(period) FROM fdi_record').pluck().get() as string;
    expect(latest <= '2025-12').toBe(true);
  });
});
