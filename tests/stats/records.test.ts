import { describe, expect, it } from 'vitest';
import type { StatsTables } from '../../shared/api/stats';
import { call, tempBackend } from '../helpers/backend';
import { createArea, insertRecords } from './fixture';

type RecordsPage = { total: number; sums: { records: number; newEnterprises: number; contractedFdi: number; actualFdi: number }; rows: Array<{ id: number; period: string; mode: string; districtName: string | null }> };

describe('stats.records (drill-down)', () => {
  it('lists, for every number of every table, records whose sums are that number', async () => {
    const b = await tempBackend({ demo: true });
    const range = { from: '2025-11', to: '2026-10' };
    const tables = await call<StatsTables>(b, 'stats.tables', range);
    let checked = 0;
    for (const table of tables.tables) {
      for (const row of table.rows) {
        const page = await call<RecordsPage>(b, 'stats.records', { ...range, filter: row.filter, pageSize: 1 });
        expect(page.sums, `${table.id} ${row.key}`).toMatchObject({
          newEnterprises: row.current.newEnterprises,
          contractedFdi: row.current.contractedFdi,
          actualFdi: row.current.actualFdi,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('pages through the records oldest month first, with names of district, industry and country', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, Array.from({ length: 7 }, (_, i) => ({ period: `2025-0${7 - i}`, mode: 'increase' as const, actual: i + 1 })));
    const first = await call<RecordsPage>(b, 'stats.records', { from: '2025-01', to: '2025-12', page: 1, pageSize: 3 });
    const last = await call<RecordsPage>(b, 'stats.records', { from: '2025-01', to: '2025-12', page: 3, pageSize: 3 });
    expect(first.total).toBe(7);
    expect(first.rows.map((r) => r.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(last.rows.map((r) => r.period)).toEqual(['2025-07']);
    expect(first.rows[0]).toMatchObject({ districtName: '东区', industryName: '汽车零部件及配件制造', countryName: '中国香港' });
    expect(first.sums.actualFdi).toBe(28);
    const none = await call<RecordsPage>(b, 'stats.records', { from: '2025-01', to: '2025-12', filter: { district: null } });
    expect(none.total).toBe(0);
  });

  it('filters by a group at each record’s month, by industry prefix and by high-tech kind', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2025-09', mode: 'increase', country: 'TLS', industry: '2710', actual: 1 },
      { period: '2025-10', mode: 'increase', country: 'TLS', industry: '6311', actual: 2 },
    ]);
    const q = (filter: object) => call<RecordsPage>(b, 'stats.records', { from: '2025-01', to: '2025-12', filter });
    expect((await q({ group: 'ASEAN' })).sums.actualFdi).toBe(2);
    expect((await q({ industry: '27' })).sums.actualFdi).toBe(1);
    expect((await q({ industry: '631' })).sums.actualFdi).toBe(2);
    expect((await q({ highTech: 'manufacturing' })).sums.actualFdi).toBe(1);
    expect((await q({ highTech: 'all' })).sums.actualFdi).toBe(3);
    expect((await q({ section: 'I' })).sums.actualFdi).toBe(2);
  });
});
