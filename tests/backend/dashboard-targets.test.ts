import { describe, expect, it } from 'vitest';
import { call, tempBackend } from '../helpers/backend';

describe('yearly targets', () => {
  it('are set, replaced, listed in card order and deleted, each change audited', async () => {
    const b = await tempBackend();
    await call(b, 'dashboard.setTarget', { year: 2026, indicator: 'custom:外资总部', value: 3, label: '外资总部企业', unit: '家', actual: 1 });
    await call(b, 'dashboard.setTarget', { year: 2026, indicator: 'highTechShare', value: 45 });
    await call(b, 'dashboard.setTarget', { year: 2026, indicator: 'actualFdi', value: 1000.123456 });
    await call(b, 'dashboard.setTarget', { year: 2025, indicator: 'actualFdi', value: 900 });
    const replaced = await call(b, 'dashboard.setTarget', { year: 2026, indicator: 'actualFdi', value: 1200 });
    expect(replaced).toEqual({ year: 2026, indicator: 'actualFdi', label: '实际使用外资', unit: '万美元', value: 1200, actual: null });
    // a custom target keeps its label, unit and typed actual when only the value changes
    await call(b, 'dashboard.setTarget', { year: 2026, indicator: 'custom:外资总部', value: 4 });
    const list = await call(b, 'dashboard.targets', { year: 2026 });
    expect(list.map((t: { indicator: string }) => t.indicator)).toEqual(['actualFdi', 'highTechShare', 'custom:外资总部']);
    expect(list[2]).toEqual({ year: 2026, indicator: 'custom:外资总部', label: '外资总部企业', unit: '家', value: 4, actual: 1 });
    await call(b, 'dashboard.deleteTarget', { year: 2026, indicator: 'highTechShare' });
    expect((await call(b, 'dashboard.targets', { year: 2026 })).length).toBe(2);
    expect((await call(b, 'dashboard.targets', { year: 2025 })).length).toBe(1);
    const audit = b.ctx.db.prepare("SELECT action, entity_id AS entityId, before, after FROM audit_log WHERE entity = 'indicator_target' ORDER BY audit_log.id").all() as {
      action: string;
      entityId: string;
      before: string | null;
      after: string | null;
    }[];
    expect(audit.map((a) => `${a.action} ${a.entityId}`)).toEqual([
      'create 2026:custom:外资总部',
      'create 2026:highTechShare',
      'create 2026:actualFdi',
      'create 2025:actualFdi',
      'update 2026:actualFdi',
      'update 2026:custom:外资总部',
      'delete 2026:highTechShare',
    ]);
    expect(JSON.parse(audit[4]!.before!).value).toBe(1000.1235);
    expect(JSON.parse(audit[4]!.after!).value).toBe(1200);
  });

  it('refuses what cannot be a target, and writes nothing', async () => {
    const b = await tempBackend();
    const refused = async (input: Record<string, unknown>) => {
      const r = await b.dispatch('dashboard.setTarget', input);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.code;
    };
    expect(await refused({ year: 2026, indicator: 'highTechShare', value: 120 })).toBe('INVALID_INPUT');
    expect(await refused({ year: 2026, indicator: 'newEnterprises', value: 2.5 })).toBe('INVALID_INPUT');
    expect(await refused({ year: 2026, indicator: 'actualFdi', value: -1 })).toBe('INVALID_INPUT');
    expect(await refused({ year: 2026, indicator: 'actualFdi', value: 10, actual: 5 })).toBe('INVALID_INPUT');
    expect(await refused({ year: 2026, indicator: 'somethingElse', value: 10 })).toBe('INVALID_INPUT');
    expect(await refused({ year: 2026, indicator: 'custom:', value: 10 })).toBe('INVALID_INPUT');
    const del = await b.dispatch('dashboard.deleteTarget', { year: 2026, indicator: 'actualFdi' });
    expect(del.ok ? '' : del.error.code).toBe('NOT_FOUND');
    expect(b.ctx.db.prepare('SELECT count(*) AS n FROM indicator_target').get()).toEqual({ n: 0 });
    expect(b.ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });
});
