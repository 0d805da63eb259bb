import { describe, expect, it } from 'vitest';
import type { ChainDetail, ChainGaps, ChainSummary, SegmentSnapshot } from '../../shared/api/chains';
import { call, tempBackend } from '../helpers/backend';
import { added, edit } from '../helpers/chains';

type Backend = Awaited<ReturnType<typeof tempBackend>>;

async function nevChain(backend: Backend, name = '测试新能源汽车'): Promise<ChainDetail> {
  const chain = await call<ChainSummary>(backend, 'chains.create', { name, template: 'nev' });
  return call<ChainDetail>(backend, 'chains.get', { id: chain.id });
}
const seg = (d: ChainDetail, name: string) => d.segments.find((s) => s.name === name)!;
const gapOf = (g: ChainGaps, name: string) => g.segments.find((s) => s.name === name)!;
const editsOf = (b: Backend, chainId: number) => (b.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'chain_edit' AND entity_id = ?").get(String(chainId)) as { n: number }).n;
const refused = (b: Backend, chainId: number, edits: unknown[]) => b.dispatch('chains.applyEdits', { chainId, edits });
const auditCount = (b: Backend, entity: string) => (b.ctx.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get(entity) as { n: number }).n;

describe('chains: templates and CRUD', () => {
  it('creates a chain from a template with its segments, tiers and supply links, and audits it', async () => {
    const b = await tempBackend();
    const templates = await call<Array<{ key: string; segments: number; note: string }>>(b, 'chains.templates');
    expect(templates.map((t) => t.key)).toEqual(['nev', 'ic', 'biomed']);
    for (const t of templates) expect(t.note).toContain('起点模板');
    const d = await nevChain(b);
    expect(d.segments).toHaveLength(templates[0]!.segments);
    expect(seg(d, '电芯').parentId).toBe(seg(d, '动力电池').id);
    expect(seg(d, '电芯').tier).toBe('midstream');
    expect(seg(d, '正极材料').tier).toBe('upstream');
    expect(d.links.some((l) => l.fromId === seg(d, '正极材料').id && l.toId === seg(d, '电芯').id)).toBe(true);
    expect(d.chain.template).toBe('新能源汽车');
    expect(d.chain.completeness).toBe(0);
    expect(auditCount(b, 'chain')).toBe(1);
    // every template builds (names unique, links resolve)
    await call(b, 'chains.create', { name: '芯片', template: 'ic' });
    await call(b, 'chains.create', { name: '医药', template: 'biomed' });
    expect((await call<ChainSummary[]>(b, 'chains.list')).length).toBe(3);
  });

  it('refuses a duplicate chain name, a duplicate segment name, a parent cycle and a foreign tier', async () => {
    const b = await tempBackend();
    const d = await nevChain(b);
    const dup = await b.dispatch('chains.create', { name: '测试新能源汽车' });
    expect(dup.ok === false && dup.error.code).toBe('CONFLICT');
    const same = await refused(b, d.chain.id, [{ op: 'segment.add', name: '电芯', tier: 'midstream' }]);
    expect(same.ok === false && same.error.code).toBe('CONFLICT');
    const cycle = await refused(b, d.chain.id, [{ op: 'segment.update', id: seg(d, '动力电池').id, parentId: seg(d, '电芯').id }]);
    expect(cycle.ok === false && cycle.error.code).toBe('REFUSED');
    const tier = await refused(b, d.chain.id, [{ op: 'segment.add', name: '新环节', tier: '外太空' }]);
    expect(tier.ok === false && tier.error.code).toBe('INVALID_INPUT');
  });
});

describe('chains: firms, targets, overrides change the gaps', () => {
  it('adding firms moves a segment 缺 → 弱 → 强, and the parent follows', async () => {
    const b = await tempBackend({ demo: true });
    const d = await nevChain(b);
    const id = d.chain.id;
    const cell = seg(d, '电芯').id;
    expect(gapOf(await call(b, 'chains.gaps', { id }), '电芯').status).toBe('missing');
    const enterprise = b.ctx.db.prepare('SELECT id, name FROM enterprise ORDER BY id LIMIT 1').get() as { id: number; name: string };
    const firmId = await added(b, id, { op: 'firm.add', segmentId: cell, enterpriseId: enterprise.id, role: 'supporting' });
    const firm = (await call<ChainDetail>(b, 'chains.get', { id })).firms.find((f) => f.id === firmId)!;
    expect(firm.companyName).toBe(enterprise.name);
    expect(firm.uscc).not.toBeNull();
    let gaps = await call<ChainGaps>(b, 'chains.gaps', { id });
    expect(gapOf(gaps, '电芯')).toMatchObject({ status: 'weak', firms: 1 });
    expect(gapOf(gaps, '动力电池')).toMatchObject({ status: 'weak', firms: 1, parent: null });
    expect(gapOf(gaps, '电芯').parent).toBe('动力电池');
    const dupFirm = await refused(b, id, [{ op: 'firm.add', segmentId: cell, enterpriseId: enterprise.id, role: 'backbone' }]);
    expect(dupFirm.ok === false && dupFirm.error.code).toBe('CONFLICT');
    await edit(b, id, [{ op: 'firm.add', segmentId: cell, companyName: '某电池链主有限公司', role: 'leader' }]);
    gaps = await call<ChainGaps>(b, 'chains.gaps', { id });
    expect(gapOf(gaps, '电芯').status).toBe('strong');
    expect(gapOf(gaps, '电芯').reason).toContain('链主企业“某电池链主有限公司”');
    expect(gapOf(gaps, '动力电池').status).toBe('strong');
    expect(editsOf(b, id)).toBe(2);
  });

  it('targets count under their segment and by status; the contact log keeps the last date', async () => {
    const b = await tempBackend();
    const d = await nevChain(b);
    const target = { id: await added(b, d.chain.id, { op: 'target.add', segmentId: seg(d, '正极材料').id, company: '某正极材料公司', countryCode: 'KOR', priority: 'high', status: 'negotiating' }) };
    await call(b, 'chains.addContact', { targetId: target.id, date: '2026-03-01', notes: '电话沟通' });
    await call(b, 'chains.addContact', { targetId: target.id, date: '2026-05-20', notes: '登门拜访', by: '张伟' });
    const detail = await call<ChainDetail>(b, 'chains.get', { id: d.chain.id });
    expect(detail.targets[0]).toMatchObject({ contacts: 2, lastContact: '2026-05-20', countryCode: 'KOR' });
    const gaps = await call<ChainGaps>(b, 'chains.gaps', { id: d.chain.id });
    expect(gapOf(gaps, '正极材料').targets).toBe(1);
    expect(gapOf(gaps, '电池材料').targets).toBe(1);
    expect(gaps.targetsByStatus.negotiating).toBe(1);
    // one leaf gap has a target; its parent 电池材料 counts it in its subtree but is no gap of its own
    expect(gaps.gaps.withTargets).toBe(1);
    const badCountry = await refused(b, d.chain.id, [{ op: 'target.add', segmentId: seg(d, '正极材料').id, company: 'x', countryCode: 'XXX' }]);
    expect(badCountry.ok === false && badCountry.error.code).toBe('COUNTRY_UNKNOWN');
  });

  it('an override needs a reason, wins, is flagged, and can be cleared', async () => {
    const b = await tempBackend();
    const d = await nevChain(b);
    const s = seg(d, '充电桩').id;
    const empty = await refused(b, d.chain.id, [{ op: 'segment.override', id: s, override: { status: 'strong', reason: '  ' } }]);
    expect(empty.ok === false && empty.error.code).toBe('INVALID_INPUT');
    await edit(b, d.chain.id, [{ op: 'segment.override', id: s, override: { status: 'strong', reason: '运营商已全覆盖' } }]);
    let g = gapOf(await call(b, 'chains.gaps', { id: d.chain.id }), '充电桩');
    expect(g).toMatchObject({ status: 'strong', computedStatus: 'missing', overridden: true });
    expect(g.reason).toContain('运营商已全覆盖');
    await edit(b, d.chain.id, [{ op: 'segment.override', id: s, override: null }]);
    g = gapOf(await call(b, 'chains.gaps', { id: d.chain.id }), '充电桩');
    expect(g).toMatchObject({ status: 'missing', overridden: false });
    expect(editsOf(b, d.chain.id)).toBe(2);
  });
});

describe('chains: delete and undo, copy and paste', () => {
  it('deleting a segment takes its subtree, firms, targets and links; restoring puts back exactly the same', async () => {
    const b = await tempBackend();
    const d0 = await nevChain(b);
    const id = d0.chain.id;
    await edit(b, id, [{ op: 'firm.add', segmentId: seg(d0, '电芯').id, companyName: '甲电池', role: 'backbone' }]);
    const t = { id: await added(b, id, { op: 'target.add', segmentId: seg(d0, '电池包（PACK）').id, company: '乙', status: 'contacted' }) };
    await call(b, 'chains.addContact', { targetId: t.id, date: '2026-01-02', notes: '初次接触' });
    await edit(b, id, [{ op: 'segment.override', id: seg(d0, '电芯').id, override: { status: 'weak', reason: '产能未释放' } }]);
    const before = await call<ChainDetail>(b, 'chains.get', { id });
    const deleted = await edit(b, id, [{ op: 'segments.delete', ids: [seg(before, '动力电池').id] }]);
    const undo = deleted.inverse[0]!;
    if (undo.op !== 'segments.insert') throw new Error(`undo is ${undo.op}`);
    const snapshot = undo.snapshot;
    expect(snapshot.segments.map((s) => s.name).sort()).toEqual(['动力电池', '电池包（PACK）', '电池管理系统（BMS）', '电芯'].sort());
    const after = await call<ChainDetail>(b, 'chains.get', { id });
    expect(after.segments).toHaveLength(before.segments.length - 4);
    expect(after.firms).toHaveLength(0);
    expect(after.targets).toHaveLength(0);
    expect(after.links.length).toBeLessThan(before.links.length);
    await edit(b, id, deleted.inverse);
    const restored = await call<ChainDetail>(b, 'chains.get', { id });
    const strip = (x: ChainDetail) => ({
      segments: x.segments,
      links: x.links.map(({ fromId, toId }) => [fromId, toId]).sort(),
      firms: x.firms,
      targets: x.targets.map(({ updatedAt: _u, ...rest }) => rest),
    });
    expect(strip(restored)).toEqual(strip(before));
    expect(editsOf(b, id)).toBe(5);
  });

  it('pasting copies segments with fresh names and ids, keeps links inside the copy, and no firms', async () => {
    const b = await tempBackend();
    const d = await nevChain(b);
    await edit(b, d.chain.id, [{ op: 'firm.add', segmentId: seg(d, '正极材料').id, companyName: '甲', role: 'backbone' }]);
    const picked = d.segments.filter((s) => ['正极材料', '电芯'].includes(s.name)).map(({ chainId: _c, ...s }) => ({ ...s, x: 10, y: 20 }));
    const snapshot: SegmentSnapshot = { segments: picked, links: [{ fromId: picked[0]!.id, toId: picked[1]!.id }], firms: [], targets: [], projectSegments: [] };
    const result = await edit(b, d.chain.id, [{ op: 'segments.insert', snapshot, mode: 'copy', offset: { x: 40, y: 40 } }]);
    const ids = new Set(result.applied[0]!.ids);
    const out = result.detail.segments.filter((s) => ids.has(s.id));
    expect(out.map((s) => s.name).sort()).toEqual(['正极材料（副本）', '电芯（副本）']);
    expect(out.every((s) => s.x === 50 && s.y === 60)).toBe(true);
    expect(result.detail.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId))).toHaveLength(1);
    expect(result.detail.firms.filter((f) => ids.has(f.segmentId))).toHaveLength(0);
    // the copies keep their original parents (siblings of the originals)
    expect(out.find((s) => s.name === '电芯（副本）')!.parentId).toBe(seg(d, '动力电池').id);
  });
});

describe('chains: demo data', () => {
  it('seeds 新能源汽车 and 集成电路 with register-linked firms, targets in every status, and an override', async () => {
    const b = await tempBackend({ demo: true });
    const list = await call<ChainSummary[]>(b, 'chains.list');
    expect(list.map((c) => c.name).sort()).toEqual(['新能源汽车', '集成电路'].sort());
    const nev = await call<ChainDetail>(b, 'chains.get', { id: list.find((c) => c.name === '新能源汽车')!.id });
    expect(nev.firms.filter((f) => f.enterpriseId !== null).length).toBeGreaterThan(5);
    expect(new Set(nev.targets.map((t) => t.status)).size).toBe(5);
    expect(nev.segments.find((s) => s.name === '充电桩')!.override?.reason).toBeTruthy();
    const gaps = await call<ChainGaps>(b, 'chains.gaps', { name: '新能源汽车' });
    expect(gapOf(gaps, '乘用车').status).toBe('strong');
    expect(gaps.completeness).toBeGreaterThan(0);
    expect(gaps.completeness).toBeLessThan(100);
  });
});
