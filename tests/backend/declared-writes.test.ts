/**
 * Issue 16 items 2–3: every method of the contract either declares the areas it writes or is read-only; a job method
 * declares its result. Called through dispatch on a real database, a writing method emits exactly one change event
 * with its declared areas and the caller's origin (a job's when it finished), adds to the audit log exactly when it
 * declares `audit`, and a read-only method changes no row.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contract, type BackendEvent, type ChangedEvent, type MethodName } from '../../shared/api';
import { DATA_AREAS, type MethodSpec } from '../../shared/api/define';
import { jobStartedSchema } from '../../shared/api/jobs';
import { runJob } from '../../shared/api/run-job';
import { handlers } from '../../electron/backend/api';
import { committingItself } from '../../electron/backend/context';
import type { Backend } from '../../electron/backend/create';
import { call, tempBackend } from '../helpers/backend';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/fdi/sample-fdi-return-2025H1.xlsx');
const specs = Object.entries(contract) as Array<[MethodName, MethodSpec]>;
const spec = (method: MethodName): MethodSpec => contract[method];
const writing = specs.filter(([, s]) => s.writes?.length).map(([name]) => name);

/** Writing methods this file does not call, and where their change is tested. */
const CALLED_ELSEWHERE: Partial<Record<MethodName, string>> = {
  'system.restore': 'system.test.ts: a restore announces every area',
  'fdiImport.consolidate': 'the same job as fdiImport.commit (startCommit), called here',
  'enterprises.importCommit': 'the same job as projects.importCommit (startRegisterImport), called here',
};

describe('the contract declares what each method writes and what each job returns', () => {
  it('a method returning a job id declares its result schema, and only such a method', () => {
    for (const [name, spec] of specs) expect(spec.job !== undefined, name).toBe(spec.output === jobStartedSchema);
  });

  it('declared areas are known data areas, each once', () => {
    for (const [name, spec] of specs) {
      for (const area of spec.writes ?? []) expect(DATA_AREAS, name).toContain(area);
      expect(new Set(spec.writes).size, name).toBe(spec.writes?.length ?? 0);
    }
  });

  it('only a writing method commits its own transactions', () => {
    for (const [name, spec] of specs) if (committingItself(handlers[name])) expect(spec.writes?.length, name).toBeGreaterThan(0);
  });
});

/** Calls a method as `origin` and returns its value with the change events it caused (a job's, once it ended). */
async function observed(b: Backend, method: MethodName, input: unknown) {
  const events: ChangedEvent[] = [];
  const off = b.ctx.events.on((e: BackendEvent) => e.type === 'changed' && events.push(e));
  const audited = () => b.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  const before = audited();
  try {
    let value: unknown;
    if (spec(method).job) {
      const outcome = await runJob({ call: (m, i) => b.dispatch(m, i, { origin: 'tab-1' }), onEvent: (l) => b.ctx.events.on(l) }, method as never, input as never);
      if (outcome.status !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
      value = outcome.result;
    } else {
      const result = await b.dispatch(method, input, { origin: 'tab-1' });
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      value = result.value;
    }
    return { value: value as any, events, audited: audited() > before };
  } finally {
    off();
  }
}

describe('a writing call announces exactly its declared areas', () => {
  it('every writing method, called for real on the demo database', async () => {
    const b = await tempBackend({ demo: true });
    const called = new Set<MethodName>();
    const run = async (method: MethodName, input: unknown) => {
      const { value, events, audited } = await observed(b, method, input);
      called.add(method);
      expect(events, method).toEqual([{ type: 'changed', areas: spec(method).writes, origin: 'tab-1' }]);
      expect(audited, `${method} adds to the audit log`).toBe(spec(method).writes?.includes('audit'));
      return value;
    };

    for (const [method, input] of [
      ['settings.setPreferences', { userName: '李统计' }],
      ['settings.setJurisdiction', { code: '3205' }],
    ] as const)
      await run(method, input);
    const district = await run('settings.saveDistrict', { name: '测试区' });
    await run('settings.deleteDistrict', { id: district.id });
    const platform = await run('settings.savePlatform', { name: '测试园区', type: 'national_etdz' });
    await run('settings.deletePlatform', { id: platform.id });
    await run('dashboard.setTarget', { year: 2026, indicator: 'custom:外资总部', value: 3, label: '外资总部企业', unit: '家', actual: 1 });
    await run('dashboard.deleteTarget', { year: 2026, indicator: 'custom:外资总部' });
    await run('stats.saveSettings', { domesticReinvestment: 'included' });
    await run('stats.saveRate', { period: '2026-03', rate: 7.1, source: '国家外汇管理局中间价月平均' });
    await run('stats.deleteRate', { period: '2026-03' });
    await run('reference.saveList', { list: 'scope:excl-finance', items: [{ code: '66' }], source: '本局口径', version: '2026-01' });

    const created = await run('projects.create', { name: '声明写入测试项目' });
    const id = created.project.id as number;
    await run('projects.update', { id, ownerPerson: '李四' });
    await run('projects.changeStage', { id, stage: 'signed', date: '2026-11-01', note: '' });
    const logged = await run('projects.logEvent', { projectId: id, date: '2026-11-02', kind: 'visit', notes: '上门走访' });
    await run('projects.deleteEvent', { id: logged.events[0].id });
    const raised = await run('projects.raiseIssue', { projectId: id, category: 'land', description: '用地指标未落实', owner: '自然资源局', dueDate: '2026-12-01' });
    await run('projects.updateIssue', { id: raised.issues[0].id, dueDate: '2026-12-10' });
    await run('projects.resolveIssue', { id: raised.issues[0].id, resolution: '已协调', date: '2026-11-10' });
    const view = await run('projects.saveView', { name: '签约', query: { filter: { stages: ['signed'] } } });
    await run('projects.deleteView', { id: view.id });
    await run('policy.override', { entity: 'project', id, status: 'open', reason: '测试认定' });
    const template = await call<{ fileId: string }>(b, 'policy.catalogueTemplate', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(b.ctx.files.get(template.fileId).path);
    book.getWorksheet('鼓励类目录')!.addRow(['全国', '', '七、租赁和商务服务业', '5', '（测试条目）国际会展服务', '']);
    const catalogue = b.ctx.files.saveUpload('目录.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    await run('policy.importCatalogue', { fileId: catalogue.fileId, version: '测试版' });
    const [item] = await call<Array<{ id: number }>>(b, 'policy.searchEncouraged', { limit: 1 });
    await run('policy.chooseEncouraged', { entity: 'project', id, itemId: item!.id });
    await run('policy.editMeasureClass', { no: 23, industryCode: '8610', coverage: 'none', reason: '测试去掉' });
    await run('projects.delete', { id });

    const a = await run('enterprises.create', { name: '声明写入甲有限公司' });
    const twin = await run('enterprises.create', { name: '声明写入乙有限公司' });
    await run('enterprises.update', { id: a.enterprise.id, investor: '甲控股' });
    await run('enterprises.merge', { keepId: a.enterprise.id, mergeId: twin.enterprise.id });

    const chain = await run('chains.create', { name: '声明写入链' });
    await run('chains.update', { id: chain.id, description: '测试' });
    const added = await run('chains.applyEdits', {
      chainId: chain.id,
      edits: [
        { op: 'segment.add', name: '上游', tier: 'upstream' },
        { op: 'segment.add', name: '中游', tier: 'midstream' },
      ],
    });
    const [top, next] = added.applied.map((a: { ids: number[] }) => a.ids[0]!);
    const edited = await run('chains.applyEdits', {
      chainId: chain.id,
      edits: [
        { op: 'segments.move', positions: [{ id: top!, x: 10, y: 10 }] },
        { op: 'link.add', fromId: top!, toId: next! },
        { op: 'segment.override', id: top!, override: { status: 'strong', reason: '已全覆盖' } },
        { op: 'firm.add', segmentId: top!, enterpriseId: a.enterprise.id, role: 'supporting' },
        { op: 'target.add', segmentId: top!, company: '某公司', countryCode: 'KOR', priority: 'high', status: 'negotiating' },
      ],
    });
    const target = edited.applied[4]!.ids[0]!;
    await run('chains.addContact', { targetId: target, date: '2026-03-01', notes: '电话沟通' });
    await run('chains.applyEdits', { chainId: chain.id, edits: edited.inverse });

    // jobs: their areas come when they finished
    const exported = await observed(b, 'chains.export', { chainId: chain.id, format: 'xlsx' });
    expect(exported.events).toEqual([]);
    const workbook = b.ctx.files.saveUpload('链.xlsx', fs.readFileSync(b.ctx.files.get(exported.value.fileId).path));
    const imported = await run('chains.import', { fileId: workbook.fileId, name: '声明写入链（导入）' });
    await run('chains.delete', { id: imported.chainId });
    const projects = await observed(b, 'projects.export', { layout: 'list' });
    const list = b.ctx.files.saveUpload('项目.xlsx', fs.readFileSync(b.ctx.files.get(projects.value.fileId).path));
    expect((await observed(b, 'projects.importCheck', { fileId: list.fileId })).events).toEqual([]);
    await run('projects.importCommit', { fileId: list.fileId });
    const upload = b.ctx.files.saveUpload(path.basename(SAMPLE), fs.readFileSync(SAMPLE));
    const fdi = await run('fdiImport.commit', { fileId: upload.fileId, addUnknown: true, allowPartial: true });
    await run('fdiImport.undo', { batchId: fdi.batches[0].batchId });

    const missed = writing.filter((m) => !called.has(m) && !CALLED_ELSEWHERE[m]);
    expect(missed).toEqual([]);
  }, 120_000);

  it('a refused writing call announces nothing and leaves nothing half-written', async () => {
    const b = await tempBackend({ demo: true });
    const events: BackendEvent[] = [];
    b.ctx.events.on((e) => events.push(e));
    const total = () => b.ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = total();
    const refused = await b.dispatch('settings.deleteDistrict', { id: 999_999 }, { origin: 'tab-1' });
    expect(refused.ok).toBe(false);
    expect(events).toEqual([]);
    expect(total()).toBe(before);
  });

  it('read-only methods change no row and announce nothing', async () => {
    const b = await tempBackend({ demo: true });
    const { project } = await call(b, 'projects.create', { name: '只读测试项目' });
    const events: BackendEvent[] = [];
    b.ctx.events.on((e) => events.push(e));
    const total = () => b.ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = total();
    for (const [method, input] of [
      ['projects.list', {}],
      ['projects.get', { id: project.id }],
      ['projects.history', { id: project.id }],
      ['enterprises.list', {}],
      ['chains.list', {}],
      ['settings.get', {}],
      ['audit.list', { filter: {} }],
      ['policy.get', { entity: 'project', id: project.id }],
      ['dashboard.targets', { year: 2026 }],
    ] as const) {
      expect(spec(method).writes, method).toBeUndefined();
      await call(b, method, input);
    }
    expect(total()).toBe(before);
    expect(events).toEqual([]);
  });
});
