import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsRow, StatsTables } from '../../shared/api/stats';
import type { DomesticReinvestmentRule, FdiMode, StatsScope } from '../../shared/domain/fdi';
import { roundReported, yoyPercent } from '../../shared/rules/money';
import { seededRandom } from '../../electron/backend/demo/random';
import type { Db } from '../../electron/backend/db/open';
import type { Backend } from '../../electron/backend/create';
import { call } from '../helpers/backend';
import { createBackend } from '../../electron/backend/create';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createArea, insertRecords, type RecordSpec } from './fixture';

/**
 * The standard tables against an independent computation: plain SQL over fdi_record written here, not the summary the
 * tables read, under each scope, 口径 of 境内再投资 and comparable or not. The data has banking, securities and
 * insurance records, both kinds of reinvestment (some enterprises with a foreign share, some without), firms set up
 * over two months (one across the year boundary), records without a district, and a district (南区) with records this
 * year but none the year before.
 */

const INDUSTRIES = ['3670', '2710', '6311', '6621', '6712', '6811', '6930', '7320', null];
const COUNTRIES = ['HKG', 'SGP', 'TLS', 'DEU', null];
const MODES: FdiMode[] = ['new', 'increase', 'merger', 'profit_reinvestment', 'domestic_reinvestment'];

function dataset(): RecordSpec[] {
  const rng = seededRandom(14);
  const specs: RecordSpec[] = [];
  for (let i = 0; i < 160; i++) {
    const year = rng.next() < 0.5 ? 2024 : 2025;
    const district = year === 2024 ? rng.pick(['东区', '西区', null]) : rng.pick(['东区', '西区', '南区', null]);
    specs.push({
      period: `${year}-${String(rng.int(1, 8)).padStart(2, '0')}`,
      mode: rng.pick(MODES),
      enterprise: `企业${rng.int(0, 50)}`,
      contracted: rng.int(0, 5000) / 100,
      actual: rng.int(0, 3000) / 100,
      industry: rng.pick(INDUSTRIES),
      country: rng.pick(COUNTRIES),
      district,
      platform: rng.next() < 0.3 ? '东区经开区' : null,
    });
  }
  // set up over the year boundary: new in 2024-12, again in 2025-02 — counts as new in 2024 only
  specs.push({ period: '2024-12', mode: 'new', enterprise: '跨年企业', actual: 3, industry: '3670', district: '东区' });
  specs.push({ period: '2025-02', mode: 'new', enterprise: '跨年企业', actual: 4, industry: '6621', district: '东区' });
  return specs;
}

interface Query {
  from: string;
  to: string;
  scope: StatsScope;
  rule: DomesticReinvestmentRule;
  comparable: boolean;
}

const prior = (p: string) => `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`;

/** Sums by a grouping expression over the records `r`, as the definitions say, written without the summary. */
function expected(db: Db, q: Query, period: 'cur' | 'prior', group: string): Map<string, { n: number; c: number; a: number }> {
  const [from, to] = period === 'cur' ? [q.from, q.to] : [prior(q.from), prior(q.to)];
  const conditions = ['r.period BETWEEN @from AND @to'];
  if (q.scope === 'excl-finance') conditions.push("NOT (r.industry_code IS NOT NULL AND substr(r.industry_code, 1, 2) IN ('66', '67', '68'))");
  if (q.rule === 'excluded') conditions.push("r.mode <> 'domestic_reinvestment'");
  if (q.comparable) {
    const has = (f: string, t: string) => `SELECT DISTINCT coalesce(district_id, 0) FROM fdi_record WHERE period BETWEEN '${f}' AND '${t}'`;
    conditions.push(`coalesce(r.district_id, 0) IN (${has(q.from, q.to)} INTERSECT ${has(prior(q.from), prior(q.to))})`);
  }
  const weight =
    q.rule === 'byForeignShare'
      ? "CASE WHEN r.mode = 'domestic_reinvestment' THEN coalesce((SELECT foreign_share FROM enterprise e WHERE e.id = r.enterprise_id), 0) / 100.0 ELSE 1 END"
      : '1';
  // new: the enterprise's first 新设 record of all (by month, then by record), when it falls in the range
  const first = `r.mode = 'new' AND NOT EXISTS (SELECT 1 FROM fdi_record x WHERE x.mode = 'new'
    AND coalesce(x.enterprise_id, -x.id) = coalesce(r.enterprise_id, -r.id) AND (x.period < r.period OR (x.period = r.period AND x.id < r.id)))`;
  const rows = db
    .prepare(
      `SELECT ${group} AS k, sum(CASE WHEN ${first} THEN 1 ELSE 0 END) AS n, sum(r.contracted_fdi * ${weight}) AS c, sum(r.actual_fdi * ${weight}) AS a
       FROM fdi_record r WHERE ${conditions.join(' AND ')} GROUP BY 1`,
    )
    .all({ from, to }) as Array<{ k: string | number | null; n: number; c: number; a: number }>;
  return new Map(rows.map((r) => [String(r.k), { n: r.n, c: roundReported(r.c), a: roundReported(r.a) }]));
}

function rowsOf(t: StatsTables, id: string): StatsRow[] {
  return t.tables.find((x) => x.id === id)!.rows;
}

function expectRow(row: StatsRow | undefined, cur: { n: number; c: number; a: number } | undefined, pri: { n: number; c: number; a: number } | undefined, what: string) {
  const zero = { n: 0, c: 0, a: 0 };
  const [x, y] = [cur ?? zero, pri ?? zero];
  expect(row, what).toBeDefined();
  expect(row!.current, `${what} current`).toEqual({ newEnterprises: x.n, contractedFdi: x.c, actualFdi: x.a });
  expect(row!.prior, `${what} prior`).toEqual({ newEnterprises: y.n, contractedFdi: y.c, actualFdi: y.a });
}

describe('stats.tables under each scope, 口径 and comparable, against plain SQL over the records', () => {
  let b: Backend;
  let db: Db;
  let area: ReturnType<typeof createArea>;
  let districtName: Map<number, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdi-definitions-'));
  // one database for every case: built once (the cases only read)
  beforeAll(async () => {
    b = await createBackend({ dbPath: path.join(dir, 'test.db'), create: true, workDir: path.join(dir, 'work'), log: () => undefined });
    db = b.ctx.db;
    area = createArea(db, ['东区', '西区', '南区']);
    insertRecords(db, area, dataset());
    // foreign shares on some of the enterprises with 境内再投资; the others count 0 under byForeignShare
    const ids = db.prepare("SELECT DISTINCT enterprise_id FROM fdi_record WHERE mode = 'domestic_reinvestment' ORDER BY enterprise_id").pluck().all() as number[];
    ids.forEach((id, i) => i % 3 !== 2 && db.prepare('UPDATE enterprise SET foreign_share = ? WHERE id = ?').run(20 + 15 * (i % 5), id));
    districtName = new Map([[0, '未分区县'], ...Object.entries(area.districts).map(([name, id]) => [id, name] as [number, string])]);
  });
  afterAll(() => {
    b?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: Query[] = [];
  for (const scope of ['all', 'excl-finance'] as const)
    for (const rule of ['excluded', 'included', 'byForeignShare'] as const)
      for (const comparable of [false, true]) cases.push({ from: '2025-01', to: '2025-08', scope, rule, comparable });

  it.each(cases)('$scope / $rule / comparable $comparable', async (q) => {
    const t = await call<StatsTables>(b, 'stats.tables', { from: q.from, to: q.to, scope: q.scope, comparable: q.comparable, domesticReinvestment: q.rule });
    expect(t).toMatchObject({ scope: q.scope, comparable: q.comparable, domesticReinvestment: q.rule, unit: '万美元' });
    const total = (p: 'cur' | 'prior') => expected(db, q, p, "'all'").get('all');
    for (const table of t.tables) expectRow(table.rows[0], total('cur'), total('prior'), `${table.id} 合计`);
    const sections = (p: 'cur' | 'prior') => expected(db, q, p, "coalesce((SELECT section FROM ref_industry WHERE code = r.industry_code), 'none')");
    for (const row of rowsOf(t, 'industry').filter((r) => r.key.startsWith('section:'))) {
      const k = row.key.slice('section:'.length);
      expectRow(row, sections('cur').get(k), sections('prior').get(k), row.key);
    }
    const countries = (p: 'cur' | 'prior') => expected(db, q, p, "coalesce(r.country_code, 'none')");
    for (const row of rowsOf(t, 'country').filter((r) => r.key.startsWith('country:'))) {
      const k = row.key.slice('country:'.length);
      expectRow(row, countries('cur').get(k), countries('prior').get(k), row.key);
    }
    const districts = (p: 'cur' | 'prior') => expected(db, q, p, 'coalesce(r.district_id, 0)');
    for (const row of rowsOf(t, 'district').filter((r) => r.key.startsWith('district:'))) {
      const k = row.key === 'district:none' ? '0' : row.key.slice('district:'.length);
      expectRow(row, districts('cur').get(k), districts('prior').get(k), row.key);
    }
    // the mode table shows every mode; 境内再投资 outside the total (附) when the 口径 leaves it out
    const modes = (p: 'cur' | 'prior') => expected(db, { ...q, rule: q.rule === 'excluded' ? 'included' : q.rule }, p, 'r.mode');
    for (const row of rowsOf(t, 'mode').filter((r) => r.key.startsWith('mode:'))) {
      const k = row.key.slice('mode:'.length);
      expectRow(row, modes('cur').get(k), modes('prior').get(k), row.key);
      expect(row.role).toBe(k === 'domestic_reinvestment' && q.rule === 'excluded' ? 'memo' : 'item');
    }
    // coverage: 南区 has records this year only
    expect(t.coverage.missingPrior).toEqual(['南区']);
    const expectedCurrent = (db.prepare("SELECT DISTINCT coalesce(district_id, 0) FROM fdi_record WHERE period BETWEEN '2025-01' AND '2025-08'").pluck().all() as number[]).map((d) => districtName.get(d));
    expect([...t.coverage.current].sort()).toEqual([...expectedCurrent].sort());
    if (q.comparable) expect(rowsOf(t, 'district').find((r) => r.key === `district:${area.districts['南区']}`)!.current.actualFdi).toBe(0);
    expect(t.basis).toContain(q.scope === 'all' ? '全口径' : '不含银行、证券、保险');
    expect(t.districtCheck.ok).toBe(true);
  });

  it('counts the 境内再投资 records without a foreign share (0 under byForeignShare) and says how many', async () => {
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-08', domesticReinvestment: 'byForeignShare' });
    const none = db
      .prepare(
        `SELECT count(*) FROM fdi_record r JOIN enterprise e ON e.id = r.enterprise_id
         WHERE r.mode = 'domestic_reinvestment' AND e.foreign_share IS NULL AND r.period BETWEEN '2025-01' AND '2025-08'`,
      )
      .pluck()
      .get() as number;
    expect(none).toBeGreaterThan(0);
    expect(t.domesticWithoutShare).toBe(none);
  });

  it('follows the setting when a call does not say, and 同比 on a comparable basis equals the like-for-like figure', async () => {
    await call(b, 'stats.saveSettings', { domesticReinvestment: 'included' });
    const t = await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-08', comparable: true });
    expect(t.domesticReinvestment).toBe('included');
    const q: Query = { from: '2025-01', to: '2025-08', scope: 'all', rule: 'included', comparable: true };
    const [cur, pri] = [expected(db, q, 'cur', "'all'").get('all')!, expected(db, q, 'prior', "'all'").get('all')!];
    const total = rowsOf(t, 'summary')[0]!;
    expect(total.yoy.actualFdi).toBe(yoyPercent(cur.a, pri.a));
    expect(total.yoy.actualFdi).not.toBe(rowsOf(await call<StatsTables>(b, 'stats.tables', { from: '2025-01', to: '2025-08' }), 'summary')[0]!.yoy.actualFdi);
    await call(b, 'stats.saveSettings', { domesticReinvestment: 'excluded' });
  });
});
