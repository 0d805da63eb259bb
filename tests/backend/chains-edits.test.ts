/**
 * `chains.applyEdits` on a real SQLite file: a list of edits in one call and one transaction, refused as a whole with
 * the edit named, audited as one entry, and answered with the edits that undo it — which put the chain back exactly,
 * positions, ids, contact logs and project placements included, and whose own undo puts the edit back.
 */
import { describe, expect, it } from 'vitest';
import type { ChainDetail, ChainEdit, ChainSummary } from '../../shared/api/chains';
import { call, tempBackend } from '../helpers/backend';
import { edit } from '../helpers/chains';

type Backend = Awaited<ReturnType<typeof tempBackend>>;

/** Everything a chain holds that an edit may change, bookkeeping times left out. */
function state(b: Backend, d: ChainDetail) {
  const { updatedAt: _u, ...chain } = d.chain;
  const contacts = b.ctx.db
    .prepare('SELECT c.target_id AS targetId, c.date, c.notes, c.by FROM target_contact c JOIN target t ON t.id = c.target_id JOIN segment s ON s.id = t.segment_id WHERE s.chain_id = ? ORDER BY c.target_id, c.id')
    .all(d.chain.id);
  const placements = b.ctx.db
    .prepare('SELECT ps.project_id AS p, ps.segment_id AS s FROM project_segment ps JOIN segment s ON s.id = ps.segment_id WHERE s.chain_id = ? ORDER BY 1, 2')
    .all(d.chain.id);
  const byId = <T extends { id: number }>(xs: T[]) => [...xs].sort((a, c) => a.id - c.id);
  return {
    chain,
    segments: byId(d.segments),
    links: byId(d.links),
    firms: byId(d.firms),
    targets: byId(d.targets.map(({ updatedAt: _t, ...t }) => ({ ...t, id: t.id }))),
    projects: [...d.projects].sort((a, c) => a.segmentId - c.segmentId || a.projectId - c.projectId),
    contacts,
    placements,
  };
}

const get = (b: Backend, id: number) => call<ChainDetail>(b, 'chains.get', { id });
const auditEntries = (b: Backend, chainId: number) =>
  (b.ctx.db.prepare("SELECT after FROM audit_log WHERE entity = 'chain_edit' AND entity_id = ? ORDER BY id").pluck().all(String(chainId)) as string[]).map(
    (a) => JSON.parse(a) as { operation: string; changes: string; edits: ChainEdit[]; inverse: ChainEdit[] },
  );

async function demoChain(b: Backend): Promise<ChainDetail> {
  const list = await call<ChainSummary[]>(b, 'chains.list');
  return get(b, list.find((c) => c.name === '新能源汽车')!.id);
}

describe('chains.applyEdits', () => {
  it('applies every kind of edit in one call; its inverse puts the chain back exactly, and the inverse of that redoes it', async () => {
    const b = await tempBackend({ demo: true });
    const d0 = await demoChain(b);
    const id = d0.chain.id;
    const byName = (d: ChainDetail, name: string) => d.segments.find((s) => s.name === name)!;
    // a subtree with firms, targets (with contact logs) and a project placed in it goes in the delete
    const placed = d0.projects[0]!;
    const deleted = d0.segments.find((s) => s.id === placed.segmentId)!;
    const withTarget = d0.targets.find((t) => t.segmentId !== deleted.id && t.contacts > 0)!;
    const firm = d0.firms.find((f) => f.segmentId !== deleted.id && f.segmentId !== withTarget.segmentId)!;
    const otherFirm = d0.firms.find((f) => f.id !== firm.id && f.segmentId !== deleted.id)!;
    const link = d0.links.find((l) => l.fromId !== deleted.id && l.toId !== deleted.id)!;
    const [a, c] = d0.segments.filter((s) => s.id !== deleted.id && s.parentId !== deleted.id && !d0.links.some((l) => l.fromId === s.id || l.toId === s.id));
    const moved = d0.segments.filter((s) => s.id !== deleted.id).slice(0, 3);
    const leaf = d0.segments.find((s) => s.id !== deleted.id && s.parentId !== null && s.parentId !== deleted.id)!;
    const edits: ChainEdit[] = [
      { op: 'segment.add', name: '固态电池', parentId: null, tier: 'upstream', x: 12.5, y: -40 },
      { op: 'segment.update', id: leaf.id, name: `${leaf.name}（改）`, tier: 'downstream', notes: '拖入下游' },
      { op: 'segment.override', id: leaf.id, override: { status: 'weak', reason: '产能未释放' } },
      { op: 'segments.move', positions: [...moved.map((s, i) => ({ id: s.id, x: 100 + i, y: 200 - i })), { id: a!.id, x: null, y: null }] },
      { op: 'segments.delete', ids: [deleted.id] },
      { op: 'link.delete', id: link.id },
      { op: 'link.add', fromId: a!.id, toId: c!.id },
      { op: 'firm.add', segmentId: a!.id, companyName: '甲电池科技有限公司', role: 'backbone', notes: '新增' },
      { op: 'firm.update', id: otherFirm.id, segmentId: otherFirm.segmentId, enterpriseId: otherFirm.enterpriseId, companyName: otherFirm.companyName, role: 'leader', notes: '升为链主' },
      { op: 'firm.delete', id: firm.id },
      { op: 'target.add', segmentId: a!.id, company: '乙材料株式会社', countryCode: 'JPN', priority: 'high', status: 'contacted' },
      { op: 'target.update', id: withTarget.id, segmentId: withTarget.segmentId, company: withTarget.company, countryCode: withTarget.countryCode, status: 'negotiating', priority: 'low' },
      { op: 'target.delete', id: withTarget.id },
      {
        op: 'segments.insert',
        mode: 'copy',
        offset: { x: 40, y: 40 },
        snapshot: { segments: [{ ...byName(d0, c!.name), parentId: null }].map(({ chainId: _c, ...s }) => s), links: [], firms: [], targets: [], projectSegments: [] },
      },
    ];
    // a project placed (项目库 → 产业链环节) in the deleted segment and in one of its sub-segments
    const child = d0.segments.find((s) => s.parentId === deleted.id);
    const project = b.ctx.db.prepare('SELECT id FROM project ORDER BY id LIMIT 1').pluck().get() as number;
    for (const s of [deleted, child]) if (s) b.ctx.db.prepare('INSERT OR IGNORE INTO project_segment (project_id, segment_id) VALUES (?, ?)').run(project, s.id);
    const before = state(b, await get(b, id));
    expect(before.placements.length).toBeGreaterThan(0);
    const done = await edit(b, id, edits, '一次编辑');
    expect(done.applied.map((x) => x.op)).toEqual(edits.map((e) => e.op));
    expect(state(b, done.detail)).toEqual(state(b, await get(b, id)));
    const after = state(b, done.detail);
    expect(after.segments.find((s) => s.name === '固态电池')).toMatchObject({ x: 12.5, y: -40, tier: 'upstream' });
    expect(after.segments.find((s) => s.id === a!.id)).toMatchObject({ x: null, y: null });
    expect(after.segments.find((s) => s.id === leaf.id)).toMatchObject({ tier: 'downstream', override: { status: 'weak' } });
    expect(after.placements.some((p) => (p as { s: number }).s === deleted.id)).toBe(false);
    expect(after.targets.some((t) => t.id === withTarget.id)).toBe(false);

    const undone = await edit(b, id, done.inverse, '撤销：一次编辑');
    expect(state(b, undone.detail)).toEqual(before);

    const redone = await edit(b, id, undone.inverse, '重做：一次编辑');
    expect(state(b, redone.detail)).toEqual(after);
    // and back once more: the step taken from the redo undoes it as well
    expect(state(b, (await edit(b, id, redone.inverse)).detail)).toEqual(before);

    // one audit entry per call, holding the edits and their inverse, named in words
    const audit = auditEntries(b, id);
    expect(audit).toHaveLength(4);
    expect(audit.map((e) => e.operation).slice(0, 3)).toEqual(['一次编辑', '撤销：一次编辑', '重做：一次编辑']);
    expect(audit[0]!.edits).toHaveLength(edits.length);
    expect(audit[1]!.edits).toEqual(done.inverse);
    expect(audit[0]!.changes).toContain('新增环节“固态电池”');
    expect(audit[0]!.changes).toContain(`删除环节“${deleted.name}”`);
    const row = (await call<{ rows: Array<{ area: string; entityName: string; subject: string }> }>(b, 'audit.list', { filter: { areas: ['chains'] }, offset: 0, limit: 1 })).rows[0];
    expect(row).toMatchObject({ area: 'chains', entityName: '产业链图谱编辑', subject: '新能源汽车' });
  });

  it('refuses the whole list when one edit is refused, naming that edit, and changes nothing', async () => {
    const b = await tempBackend({ demo: true });
    const d0 = await demoChain(b);
    const before = state(b, d0);
    const audit = auditEntries(b, d0.chain.id).length;
    const leaf = d0.segments.find((s) => s.parentId !== null)!;
    const result = await b.dispatch('chains.applyEdits', {
      chainId: d0.chain.id,
      edits: [
        { op: 'segment.add', name: '新环节一', tier: 'upstream' },
        { op: 'firm.add', segmentId: leaf.id, companyName: '丙公司', role: 'supporting' },
        { op: 'segments.move', positions: [{ id: leaf.id, x: 1, y: 2 }] },
        { op: 'segment.update', id: leaf.id, tier: '外太空' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain(`第 4 项修改（修改环节“${leaf.name}”`);
    expect(result.error.message).toMatch(/不是本产业链的环节位置/);
    expect(state(b, await get(b, d0.chain.id))).toEqual(before);
    expect(auditEntries(b, d0.chain.id)).toHaveLength(audit);

    // an undo applied twice: what it would put back is there already
    const deleted = await edit(b, d0.chain.id, [{ op: 'segments.delete', ids: [leaf.id] }]);
    await edit(b, d0.chain.id, deleted.inverse);
    const twice = await b.dispatch('chains.applyEdits', { chainId: d0.chain.id, edits: deleted.inverse });
    expect(twice.ok === false && twice.error.code).toBe('CONFLICT');
    expect(twice.ok === false && twice.error.message).toContain(`第 1 项修改（恢复环节“${leaf.name}”`);
  });

  it("refuses an edit that reaches into another chain's segments", async () => {
    const b = await tempBackend({ demo: true });
    const [one, other] = await call<ChainSummary[]>(b, 'chains.list');
    const foreign = (await get(b, other!.id)).segments[0]!;
    for (const e of [
      { op: 'segments.move', positions: [{ id: foreign.id, x: 0, y: 0 }] },
      { op: 'segments.delete', ids: [foreign.id] },
      { op: 'segment.update', id: foreign.id, notes: 'x' },
      { op: 'firm.add', segmentId: foreign.id, companyName: '丁', role: 'supporting' },
    ]) {
      const r = await b.dispatch('chains.applyEdits', { chainId: one!.id, edits: [e] });
      expect(r.ok === false && r.error.code, e.op).toBe('INVALID_INPUT');
    }
    expect((await get(b, other!.id)).segments[0]).toEqual(foreign);
  });
});
