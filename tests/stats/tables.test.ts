import { describe, expect, it } from 'vitest';
import type { StatsRow, StatsTableId, StatsTables } from '../../shared/api/stats';
import { roundReported, yoyPercent, sharePercent } from '../../shared/rules/money';
import { call, tempBackend } from '../helpers/backend';
import { createArea, insertRecords } from './fixture';

function row(tables: StatsTables, table: StatsTableId, key: string): StatsRow {
  const found = tables.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return found;
}

function rowsOf(tables: StatsTables, table: StatsTableId): StatsRow[] {
  return tables.tables.find((t) => t.id === table)!.rows;
}

describe('stats.tables on the demo data', () => {
  it('gives the totals a plain SQL sum gives, for the range and the same months a year before', async () => {
    const b = await tempBackend({ demo: true });
    const tables = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10' });
    expect(tables).toMatchObject({ priorFrom: '2025-01', priorTo: '2025-10', label: '2026年1-10月', unit: '万美元' });
    // an enterprise counts as new in the month of its first 新设 record; 境内再投资 is left out by the default 口径
    const sql = (from: string, to: string) =>
      b.ctx.db
        .prepare(
          `SELECT (SELECT count(*) FROM (SELECT min(period) AS first FROM fdi_record WHERE mode = 'new' GROUP BY enterprise_id)
                   WHERE first BETWEEN @from AND @to) AS n, sum(contracted_fdi) AS c, sum(actual_fdi) AS a
           FROM fdi_record WHERE period BETWEEN @from AND @to AND mode <> 'domestic_reinvestment'`,
        )
        .get({ from, to }) as { n: number; c: number; a: number };
    const cur = sql('2026-01', '2026-10');
    const prior = sql('2025-01', '2025-10');
    expect(cur.n).toBeGreaterThan(0);
    const total = row(tables, 'summary', 'total');
    expect(total.current).toEqual({ newEnterprises: cur.n, contractedFdi: roundReported(cur.c), actualFdi: roundReported(cur.a) });
    expect(total.prior).toEqual({ newEnterprises: prior.n, contractedFdi: roundReported(prior.c), actualFdi: roundReported(prior.a) });
    expect(total.yoy.actualFdi).toBe(yoyPercent(roundReported(cur.a), roundReported(prior.a)));
    expect(total.share.actualFdi).toBe(100);
    // every table starts with the same 合计
    for (const t of tables.tables) expect(t.rows[0]).toMatchObject({ key: 'total', current: total.current, prior: total.prior });
  });

  it('adds up: each table’s level-0 rows (with the unassigned ones) make its 合计', async () => {
    const b = await tempBackend({ demo: true });
    const tables = await call<StatsTables>(b, 'stats.tables', { from: '2025-03', to: '2026-08' });
    for (const t of tables.tables.filter((x) => x.id !== 'summary')) {
      const parts = t.rows.filter((r) => r.level === 0 && (r.role === 'item' || r.role === 'unassigned'));
      const total = t.rows[0]!;
      for (const period of ['current', 'prior'] as const) {
        for (const measure of ['contractedFdi', 'actualFdi'] as const) {
          const sum = parts.reduce((s, r) => s + r[period][measure], 0);
          // rows are rounded one by one: their sum may differ from the rounded total by half a cent per row
          expect(Math.abs(sum - total[period][measure]), `${t.id} ${period} ${measure}`).toBeLessThanOrEqual(parts.length * 0.005 + 1e-9);
        }
        // each enterprise counts once, at its first 新设 record: per-group counts add up exactly
        expect(parts.reduce((s, r) => s + r[period].newEnterprises, 0), `${t.id} ${period}`).toBe(total[period].newEnterprises);
      }
    }
    expect(tables.districtCheck.ok).toBe(true);
  });

  it('lists all 20 sections and every manufacturing division, divisions adding up to C', async () => {
    const b = await tempBackend({ demo: true });
    const tables = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10' });
    const sections = rowsOf(tables, 'industry').filter((r) => r.key.startsWith('section:') && r.role === 'item');
    expect(sections.map((r) => r.code)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''));
    const divisions = rowsOf(tables, 'industry').filter((r) => r.key.startsWith('division:'));
    expect(divisions.map((r) => r.code)).toEqual(Array.from({ length: 31 }, (_, i) => String(13 + i)));
    const c = row(tables, 'industry', 'section:C');
    expect(roundReported(divisions.reduce((s, r) => s + r.current.actualFdi, 0))).toBeCloseTo(c.current.actualFdi, 1);
    const ht = row(tables, 'summary', 'highTech');
    const htm = row(tables, 'industry', 'highTech:manufacturing');
    const hts = row(tables, 'industry', 'highTech:services');
    expect(roundReported(htm.current.actualFdi + hts.current.actualFdi)).toBeCloseTo(ht.current.actualFdi, 1);
    expect(ht.share.actualFdi).toBe(sharePercent(ht.current.actualFdi, row(tables, 'summary', 'total').current.actualFdi));
  });

  it('makes 港澳台 the sum of 中国香港, 中国澳门 and 中国台湾', async () => {
    const b = await tempBackend({ demo: true });
    const tables = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10' });
    const hmt = row(tables, 'country', 'group:HMT');
    const parts = ['HKG', 'MAC', 'TWN'].map((c) => rowsOf(tables, 'country').find((r) => r.key === `country:${c}`)?.current.actualFdi ?? 0);
    expect(hmt.current.actualFdi).toBeCloseTo(parts.reduce((s, x) => s + x, 0), 1);
    expect(rowsOf(tables, 'country').filter((r) => r.key.startsWith('group:')).map((r) => r.code)).toEqual(['HMT', 'FREEPORT', 'ASEAN', 'EU', 'RCEP', 'BRICS']);
  });
});

describe('stats.tables on made-up records', () => {
  it('counts a group member only for the months it belongs (东帝汶 in 东盟 from 2025-10, 英国 in 欧盟 to 2020-01)', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2025-09', mode: 'increase', country: 'TLS', actual: 10 },
      { period: '2025-10', mode: 'increase', country: 'TLS', actual: 20 },
      { period: '2024-10', mode: 'increase', country: 'TLS', actual: 40 },
      { period: '2024-10', mode: 'increase', country: 'SGP', actual: 5 },
    ]);
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-09', to: '2025-10' });
    expect(row(t, 'country', 'group:ASEAN').current.actualFdi).toBe(20);
    expect(row(t, 'country', 'group:ASEAN').prior.actualFdi).toBe(5);
    expect(row(t, 'country', 'country:TLS').current.actualFdi).toBe(30);
    insertRecords(b.ctx.db, area, [
      { period: '2020-01', mode: 'merger', country: 'GBR', contracted: 7 },
      { period: '2020-02', mode: 'merger', country: 'GBR', contracted: 9 },
    ]);
    const uk = await call<StatsTables>(b, 'stats.tables', { from: '2020-01', to: '2020-02' });
    expect(row(uk, 'country', 'group:EU').current.contractedFdi).toBe(7);
    expect(row(uk, 'country', 'country:GBR').current.contractedFdi).toBe(16);
  });

  it('counts each enterprise once, leaves 同比 blank when the prior figure is 0, and shares blank on an empty total', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    const empty = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-12' });
    expect(row(empty, 'summary', 'total').share).toEqual({ newEnterprises: null, contractedFdi: null, actualFdi: null });
    expect(row(empty, 'summary', 'total').yoy).toEqual({ newEnterprises: null, contractedFdi: null, actualFdi: null });
    insertRecords(b.ctx.db, area, [
      // one firm, set up over two months: one enterprise
      { period: '2025-02', mode: 'new', enterprise: '甲公司', contracted: 100, actual: 10 },
      { period: '2025-05', mode: 'new', enterprise: '甲公司', actual: 30 },
      // records not linked to an enterprise count one each
      { period: '2025-03', mode: 'new', enterprise: null, actual: 1 },
      { period: '2025-03', mode: 'new', enterprise: null, actual: 2 },
      { period: '2025-04', mode: 'increase', enterprise: '乙公司', contracted: 50, actual: 5 },
      { period: '2024-04', mode: 'increase', enterprise: '乙公司', contracted: 25, actual: 0 },
    ]);
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-12' });
    const total = row(t, 'summary', 'total');
    expect(total.current).toEqual({ newEnterprises: 3, contractedFdi: 150, actualFdi: 48 });
    expect(total.prior).toEqual({ newEnterprises: 0, contractedFdi: 25, actualFdi: 0 });
    expect(total.yoy).toEqual({ newEnterprises: null, contractedFdi: 500, actualFdi: null });
    expect(row(t, 'mode', 'mode:new').current.newEnterprises).toBe(3);
    expect(row(t, 'mode', 'mode:increase').current.newEnterprises).toBe(0);
  });

  it('classes high-tech industries, 开发区 and 自贸试验区 by the reference data and platform types', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2025-06', mode: 'new', industry: '2710', platform: '东区经开区', actual: 100 }, // 化学药品原料药制造: HT manufacturing
      { period: '2025-06', mode: 'new', industry: '6311', platform: '自贸片区', actual: 50 }, // 固定电信服务: HT services
      { period: '2025-06', mode: 'new', industry: '3399', platform: '西区综保区', district: '西区', actual: 25 }, // not high-tech
      { period: '2025-06', mode: 'profit_reinvestment', industry: '3399', actual: 25 },
    ]);
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-06', to: '2025-06' });
    expect(row(t, 'summary', 'highTech').current).toEqual({ newEnterprises: 2, contractedFdi: 0, actualFdi: 150 });
    expect(row(t, 'summary', 'highTech:manufacturing').current.actualFdi).toBe(100);
    expect(row(t, 'summary', 'highTech:services').current.actualFdi).toBe(50);
    expect(row(t, 'summary', 'highTech').share.actualFdi).toBe(75);
    // 经开区 and 综保区 are development zones; the 自贸片区 is not
    expect(row(t, 'summary', 'devZone').current).toEqual({ newEnterprises: 2, contractedFdi: 0, actualFdi: 125 });
    expect(row(t, 'summary', 'ftz').current).toEqual({ newEnterprises: 1, contractedFdi: 0, actualFdi: 50 });
    expect(row(t, 'summary', 'profitReinvestment').current.actualFdi).toBe(25);
    expect(row(t, 'industry', 'section:I').current.actualFdi).toBe(50);
    expect(row(t, 'industry', 'division:33').current.actualFdi).toBe(50);
    expect(row(t, 'platform', 'platformType:national_etdz').current.actualFdi).toBe(100);
    expect(row(t, 'platform', 'platform:none').current.actualFdi).toBe(25);
    expect(row(t, 'district', `district:${area.districts['西区']}`).current.actualFdi).toBe(25);
  });

  it('shows records without district, industry or country as their own rows, and the district check names them', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2025-01', mode: 'new', actual: 10 },
      { period: '2025-01', mode: 'increase', district: null, industry: null, country: null, actual: 4, contracted: 6 },
    ]);
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-01' });
    expect(row(t, 'district', 'district:none')).toMatchObject({ name: '未分区县', role: 'unassigned', current: { actualFdi: 4 } });
    expect(row(t, 'industry', 'section:none').current.actualFdi).toBe(4);
    expect(row(t, 'country', 'country:none').current.actualFdi).toBe(4);
    expect(t.districtCheck).toMatchObject({ ok: true, unassigned: { records: 1, contractedFdi: 6, actualFdi: 4 }, difference: { actualFdi: 0 } });
  });

  it('takes ranges longer than a year, whose prior range overlaps them', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2024-03', mode: 'increase', actual: 1 },
      { period: '2025-03', mode: 'increase', actual: 2 },
      { period: '2026-03', mode: 'increase', actual: 4 },
    ]);
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2026-06' });
    expect(t.label).toBe('2025年1月-2026年6月');
    expect(row(t, 'summary', 'total').current.actualFdi).toBe(6);
    expect(row(t, 'summary', 'total').prior.actualFdi).toBe(3);
  });

  it('refuses a malformed or reversed range with a Chinese message', async () => {
    const b = await tempBackend();
    for (const input of [{ from: '2025-1', to: '2025-03' }, { from: '2025-05', to: '2025-03' }, { from: '2010-01', to: '2025-03' }]) {
      const result = await b.dispatch('stats.tables', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    const reversed = await b.dispatch('stats.tables', { from: '2025-05', to: '2025-03' });
    expect(!reversed.ok && reversed.error.message).toContain('起始月份不能晚于截止月份');
  });
});
