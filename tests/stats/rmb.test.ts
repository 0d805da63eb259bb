import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatsTables } from '../../shared/api/stats';
import { roundReported, roundStored } from '../../shared/rules/money';
import { cnyToWan, findCnyUnit, findUnit } from '../../shared/rules/units';
import { call, tempDir } from '../helpers/backend';
import { commitJob, fdiBackend, importFile, storedRecords } from '../helpers/fdi-backend';
import { makeRecords, writeReturnXlsx, type FixtureRecord } from '../helpers/fdi-fixtures';

/** A return whose amounts are in a 人民币 unit: each record's 万美元 figure times the rate of its month. */
function inYuan(records: FixtureRecord[], rateOf: (period: string) => number, factor: number): FixtureRecord[] {
  return records.map((r) => {
    const rate = rateOf(r.expected.period);
    const contracted = roundReported(r.expected.contractedFdi * rate * factor);
    const actual = roundReported(r.expected.actualFdi * rate * factor);
    return {
      cells: { ...r.cells, contracted, actual },
      expected: { ...r.expected, contractedFdi: roundStored((contracted / factor) / rate), actualFdi: roundStored((actual / factor) / rate) },
    };
  });
}

const RATES: Record<string, number> = { '2025': 7.18, '2025-03': 7.1, '2025-04': 7.25 };
const rateOf = (p: string) => RATES[p] ?? RATES[p.slice(0, 4)]!;

describe('人民币 units', () => {
  it('are found apart from the dollar units, which findUnit alone answers', () => {
    expect(findCnyUnit('实际使用外资（万元）')).toBe('万元');
    expect(findCnyUnit('单位：元')).toBe('元');
    expect(findCnyUnit('金额单位：亿元人民币')).toBe('亿元');
    expect(findCnyUnit('实际使用外资（万美元）')).toBeNull();
    expect(findCnyUnit('单位：百万美元')).toBeNull();
    expect(findUnit('单位：万元')).toBeNull();
    // 1 万元 at 7.2 元 per 美元 is 1/7.2 万美元
    expect(cnyToWan(7.2, '万元', 7.2)).toBe(1);
    expect(cnyToWan(72000, '元', 7.2)).toBe(1);
    expect(cnyToWan(1, '亿元', 8)).toBe(1250);
  });
});

describe('FDI import of a return in 人民币', () => {
  it('converts 万元 by each row’s month at the rate table (a month’s own rate, else its year’s)', async () => {
    const b = await fdiBackend();
    for (const [period, rate] of Object.entries(RATES)) await call(b, 'stats.saveRate', { period, rate, source: '国家外汇管理局公布的人民币汇率中间价月平均' });
    const records = inYuan(makeRecords(30, { seed: 31 }), rateOf, 1);
    const file = await writeReturnXlsx(path.join(tempDir(), '江北区2025年1-9月（人民币）.xlsx'), records, { title: '外资到资情况', headerUnit: '万元' as never });
    const result = await importFile(b, file, { district: '江北区' });
    const batch = result.batches[0]!;
    expect(batch.unit).toBe('万元');
    expect(storedRecords(b, batch.batchId)).toEqual(records.map((r) => r.expected));
  }, 120_000);

  it('refuses the rows of a month without any rate, naming the month and where to set it', async () => {
    const b = await fdiBackend();
    await call(b, 'stats.saveRate', { period: '2025-01', rate: 7.2, source: '测试' });
    const records = inYuan(makeRecords(9, { seed: 5 }), () => 7.2, 10000);
    const file = await writeReturnXlsx(path.join(tempDir(), '江南区.xlsx'), records, { reportingUnit: '江南区商务局', unitLine: '元' as never });
    const state = await commitJob(b, { fileId: b.ctx.files.register(file).fileId });
    expect(state.status).toBe('failed');
    const problems = (state.error as { problems?: Array<{ code: string; message: string; row: number }> }).problems ?? [];
    const missing = problems.filter((p) => p.code === 'RATE_MISSING');
    // every month but January lacks a rate: two amounts per row
    expect(new Set(missing.map((p) => p.row)).size).toBe(records.filter((r) => r.expected.period !== '2025-01').length);
    expect(missing[0]!.message).toMatch(/2025-0\d 的金额以元填报.*汇率/);
  }, 120_000);
});

describe('tables in 亿元人民币', () => {
  it('convert each month at its rate, state the unit, and refuse while a month lacks one', async () => {
    const b = await fdiBackend({ demo: true });
    const refused = await b.dispatch('stats.tables', { from: '2026-01', to: '2026-10', currency: 'cny' });
    expect(!refused.ok && refused.error.code).toBe('RATE_MISSING');
    expect(!refused.ok && refused.error.message).toContain('2025-01至2025-10、2026-01至2026-10');
    for (const year of ['2025', '2026']) await call(b, 'stats.saveRate', { period: year, rate: 7.1, source: '年平均' });
    await call(b, 'stats.saveRate', { period: '2026-03', rate: 7.3, source: '月平均' });
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10', currency: 'cny' });
    expect(t).toMatchObject({ currency: 'cny', unit: '亿元人民币' });
    const sql = (from: string, to: string) =>
      b.ctx.db
        .prepare(
          `SELECT sum(actual_fdi * coalesce((SELECT rate FROM fx_rate WHERE period = r.period), (SELECT rate FROM fx_rate WHERE period = substr(r.period, 1, 4))) / 10000)
           FROM fdi_record r WHERE period BETWEEN ? AND ? AND mode <> 'domestic_reinvestment'`,
        )
        .pluck()
        .get(from, to) as number;
    const total = t.tables[0]!.rows[0]!;
    expect(total.current.actualFdi).toBe(roundReported(sql('2026-01', '2026-10')));
    expect(total.prior.actualFdi).toBe(roundReported(sql('2025-01', '2025-10')));
    // a new rate for a month changes that month's 人民币 figures at once
    await call(b, 'stats.saveRate', { period: '2026-03', rate: 6.0, source: '更正' });
    const again = await call<StatsTables>(b, 'stats.tables', { from: '2026-01', to: '2026-10', currency: 'cny' });
    expect(again.tables[0]!.rows[0]!.current.actualFdi).toBe(roundReported(sql('2026-01', '2026-10')));
    expect(again.tables[0]!.rows[0]!.current.actualFdi).not.toBe(total.current.actualFdi);
    // the records behind a cell add up to it in the same currency
    const records = await call(b, 'stats.records', { from: '2026-01', to: '2026-10', currency: 'cny', pageSize: 1 });
    expect(records).toMatchObject({ unit: '亿元人民币', sums: { actualFdi: again.tables[0]!.rows[0]!.current.actualFdi } });
  });
});
