import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { call, tempBackend } from '../helpers/backend';

type Kpi = { indicator: string; actual: number | null; target: number | null; completion: number | null; prior: number | null; yoy: number | null };

async function cliJson(args: string[]): Promise<{ code: number; value: any }> {
  let out = '';
  const code = await runCli([...args, '--json'], { stdout: (t) => (out += t), stderr: () => undefined });
  return { code, value: JSON.parse(out) };
}

describe('dashboard numbers on the demo data', () => {
  it('the CLI prints the same KPIs the cards get, and targets set from the CLI show on them', async () => {
    const b = await tempBackend({ demo: true });
    const set = await cliJson(['targets', 'set', '--db', b.ctx.dbPath, '--year', '2026', '--indicator', 'contractedFdi', '--value', '150000']);
    expect(set.code).toBe(0);
    expect(set.value).toMatchObject({ indicator: 'contractedFdi', value: 150000 });
    const cards = await call(b, 'dashboard.kpis', { year: 2026, to: '2026-10' });
    const cli = await cliJson(['dashboard', '--db', b.ctx.dbPath, '--year', '2026', '--to', '2026-10']);
    expect(cli.code).toBe(0);
    expect(cli.value.kpis).toEqual(cards.kpis);
    expect(cards.elapsed).toBe(83.3);
    const contracted = cards.kpis.find((k: Kpi) => k.indicator === 'contractedFdi');
    expect(contracted.target).toBe(150000);
    expect(contracted.completion).toBe(Math.round((contracted.actual / 150000) * 1000) / 10);
    const bad = await cliJson(['dashboard', '--db', b.ctx.dbPath, '--year', '2026', '--to', '2025-10']);
    expect(bad.code).toBe(1);
    expect(bad.value.error.code).toBe('INVALID_INPUT');
  });

  it('the cards show the numbers of the stats tables and of `stats --json` for the same months, in the plan’s scope', async () => {
    const b = await tempBackend({ demo: true });
    const report = await call(b, 'dashboard.kpis', { year: 2026, to: '2026-10' });
    const { kpis } = report;
    const card = (indicator: string) => kpis.find((k: Kpi) => k.indicator === indicator) as Kpi;
    // the headline leaves banking, securities and insurance out (专栏1 注), and every card says so
    expect(report).toMatchObject({ scope: 'excl-finance', domesticReinvestment: 'excluded', basis: '不含银行、证券、保险；境内再投资不计入' });
    expect(card('actualFdi')).toMatchObject({ scope: 'excl-finance', domesticReinvestment: 'excluded' });
    const stats = await cliJson(['stats', '--db', b.ctx.dbPath, '--from', '2026-01', '--to', '2026-10', '--scope', 'excl-finance']);
    expect(stats.code).toBe(0);
    const { totals } = stats.value;
    for (const key of ['actualFdi', 'contractedFdi', 'newEnterprises'] as const) {
      expect(card(key)).toMatchObject({ actual: totals[key], prior: totals.prior[key], yoy: totals.yoy[key] });
      expect(card(key).actual).toBeGreaterThan(0);
    }
    expect(card('highTechShare').actual).toBe(totals.highTechShare);
    expect(card('devZoneShare').actual).toBe(totals.devZoneShare);
    expect(card('ftzShare').actual).toBe(totals.ftzShare);
    // the prior shares are the same rule on last year's 总表 for the same months
    const prior = await call(b, 'stats.tables', { from: '2025-01', to: '2025-10', scope: 'excl-finance' });
    const summary = prior.tables.find((t: any) => t.id === 'summary').rows;
    const share = (key: string) => summary.find((r: any) => r.key === key).share.actualFdi;
    expect(card('highTechShare').prior).toBe(share('highTech'));
    expect(card('devZoneShare').prior).toBe(share('devZone'));
    expect(card('ftzShare').prior).toBe(share('ftz'));
    expect(card('ftzShare').yoy).toBe(Math.round((card('ftzShare').actual! - share('ftz')) * 10) / 10);
  });

  it('the charts agree with the cards: the cumulative line ends at the year-to-date actual, sources add up', async () => {
    const b = await tempBackend({ demo: true });
    const { kpis } = await call(b, 'dashboard.kpis', { year: 2026, to: '2026-09' });
    const charts = await call(b, 'dashboard.charts', { year: 2026, to: '2026-09' });
    const actual = kpis.find((k: Kpi) => k.indicator === 'actualFdi');
    expect(charts.total).toBe(actual.actual);
    expect(charts.cumulative.current[8]).toBe(actual.actual);
    expect(charts.cumulative.current.slice(9)).toEqual([null, null, null]);
    expect(charts.cumulative.prior[8]).toBe(actual.prior);
    expect(charts.cumulative.target).toBe(actual.target);
    // earlier points are monthly sums added up: within rounding of the 总表 for January to that month
    const march = (await call(b, 'dashboard.kpis', { year: 2026, to: '2026-03' })).kpis.find((k: Kpi) => k.indicator === 'actualFdi');
    expect(Math.abs(charts.cumulative.current[2] - march.actual)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(charts.cumulative.prior[2] - march.prior)).toBeLessThanOrEqual(0.03);
    expect(charts.cumulative.prior[11]).toBeGreaterThan(charts.cumulative.prior[8]);
    const sum = (xs: { value: number }[]) => xs.reduce((s, x) => s + x.value, 0);
    expect(charts.countries.length).toBe(10);
    expect(sum(charts.countries) + charts.otherCountries).toBeCloseTo(actual.actual, 1);
    expect(sum(charts.sections)).toBeCloseTo(actual.actual, 1);
    expect(sum(charts.districts)).toBeCloseTo(actual.actual, 1);
    const highTech = kpis.find((k: Kpi) => k.indicator === 'highTechShare');
    expect(charts.highTech.share).toBe(highTech.actual);
    expect(charts.pipeline.length).toBe(8);
  });
});

describe('alerts and chain completeness', () => {
  it('lists stale projects, overdue problems and gaps without targets, each pointing at its item', async () => {
    const b = await tempBackend();
    const db = b.ctx.db;
    const now = new Date().toISOString();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const project = db.prepare(
      `INSERT INTO project (name, stage, last_follow_up_date, first_contact_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const stale = Number(project.run('久未跟进项目', 'negotiating', day(-45), day(-100), now, now).lastInsertRowid);
    project.run('刚跟进项目', 'negotiating', day(-3), day(-100), now, now);
    project.run('已投产项目', 'operating', day(-200), day(-400), now, now);
    const never = Number(project.run('从未跟进项目', 'lead', null, day(-31), now, now).lastInsertRowid);
    db.prepare(`INSERT INTO project_issue (project_id, category, description, owner, due_date, status, created_at, updated_at) VALUES (?, 'land', '用地指标', '张三', ?, ?, ?, ?)`).run(never, day(-5), 'open', now, now);
    db.prepare(`INSERT INTO project_issue (project_id, category, description, due_date, status, created_at, updated_at) VALUES (?, 'energy', '已解决', ?, 'resolved', ?, ?)`).run(never, day(-5), now, now);
    const chain = Number(db.prepare(`INSERT INTO chain (name, strong_threshold, created_at, updated_at) VALUES ('新能源汽车', 2, ?, ?)`).run(now, now).lastInsertRowid);
    const seg = db.prepare(`INSERT INTO segment (chain_id, name, tier) VALUES (?, ?, 'upstream')`);
    const strong = Number(seg.run(chain, '电池').lastInsertRowid);
    const weak = Number(seg.run(chain, '电机').lastInsertRowid);
    const missing = Number(seg.run(chain, '芯片').lastInsertRowid);
    seg.run(chain, '软件');
    const firm = db.prepare(`INSERT INTO segment_enterprise (segment_id, company_name, role) VALUES (?, ?, 'backbone')`);
    firm.run(strong, 'A');
    firm.run(strong, 'B');
    firm.run(weak, 'C');
    db.prepare(`INSERT INTO target (segment_id, company, created_at, updated_at) VALUES (?, '某芯片公司', ?, ?)`).run(missing, now, now);

    const alerts = await call(b, 'dashboard.alerts', {});
    expect(alerts.filter((a: any) => a.kind === 'noFollowUp').map((a: any) => [a.id, a.days, a.lastFollowUp])).toEqual([
      [stale, 45, day(-45)],
      [never, 31, null],
    ]);
    expect(alerts.filter((a: any) => a.kind === 'issueOverdue')).toMatchObject([{ id: never, days: 5, category: 'land', owner: '张三' }]);
    expect(alerts.filter((a: any) => a.kind === 'gapWithoutTarget').map((a: any) => [a.id, a.segment, a.segmentStatus])).toEqual([
      [chain, '软件', 'missing'],
      [chain, '电机', 'weak'],
    ]);
    const charts = await call(b, 'dashboard.charts', { year: 2026, to: '2026-03' });
    expect(charts.chains).toEqual([
      expect.objectContaining({ id: chain, segments: 4, strong: 1, weak: 1, missing: 2, completeness: 50 }),
    ]);
    // the gap rule's walk order: missing before weak
    expect(charts.chains[0].gaps.map((g: any) => [g.name, g.targets])).toEqual([
      ['芯片', 1],
      ['软件', 0],
      ['电机', 0],
    ]);
    expect(charts.pipeline.find((p: any) => p.stage === 'negotiating').count).toBe(2);
  });
});
