import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../../shared/api/projects';
import { call, tempBackend } from '../helpers/backend';

const DAY = 86400000;
/** A day relative to today (local calendar), as the alerts judge it. */
const day = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) + offset * DAY).toISOString().slice(0, 10);
};
const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset, 1)).toISOString().slice(0, 7);
};

async function setup() {
  const backend = await tempBackend();
  await call(backend, 'settings.setJurisdiction', { code: '3205' });
  await call(backend, 'settings.setPreferences', { userName: '测试员', followUpDays: 30 });
  const settings = await call(backend, 'settings.get');
  return { backend, districtId: settings.districts[0].id as number };
}

describe('projects: create, edit, audit', () => {
  it('creates a project in its first stage, logging the stage and the audit entry with who', async () => {
    const { backend, districtId } = await setup();
    const detail = await call<ProjectDetail>(backend, 'projects.create', {
      name: '东洋精机汽车零部件项目',
      investor: '东洋精机株式会社',
      countryCode: 'JPN',
      industryCode: '3670',
      districtId,
      totalInvestment: 12000.123456,
      contractedFdi: 5000,
      stage: 'negotiating',
      firstContactDate: day(-10),
      plan: [{ period: month(1), amount: 100 }],
    });
    expect(detail.project).toMatchObject({ stage: 'negotiating', countryName: '日本', industryName: '汽车零部件及配件制造', totalInvestment: 12000.1235 });
    expect(detail.stageLog).toEqual([expect.objectContaining({ fromStage: null, toStage: 'negotiating', date: day(-10), by: '测试员' })]);
    expect(detail.plan).toEqual([{ period: month(1), amount: 100 }]);
    const history = await call(backend, 'projects.history', { id: detail.project.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', user: '测试员', entity: 'project', before: null });
    expect(history[0].after).toMatchObject({ name: '东洋精机汽车零部件项目', stage: 'negotiating' });
  });

  it('records only what an edit changes, and nothing when nothing changes', async () => {
    const { backend } = await setup();
    const { project } = await call<ProjectDetail>(backend, 'projects.create', { name: '甲项目', ownerPerson: '张三' });
    await call(backend, 'projects.update', { id: project.id, ownerPerson: '李四', notes: '已对接' });
    await call(backend, 'projects.update', { id: project.id, ownerPerson: '李四' });
    const history = await call(backend, 'projects.history', { id: project.id });
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].before).toEqual({ ownerPerson: '张三', notes: '' });
    expect(history[0].after).toEqual({ ownerPerson: '李四', notes: '已对接' });
  });

  it('refuses unknown references and a reinvestment enterprise on a project that is not reinvestment', async () => {
    const { backend } = await setup();
    const bad = await backend.dispatch('projects.create', { name: '乙', countryCode: 'XXX' });
    expect(bad.ok === false && bad.error.code).toBe('COUNTRY_UNKNOWN');
    const e = await call(backend, 'enterprises.create', { name: '苏州某外资企业有限公司' });
    const refused = await backend.dispatch('projects.create', { name: '乙', reinvestEnterpriseId: e.enterprise.id });
    expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
    const invalidDate = await backend.dispatch('projects.create', { name: '乙', signedDate: '2025-02-30' });
    expect(invalidDate.ok === false && invalidDate.error.code).toBe('INVALID_INPUT');
    expect((await call(backend, 'projects.list', {})).total).toBe(0);
  });

  it('moves a stage with date and who, setting that stage date once', async () => {
    const { backend } = await setup();
    const { project } = await call<ProjectDetail>(backend, 'projects.create', { name: '丙项目', stage: 'negotiating', stageDate: day(-40) });
    const signed = await call<ProjectDetail>(backend, 'projects.changeStage', { id: project.id, stage: 'signed', date: day(-5), note: '市长见证签约' });
    expect(signed.project).toMatchObject({ stage: 'signed', signedDate: day(-5) });
    expect(signed.stageLog.map((s) => [s.fromStage, s.toStage, s.date, s.by, s.note])).toEqual([
      [null, 'negotiating', day(-40), '测试员', ''],
      ['negotiating', 'signed', day(-5), '测试员', '市长见证签约'],
    ]);
    await call(backend, 'projects.changeStage', { id: project.id, stage: 'paused', date: day(-3) });
    const again = await call<ProjectDetail>(backend, 'projects.changeStage', { id: project.id, stage: 'signed', date: day(-1) });
    expect(again.project.signedDate).toBe(day(-5));
    const same = await backend.dispatch('projects.changeStage', { id: project.id, stage: 'signed', date: day(0) });
    expect(same.ok === false && same.error.code).toBe('REFUSED');
    const history = await call(backend, 'projects.history', { id: project.id });
    expect(history.filter((h: { action: string }) => h.action === 'stage')).toHaveLength(3);
  });

  it('deletes a project with an audit entry holding what it was', async () => {
    const { backend } = await setup();
    const { project } = await call<ProjectDetail>(backend, 'projects.create', { name: '丁项目' });
    await call(backend, 'projects.delete', { id: project.id });
    expect((await call(backend, 'projects.list', {})).total).toBe(0);
    const row = backend.ctx.db.prepare(`SELECT before FROM audit_log WHERE action = 'delete' AND entity = 'project'`).get() as { before: string };
    expect(JSON.parse(row.before)).toMatchObject({ name: '丁项目' });
  });
});

describe('projects: follow-up log and problems', () => {
  it('a follow-up moves the last follow-up date forward only, and deleting the latest falls back', async () => {
    const { backend } = await setup();
    const { project } = await call<ProjectDetail>(backend, 'projects.create', { name: '戊项目' });
    await call(backend, 'projects.logEvent', { projectId: project.id, date: day(-3), kind: 'visit', notes: '上门走访' });
    const older = await call<ProjectDetail>(backend, 'projects.logEvent', { projectId: project.id, date: day(-20), kind: 'call' });
    expect(older.project.lastFollowUpDate).toBe(day(-3));
    expect(older.events.map((e) => [e.date, e.kind, e.by])).toEqual([
      [day(-3), 'visit', '测试员'],
      [day(-20), 'call', '测试员'],
    ]);
    const after = await call<ProjectDetail>(backend, 'projects.deleteEvent', { id: older.events[0]!.id });
    expect(after.project.lastFollowUpDate).toBe(day(-20));
    const history = await call(backend, 'projects.history', { id: project.id });
    expect(history.map((h: { entity: string; action: string }) => `${h.entity}:${h.action}`)).toEqual([
      'project_event:delete',
      'project_event:create',
      'project_event:create',
      'project:create',
    ]);
  });

  it('raises, edits and resolves a problem, recording how and when', async () => {
    const { backend } = await setup();
    const { project } = await call<ProjectDetail>(backend, 'projects.create', { name: '己项目' });
    const raised = await call<ProjectDetail>(backend, 'projects.raiseIssue', {
      projectId: project.id,
      category: 'land',
      description: '用地指标未落实',
      owner: '自然资源局',
      dueDate: day(-1),
    });
    const issue = raised.issues[0]!;
    expect(issue).toMatchObject({ status: 'open', overdue: true });
    expect(raised.project.alerts).toContain('overdue');
    const edited = await call<ProjectDetail>(backend, 'projects.updateIssue', { id: issue.id, dueDate: day(10) });
    expect(edited.issues[0]).toMatchObject({ overdue: false, dueDate: day(10) });
    expect(edited.project.alerts).not.toContain('overdue');
    const resolved = await call<ProjectDetail>(backend, 'projects.resolveIssue', { id: issue.id, resolution: '协调会议定调剂指标', date: day(0) });
    expect(resolved.issues[0]).toMatchObject({ status: 'resolved', resolution: '协调会议定调剂指标', resolvedAt: day(0) });
    const twice = await backend.dispatch('projects.resolveIssue', { id: issue.id, resolution: 'x', date: day(0) });
    expect(twice.ok === false && twice.error.code).toBe('REFUSED');
    const history = await call(backend, 'projects.history', { id: project.id });
    expect(history.map((h: { action: string }) => h.action).slice(0, 3)).toEqual(['resolve', 'update', 'create']);
    expect(history[1].before).toEqual({ projectId: project.id, dueDate: day(-1) });
  });
});

describe('projects: alerts', () => {
  it('flags no follow-up for longer than the threshold in 设置, not for finished projects', async () => {
    const { backend } = await setup();
    const stale = await call<ProjectDetail>(backend, 'projects.create', { name: '久未跟进', stage: 'negotiating', firstContactDate: day(-100) });
    await call(backend, 'projects.logEvent', { projectId: stale.project.id, date: day(-31), kind: 'call' });
    const fresh = await call<ProjectDetail>(backend, 'projects.create', { name: '近期跟进', stage: 'negotiating', firstContactDate: day(-100) });
    await call(backend, 'projects.logEvent', { projectId: fresh.project.id, date: day(-29), kind: 'call' });
    await call(backend, 'projects.create', { name: '已投产', stage: 'operating', firstContactDate: day(-400) });
    const list = await call(backend, 'projects.list', { filter: { alerts: ['stale'] } });
    expect(list.rows.map((r: { name: string }) => r.name)).toEqual(['久未跟进']);
    await call(backend, 'settings.setPreferences', { followUpDays: 60 });
    expect((await call(backend, 'projects.list', { filter: { alerts: ['stale'] } })).total).toBe(0);
  });

  it('flags planned arrival ahead of the linked enterprise’s actual FDI, and clears when records arrive', async () => {
    const { backend } = await setup();
    const e = await call(backend, 'enterprises.create', { name: '苏州东洋精机有限公司' });
    const enterpriseId = e.enterprise.id as number;
    const detail = await call<ProjectDetail>(backend, 'projects.create', {
      name: '到资项目',
      stage: 'registered',
      enterpriseId,
      plan: [
        { period: month(-3), amount: 100 },
        { period: month(-2), amount: 100 },
        { period: month(1), amount: 500 },
      ],
    });
    expect(detail.arrival).toEqual({ asOf: month(-1), planTotal: 700, plannedToDate: 200, actualToDate: 0 });
    expect(detail.project.alerts).toContain('arrival');
    // a record before the plan's first month belongs to something else and does not count
    const insert = backend.ctx.db.prepare(
      `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, actual_fdi, created_at) VALUES (?, ?, '苏州东洋精机有限公司', 'increase', ?, '')`,
    );
    insert.run(month(-6), enterpriseId, 1000);
    insert.run(month(-2), enterpriseId, 150);
    let again = await call<ProjectDetail>(backend, 'projects.get', { id: detail.project.id });
    expect(again.arrival.actualToDate).toBe(150);
    expect(again.project.alerts).toContain('arrival');
    insert.run(month(-1), enterpriseId, 50);
    again = await call<ProjectDetail>(backend, 'projects.get', { id: detail.project.id });
    expect(again.arrival.actualToDate).toBe(200);
    expect(again.project.alerts).not.toContain('arrival');
    expect((await call(backend, 'projects.list', { filter: { alerts: ['arrival'] } })).total).toBe(0);
    // moving the plan earlier puts it behind again (the plan's own trigger marks it for a fresh look)
    await call(backend, 'projects.update', { id: detail.project.id, plan: [{ period: month(-3), amount: 300 }] });
    expect((await call(backend, 'projects.list', { filter: { alerts: ['arrival'] } })).rows.map((r: { id: number }) => r.id)).toEqual([detail.project.id]);
  });

  it('a reinvestment project counts the reinvesting enterprise’s records from the plan’s first month', async () => {
    const { backend } = await setup();
    const e = await call(backend, 'enterprises.create', { name: '苏州某精密有限公司' });
    const insert = backend.ctx.db.prepare(
      `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, actual_fdi, created_at) VALUES (?, ?, 'x', 'profit_reinvestment', ?, '')`,
    );
    insert.run(month(-2), e.enterprise.id, 80);
    const detail = await call<ProjectDetail>(backend, 'projects.create', {
      name: '利润再投资扩产项目',
      stage: 'signed',
      reinvestment: true,
      reinvestEnterpriseId: e.enterprise.id,
      plan: [{ period: month(-2), amount: 80 }],
    });
    expect(detail.arrival.actualToDate).toBe(80);
    expect(detail.project.alerts).not.toContain('arrival');
    expect(detail.project.reinvestEnterpriseName).toBe('苏州某精密有限公司');
  });
});

describe('projects: list filters, sorting, paging, saved views', () => {
  it('filters by every field and pages without overlap', async () => {
    const { backend, districtId } = await setup();
    const settings = await call(backend, 'settings.get');
    const other = settings.districts[1].id;
    const names: string[] = [];
    for (let i = 0; i < 25; i++) {
      const name = `项目${String(i).padStart(2, '0')}`;
      names.push(name);
      await call(backend, 'projects.create', {
        name,
        stage: i % 2 ? 'signed' : 'lead',
        districtId: i % 3 ? districtId : other,
        countryCode: i % 5 ? 'JPN' : 'DEU',
        industryCode: i % 4 ? '3670' : '6513',
        contractedFdi: i * 10,
        ownerPerson: i < 5 ? '王芳' : '',
        reinvestment: i === 7,
        notes: i === 11 ? '含有100%_特殊字符' : '',
      });
    }
    const names$ = async (filter: object, sort = { field: 'name', order: 'asc' }) =>
      (await call(backend, 'projects.list', { filter, sort, limit: 500 })).rows.map((r: { name: string }) => r.name);
    expect(await names$({ stages: ['signed'] })).toHaveLength(12);
    expect(await names$({ districtIds: [other] })).toHaveLength(9);
    expect(await names$({ countryCodes: ['DEU'] })).toEqual(['项目00', '项目05', '项目10', '项目15', '项目20']);
    expect(await names$({ industryCode: 'I' })).toHaveLength(7);
    expect(await names$({ industryCode: '36' })).toHaveLength(18);
    expect(await names$({ owner: '王芳' })).toHaveLength(5);
    expect(await names$({ reinvestment: true })).toEqual(['项目07']);
    expect(await names$({ text: '100%_' })).toEqual(['项目11']);
    expect(await names$({ text: '%' })).toEqual(['项目11']);
    expect(await names$({}, { field: 'contractedFdi', order: 'desc' })).toEqual([...names].reverse());
    const pages: string[] = [];
    for (let offset = 0; offset < 25; offset += 7) {
      const page = await call(backend, 'projects.list', { sort: { field: 'stage', order: 'asc' }, offset, limit: 7 });
      expect(page.total).toBe(25);
      pages.push(...page.rows.map((r: { name: string }) => r.name));
    }
    expect(new Set(pages).size).toBe(25);
    expect(pages.slice(0, 13).every((n) => Number(n.slice(2)) % 2 === 0)).toBe(true);
  });

  it('saves, replaces and deletes views', async () => {
    const { backend } = await setup();
    await call(backend, 'projects.saveView', { name: '签约未开工', query: { filter: { stages: ['signed'] } } });
    const replaced = await call(backend, 'projects.saveView', { name: '签约未开工', query: { filter: { stages: ['signed', 'registered'] }, sort: { field: 'name', order: 'asc' } } });
    const views = await call(backend, 'projects.listViews');
    expect(views).toEqual([{ id: replaced.id, name: '签约未开工', query: { filter: { stages: ['signed', 'registered'] }, sort: { field: 'name', order: 'asc' } } }]);
    await call(backend, 'projects.deleteView', { id: replaced.id });
    expect(await call(backend, 'projects.listViews')).toEqual([]);
  });

  it('the demo has projects in every stage, with each kind of alert', async () => {
    const backend = await tempBackend({ demo: true });
    const all = await call(backend, 'projects.list', { limit: 500 });
    expect(all.total).toBeGreaterThanOrEqual(50);
    expect(new Set(all.rows.map((r: { stage: string }) => r.stage)).size).toBe(8);
    expect(all.rows.some((r: { reinvestment: boolean; reinvestEnterpriseId: number | null }) => r.reinvestment && r.reinvestEnterpriseId)).toBe(true);
    for (const alert of ['stale', 'overdue', 'arrival']) {
      expect((await call(backend, 'projects.list', { filter: { alerts: [alert] } })).total, alert).toBeGreaterThan(0);
    }
  });
});
