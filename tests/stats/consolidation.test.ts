import { describe, expect, it } from 'vitest';
import type { Consolidation } from '../../shared/api/stats';
import { call, tempBackend } from '../helpers/backend';
import { createArea, createBatch, insertRecords } from './fixture';

describe('stats.consolidation (汇总检查)', () => {
  it('passes when every district reported its own records and the districts add up to the total', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    const east = createBatch(b.ctx.db, '东区.xlsx', area.districts['东区']!);
    const west = createBatch(b.ctx.db, '西区.xlsx', area.districts['西区']!);
    insertRecords(b.ctx.db, area, [
      { period: '2025-03', mode: 'new', district: '东区', batch: east, actual: 10 },
      { period: '2025-03', mode: 'new', district: '西区', batch: west, actual: 5 },
      { period: '2024-05', mode: 'increase', district: '东区', actual: 1 },
      { period: '2024-02', mode: 'increase', district: '西区', actual: 1 },
    ]);
    const c = await call<Consolidation>(b, 'stats.consolidation', { from: '2025-01', to: '2025-06' });
    expect(c).toMatchObject({ ok: true, missingDistricts: [], missingPrior: [], batchMismatches: [], check: { ok: true, total: { actualFdi: 15 }, sumOfDistricts: { actualFdi: 15 } } });
    expect(c.table.rows.map((r) => r.name)).toEqual(['合计', '东区', '西区']);
  });

  it('flags a prior period without a district that reports now: 同比 would not be like for like', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [
      { period: '2025-03', mode: 'new', district: '东区', actual: 10 },
      { period: '2025-03', mode: 'new', district: '西区', actual: 5 },
      { period: '2024-03', mode: 'new', district: '东区', actual: 8 },
    ]);
    const c = await call<Consolidation>(b, 'stats.consolidation', { from: '2025-01', to: '2025-06' });
    expect(c).toMatchObject({ ok: false, missingDistricts: [], missingPrior: ['西区'], check: { ok: true } });
  });

  it('names the district that did not report, records without a district, and a file holding another district’s records', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db, ['东区', '西区', '南区']);
    const east = createBatch(b.ctx.db, '东区.xlsx', area.districts['东区']!);
    insertRecords(b.ctx.db, area, [
      { period: '2025-03', mode: 'new', district: '东区', batch: east, actual: 10 },
      { period: '2025-04', mode: 'increase', district: '西区', batch: east, actual: 3 },
      { period: '2025-04', mode: 'increase', district: null, actual: 2 },
    ]);
    const c = await call<Consolidation>(b, 'stats.consolidation', { from: '2025-01', to: '2025-06' });
    expect(c.ok).toBe(false);
    expect(c.missingDistricts).toEqual([{ id: area.districts['南区'], name: '南区' }]);
    expect(c.batchMismatches).toEqual([{ batchId: east, fileName: '东区.xlsx', batchDistrict: '东区', recordDistrict: '西区', records: 1, actualFdi: 3 }]);
    expect(c.check).toMatchObject({ ok: true, unassigned: { records: 1, actualFdi: 2 }, sumOfDistricts: { actualFdi: 15 } });
    expect(c.table.rows.at(-1)).toMatchObject({ name: '未分区县', current: { actualFdi: 2 } });
  });

  it('finds records the district breakdown cannot see (a district id with no district row)', async () => {
    const b = await tempBackend();
    const area = createArea(b.ctx.db);
    insertRecords(b.ctx.db, area, [{ period: '2025-03', mode: 'new', actual: 10 }]);
    // only reachable when foreign keys were off (an old tool, a hand edit): the check must still notice
    b.ctx.db.pragma('foreign_keys = OFF');
    b.ctx.db.prepare('UPDATE fdi_record SET district_id = 999').run();
    b.ctx.db.pragma('foreign_keys = ON');
    const c = await call<Consolidation>(b, 'stats.consolidation', { from: '2025-01', to: '2025-06' });
    expect(c.check).toMatchObject({ ok: false, total: { actualFdi: 10 }, sumOfDistricts: { actualFdi: 0 }, difference: { actualFdi: -10 } });
    expect(c.ok).toBe(false);
  });
});
