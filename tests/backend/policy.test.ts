import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Policy, PolicyDetail } from '../../shared/api/policy';
import type { Project, ProjectDetail } from '../../shared/api/projects';
import type { Backend } from '../../electron/backend/create';
import { loadReferenceData } from '../../electron/backend/reference/load';
import { call, tempBackend } from '../helpers/backend';
import { added, edit } from '../helpers/chains';

const REFERENCE = path.resolve(import.meta.dirname, '../../shared/reference');
const csv = (file: string) => parse(fs.readFileSync(path.join(REFERENCE, file), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

const status = (b: Backend, code: string) =>
  (b.ctx.db.prepare("SELECT status, no FROM policy_industry WHERE edition = 'national' AND code = ?").get(code) as { status: string; no: number } | undefined) ?? null;

async function project(b: Backend, name: string, industryCode: string | null): Promise<Project> {
  return (await call<ProjectDetail>(b, 'projects.create', { name, industryCode, stage: 'negotiating' })).project;
}
const listed = async (b: Backend, filter: object = {}) => (await call<{ rows: Project[] }>(b, 'projects.list', { filter, limit: 500 })).rows;

describe('the 2024 negative list as loaded', () => {
  it('holds every measure and mapping of the shipped files, each class a real GB/T 4754 class', async () => {
    const b = await tempBackend();
    const measures = csv('negative-list-2024.csv');
    const classes = csv('negative-list-2024-classes.csv');
    const { measures: loaded, version } = await call<{ version: string; measures: { no: number; text: string; kind: string; classes: { industryCode: string }[] }[] }>(b, 'policy.measures');
    expect(version).toMatch(/2024/);
    expect(loaded.map((m) => [m.no, m.text, m.kind])).toEqual(measures.map((m) => [Number(m.no), m.text, m.kind]));
    expect(loaded.flatMap((m) => m.classes.map((c) => `${m.no}:${c.industryCode}`)).sort()).toEqual(classes.map((c) => `${c.no}:${c.gbt4754_code}`).sort());
    // every measure touches at least one class; mapping_basis says whether it is ours
    expect(loaded.every((m) => m.classes.length > 0)).toBe(true);
    expect(new Set(classes.map((c) => c.mapping_basis))).toEqual(new Set(['text', 'judgement']));
    const level = b.ctx.db.prepare('SELECT level FROM ref_industry WHERE code = ?').pluck();
    expect(classes.filter((c) => level.get(c.gbt4754_code) !== 'class')).toEqual([]);
    // a restriction goes with a restricted measure only
    expect(measures.filter((m) => (m.kind === 'restricted') !== !!m.restriction)).toEqual([]);
  });

  it('gives a class its strongest measure, and a wider code the status all its classes share or partial', async () => {
    const b = await tempBackend();
    expect(status(b, '8610')).toEqual({ status: 'prohibited', no: 23 }); // 新闻业
    expect(status(b, '4414')).toEqual({ status: 'restricted', no: 6 }); // 核力发电
    expect(status(b, '7231')).toEqual({ status: 'partial', no: 14 }); // 律师：中国法律事务 only
    // 6429 is touched partly by a restriction (12) and partly by a prohibition (13): the prohibition leads
    expect(status(b, '6429')).toEqual({ status: 'partial', no: 13 });
    // 8730 is prohibited by two measures: the lower number is shown
    expect(status(b, '8730')).toEqual({ status: 'prohibited', no: 26 });
    expect(status(b, '3670')).toBeNull(); // manufacturing is open since 2024
    expect(status(b, '861')).toEqual({ status: 'prohibited', no: 23 }); // group of one prohibited class
    expect(status(b, '86')).toMatchObject({ status: 'partial' }); // division with open and partial classes
    expect(status(b, 'C')).toBeNull();
  });
});

describe('projects under the negative list', () => {
  it('carry the status and the measure text; prohibited ones are alerts; the list filters by status', async () => {
    const b = await tempBackend();
    const news = await project(b, '外资财经通讯社项目', '8610');
    const nuclear = await project(b, '核电站合资项目', '4414');
    const law = await project(b, '律师事务所项目', '7231');
    const parts = await project(b, '汽车零部件项目', '3670');
    const blank = await project(b, '行业未定项目', null);
    const measure = (no: number): string => csv('negative-list-2024.csv').find((m) => Number(m.no) === no)!.text!;

    expect(news.policy).toEqual({ negativeList: 'prohibited', measure: measure(23), measureNo: 23, restriction: null, encouraged: null, overridden: false } satisfies Policy);
    expect(news.alerts).toContain('prohibited');
    expect(nuclear.policy).toMatchObject({ negativeList: 'restricted', measure: measure(6), restriction: '须由中方控股' });
    expect(nuclear.alerts).not.toContain('prohibited');
    expect(law.policy).toMatchObject({ negativeList: 'partial', measureNo: 14 });
    expect(parts.policy).toMatchObject({ negativeList: null, measure: null });
    expect(blank.policy.negativeList).toBeNull();

    const names = async (filter: object) => (await listed(b, filter)).map((p) => p.name).sort();
    expect(await names({ access: ['prohibited'] })).toEqual([news.name]);
    expect(await names({ access: ['restricted', 'partial'] })).toEqual([law.name, nuclear.name].sort());
    expect(await names({ access: ['open'] })).toEqual([blank.name, parts.name].sort());
    expect(await names({ alerts: ['prohibited'] })).toEqual([news.name]);
    // an edit of the industry moves the status with it
    await call(b, 'projects.update', { id: parts.id, industryCode: '8720' });
    expect(await names({ access: ['prohibited'] })).toEqual([news.name, parts.name].sort());
  });

  it('a restricted measure with an equity cap says the cap', async () => {
    const b = await tempBackend();
    const telecom = await project(b, '增值电信合资项目', '6311');
    expect(telecom.policy).toMatchObject({ negativeList: 'restricted', measureNo: 12, restriction: '外资股比不超过50%' });
  });
});

describe('overrides', () => {
  it('take a reason, replace the computed status, are logged on the project, and can be withdrawn', async () => {
    const b = await tempBackend();
    await call(b, 'settings.setPreferences', { userName: '王科长' });
    const p = await project(b, '律师事务所代表处项目', '7231');
    const refused = await b.dispatch('policy.override', { entity: 'project', id: p.id, status: 'open', reason: '  ' });
    expect(refused.ok ? '' : refused.error.code).toBe('OVERRIDE_REASON_REQUIRED');
    expect(b.ctx.db.prepare('SELECT count(*) FROM policy_override').pluck().get()).toBe(0);

    const judged = await call<PolicyDetail>(b, 'policy.override', { entity: 'project', id: p.id, status: 'prohibited', measureNo: 14, reason: '经营范围含中国法律事务' });
    expect(judged.computed.status).toBe('partial');
    expect(judged.override).toMatchObject({ status: 'prohibited', measureNo: 14, reason: '经营范围含中国法律事务', by: '王科长' });
    expect(judged.effective).toMatchObject({ negativeList: 'prohibited', measureNo: 14, overridden: true });
    const [row] = await listed(b, { access: ['prohibited'] });
    expect(row).toMatchObject({ id: p.id, alerts: expect.arrayContaining(['prohibited']) });

    // judged open: no measure, no alert, out of the prohibited filter
    const open = await call<PolicyDetail>(b, 'policy.override', { entity: 'project', id: p.id, status: 'open', measureNo: 14, reason: '仅从事外国法律事务' });
    expect(open.effective).toEqual({ negativeList: null, measure: null, measureNo: null, restriction: null, encouraged: null, overridden: true });
    expect(await listed(b, { access: ['prohibited'] })).toEqual([]);

    const cleared = await call<PolicyDetail>(b, 'policy.override', { entity: 'project', id: p.id, status: null });
    expect(cleared.override).toBeNull();
    expect(cleared.effective).toMatchObject({ negativeList: 'partial', overridden: false });

    const history = await call<{ action: string; before: any; after: any; user: string }[]>(b, 'projects.history', { id: p.id });
    const overrides = history.filter((h) => h.action === 'override').reverse();
    expect(overrides.map((h) => [h.before.policy?.status ?? null, h.after.policy?.status ?? null])).toEqual([
      [null, 'prohibited'],
      ['prohibited', 'open'],
      ['open', null],
    ]);
    expect(overrides[0]).toMatchObject({ user: '王科长', after: { policy: { reason: '经营范围含中国法律事务' } } });
  });

  it('work for targets (whose industry falls back to their project) and enterprises, and go with them', async () => {
    const b = await tempBackend();
    const chain = await call<{ id: number }>(b, 'chains.create', { name: '文化传媒链' });
    const segment = { id: await added(b, chain.id, { op: 'segment.add', name: '内容制作', tier: 'upstream' }) };
    const cinema = await project(b, '影视制作基地项目', '8730');
    const targetOf = async (id: number) => (await call<{ targets: Array<{ id: number; policy: Policy; industryCode: string | null }> }>(b, 'chains.get', { id: chain.id })).targets.find((t) => t.id === id)!;
    const own = await targetOf(await added(b, chain.id, { op: 'target.add', segmentId: segment.id, company: '某国际电影公司', industryCode: '8760' }));
    expect(own.policy).toMatchObject({ negativeList: 'partial', measureNo: 27 });
    const linked = await targetOf(await added(b, chain.id, { op: 'target.add', segmentId: segment.id, company: '某节目制作公司', projectId: cinema.id }));
    expect(linked).toMatchObject({ industryCode: null, policy: { negativeList: 'prohibited', measureNo: 26 } });
    await call(b, 'policy.override', { entity: 'target', id: own.id, status: 'prohibited', measureNo: 27, reason: '拟设院线公司' });
    const detail = await call<{ targets: { id: number; policy: Policy }[] }>(b, 'chains.get', { id: chain.id });
    expect(detail.targets.find((t) => t.id === own.id)!.policy).toMatchObject({ negativeList: 'prohibited', overridden: true });

    const firm = await call<{ enterprise: { id: number; policy: Policy } }>(b, 'enterprises.create', { name: '某外资医院有限公司', industryCode: '8411' });
    expect(firm.enterprise.policy).toMatchObject({ negativeList: 'restricted', measureNo: 22, restriction: '限于合资' });
    const twin = await call<{ enterprise: { id: number } }>(b, 'enterprises.create', { name: '某外资医院有限公司（重复）', industryCode: '8411' });
    await call(b, 'policy.override', { entity: 'enterprise', id: twin.enterprise.id, status: 'open', reason: '属独资医院扩大开放试点' });

    await edit(b, chain.id, [{ op: 'target.delete', id: own.id }]);
    await call(b, 'enterprises.merge', { keepId: firm.enterprise.id, mergeId: twin.enterprise.id });
    expect(b.ctx.db.prepare('SELECT entity FROM policy_override').pluck().all()).toEqual([]);
  });
});

describe("the bureau's corrections of the mapping", () => {
  it('change statuses, need a reason, are logged, and survive a reload of the shipped list', async () => {
    const b = await tempBackend();
    const p = await project(b, '核燃料加工项目', '2530');
    expect(p.policy.negativeList).toBeNull();
    const refused = await b.dispatch('policy.editMeasureClass', { no: 6, industryCode: '2530', coverage: 'partial', reason: '' });
    expect(refused.ok ? '' : refused.error.code).toBe('OVERRIDE_REASON_REQUIRED');
    const notClass = await b.dispatch('policy.editMeasureClass', { no: 6, industryCode: '253', coverage: 'partial', reason: '试' });
    expect(notClass.ok).toBe(false);

    const edited = await call<{ classes: { industryCode: string; coverage: string; edited: string | null }[] }>(b, 'policy.editMeasureClass', {
      no: 6,
      industryCode: '2530',
      coverage: 'partial',
      reason: '核电站配套燃料项目需一并审查',
    });
    expect(edited.classes.find((c) => c.industryCode === '2530')).toMatchObject({ coverage: 'partial', edited: '核电站配套燃料项目需一并审查' });
    expect((await listed(b, { access: ['partial'] })).map((x) => x.id)).toEqual([p.id]);
    // take a shipped class away
    await call(b, 'policy.editMeasureClass', { no: 23, industryCode: '8610', coverage: 'none', reason: '测试去掉' });
    expect(status(b, '8610')).toBeNull();

    // a new version of the shipped list is loaded: the corrections still apply
    b.ctx.db.prepare("DELETE FROM ref_version WHERE dataset = 'negativeList'").run();
    expect(loadReferenceData(b.ctx.db, REFERENCE)).toEqual(['negativeList']);
    expect(status(b, '2530')).toEqual({ status: 'partial', no: 6 });
    expect(status(b, '8610')).toBeNull();

    // back to the shipped mapping
    await call(b, 'policy.editMeasureClass', { no: 23, industryCode: '8610', coverage: null });
    expect(status(b, '8610')).toEqual({ status: 'prohibited', no: 23 });
    const log = b.ctx.db.prepare("SELECT entity_id, after FROM audit_log WHERE entity = 'negative_measure' ORDER BY id").all() as { entity_id: string; after: string }[];
    expect(log.map((l) => [l.entity_id, JSON.parse(l.after).edit?.coverage ?? null])).toEqual([
      ['national:6', 'partial'],
      ['national:23', 'none'],
      ['national:23', null],
    ]);
  });
});
