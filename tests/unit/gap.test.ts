import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseChain, statusFromFirms, type GapFirmInput, type GapSegmentInput, type GapTargetInput } from '../../shared/rules/gap';

const seg = (id: number, name: string, parentId: number | null = null, tier = 'upstream', override: GapSegmentInput['override'] = null): GapSegmentInput => ({
  id,
  parentId,
  name,
  tier,
  override,
});
const firm = (segmentId: number, companyName: string, role: GapFirmInput['role'] = 'supporting', enterpriseId: number | null = null): GapFirmInput => ({
  segmentId,
  companyName,
  role,
  enterpriseId,
});
const byId = (a: ReturnType<typeof analyseChain>, id: number) => a.segments.find((s) => s.segmentId === id)!;

describe('gap rule: one segment', () => {
  it('no firm is missing, below the threshold weak, at the threshold strong', () => {
    expect(statusFromFirms(0, false, 3)).toBe('missing');
    expect(statusFromFirms(2, false, 3)).toBe('weak');
    expect(statusFromFirms(3, false, 3)).toBe('strong');
    expect(statusFromFirms(1, true, 3)).toBe('strong');
  });

  it('says why, in Chinese, with the numbers that decided it', () => {
    const a = analyseChain({
      segments: [seg(1, '电池'), seg(2, '正极', 1), seg(3, '负极', 1), seg(4, '电解液')],
      firms: [firm(2, '甲'), firm(3, '乙')],
      targets: [],
    });
    expect(byId(a, 1).status).toBe('weak');
    expect(byId(a, 1).reason).toBe('本环节及下级共有 2 家本地企业，少于强链阈值 3 家，且无链主');
    expect(byId(a, 2).reason).toBe('本环节共有 1 家本地企业，少于强链阈值 3 家，且无链主');
    expect(byId(a, 4).status).toBe('missing');
    expect(byId(a, 4).reason).toBe('本环节尚无本地企业');
  });

  it('a 链主 makes a segment strong whatever the count, and is named in the reason', () => {
    const a = analyseChain({ segments: [seg(1, '整车')], firms: [firm(1, '某汽车', 'leader')], targets: [] });
    expect(byId(a, 1).status).toBe('strong');
    expect(byId(a, 1).leaders).toEqual(['某汽车']);
    expect(byId(a, 1).reason).toBe('本环节有链主企业“某汽车”，共 1 家本地企业');
  });

  it('reaching the threshold is strong and says so', () => {
    const a = analyseChain({ segments: [seg(1, '电机')], firms: [firm(1, 'a'), firm(1, 'b'), firm(1, 'c')], targets: [] });
    expect(byId(a, 1).status).toBe('strong');
    expect(byId(a, 1).reason).toBe('本环节共有 3 家本地企业，达到强链阈值 3 家');
  });
});

describe('gap rule: sub-segments', () => {
  it('a parent counts the firms of all its descendants, a child does not count its parent', () => {
    const a = analyseChain({
      segments: [seg(1, '动力电池'), seg(2, '电芯', 1), seg(3, '材料', 2), seg(4, '隔膜', 3)],
      firms: [firm(4, '隔膜一'), firm(4, '隔膜二'), firm(2, '电芯一')],
      targets: [],
    });
    expect(byId(a, 1).firms).toBe(3);
    expect(byId(a, 1).status).toBe('strong');
    expect(byId(a, 3).firms).toBe(2);
    expect(byId(a, 3).status).toBe('weak');
    expect(byId(a, 2).ownFirms).toBe(1);
  });

  it('a 链主 in a sub-segment makes the parent strong too', () => {
    const a = analyseChain({ segments: [seg(1, '整车'), seg(2, '乘用车', 1)], firms: [firm(2, '链主车企', 'leader')], targets: [] });
    expect(byId(a, 1).status).toBe('strong');
    expect(byId(a, 1).reason).toContain('本环节及下级有链主企业“链主车企”');
  });

  it('the same firm listed in a segment and its child counts once (by register id or by name)', () => {
    const a = analyseChain({
      segments: [seg(1, '电池'), seg(2, '电芯', 1)],
      firms: [firm(1, '甲公司', 'backbone', 7), firm(2, '甲公司（重复）', 'supporting', 7), firm(1, '乙 公司'), firm(2, '乙公司')],
      targets: [],
    });
    expect(byId(a, 1).firms).toBe(2);
    expect(byId(a, 1).status).toBe('weak');
  });

  it('a threshold set on the chain changes the outcome', () => {
    const input = { segments: [seg(1, 'x')], firms: [firm(1, 'a'), firm(1, 'b')], targets: [] };
    expect(byId(analyseChain({ ...input, threshold: 2 }), 1).status).toBe('strong');
    expect(byId(analyseChain({ ...input, threshold: 5 }), 1).reason).toContain('少于强链阈值 5 家');
    expect(analyseChain({ ...input }).threshold).toBe(3);
    expect(analyseChain({ ...input, threshold: 0 }).threshold).toBe(1);
  });

  it('survives a parent cycle in bad data', () => {
    const a = analyseChain({ segments: [seg(1, 'a', 2), seg(2, 'b', 1)], firms: [firm(1, 'f')], targets: [] });
    expect(byId(a, 1).firms).toBe(1);
    expect(byId(a, 2).firms).toBe(1);
    // both have a sub-segment, so neither is a leaf: no gap to walk, no completeness
    expect(a.gapOrder).toEqual([]);
    expect(a.completeness).toBeNull();
  });
});

describe('gap rule: overrides', () => {
  it('an override with a reason wins, is flagged, and keeps the rule’s own verdict', () => {
    const a = analyseChain({
      segments: [seg(1, '芯片', null, 'upstream', { status: 'strong', reason: '省级重大项目已签约，年内投产' })],
      firms: [firm(1, '一家')],
      targets: [],
    });
    const s = byId(a, 1);
    expect(s.status).toBe('strong');
    expect(s.computedStatus).toBe('weak');
    expect(s.overridden).toBe(true);
    expect(s.overrideReason).toBe('省级重大项目已签约，年内投产');
    expect(s.reason).toBe('人工认定为“强”：省级重大项目已签约，年内投产（按规则为“弱”：本环节共有 1 家本地企业，少于强链阈值 3 家，且无链主）');
    expect(a.gaps.total).toBe(0);
  });

  it('an override without a written reason is ignored', () => {
    const a = analyseChain({ segments: [seg(1, 'x', null, 'upstream', { status: 'strong', reason: '  ' })], firms: [], targets: [] });
    expect(byId(a, 1).status).toBe('missing');
    expect(byId(a, 1).overridden).toBe(false);
  });

  it('overriding a leaf to missing lowers completeness', () => {
    const a = analyseChain({
      segments: [seg(1, 'a'), seg(2, 'b', null, 'upstream', { status: 'missing', reason: '唯一企业已停产' })],
      firms: [firm(1, 'f'), firm(2, 'g')],
      targets: [],
    });
    expect(a.completeness).toBe(50);
  });
});

describe('gap rule: the chain', () => {
  const segments = [
    seg(1, '上游材料', null, 'upstream'),
    seg(2, '正极材料', 1, 'upstream'),
    seg(3, '负极材料', 1, 'upstream'),
    seg(4, '隔膜', 1, 'upstream'),
    seg(5, '电池包', null, 'midstream'),
    seg(6, '整车', null, 'downstream'),
  ];
  const firms = [firm(2, 'a'), firm(5, 'b', 'leader'), firm(6, 'c'), firm(6, 'd'), firm(6, 'e')];
  const targets: GapTargetInput[] = [
    { segmentId: 3, status: 'contacted' },
    { segmentId: 3, status: 'untouched' },
    { segmentId: 2, status: 'landed' },
  ];
  const a = analyseChain({ segments, firms, targets, tiers: ['upstream', 'midstream', 'downstream'] });

  it('completeness is the share of leaves not missing, one decimal, from the leaf counts beside it', () => {
    // leaves: 2 (weak), 3 (missing), 4 (missing), 5 (strong), 6 (strong) → 3/5
    expect(a.leaves).toBe(5);
    expect(a.leavesCovered).toBe(3);
    expect(a.leafStatus).toEqual({ strong: 2, weak: 1, missing: 2 });
    expect(a.completeness).toBe(60);
    const third = analyseChain({ segments: segments.slice(1, 4), firms: [firm(2, 'x')], targets: [] });
    expect(third.completeness).toBe(33.3);
    expect(analyseChain({ segments: [], firms: [], targets: [] }).completeness).toBeNull();
  });

  it('counts leaf gaps with and without targets, and targets by status; a parent is no gap of its own', () => {
    // leaf gaps: 2 (weak, 1 target), 3 (missing, 2 targets), 4 (missing, none); 1 is weak, but as their roll-up
    expect(byId(a, 1).status).toBe('weak');
    expect(a.gaps).toEqual({ total: 3, missing: 2, weak: 1, withTargets: 2, withoutTargets: 1 });
    expect(a.gaps.missing + a.gaps.weak + a.leafStatus.strong).toBe(a.leaves);
    expect(a.targetsByStatus).toEqual({ untouched: 1, contacted: 1, negotiating: 0, signed: 0, landed: 1 });
    expect(byId(a, 1).targets).toBe(3);
    expect(byId(a, 1).ownTargets).toBe(0);
  });

  it('walks the leaf gaps 缺 first, then 弱, each by tier and tree order', () => {
    expect(a.gapOrder).toEqual([3, 4, 2]);
  });

  it('every status carries a reason; the counts never contradict the status (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('leader', 'backbone', 'supporting'), fc.integer({ min: 0, max: 5 })), { maxLength: 30 }),
        fc.array(fc.integer({ min: -1, max: 8 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (firmRows, parents, threshold) => {
          // parent of segment i is an earlier segment or none: always a forest
          const segs = parents.map((p, i) => seg(i, `s${i}`, p >= 0 && p < i ? p : null));
          const fs = firmRows.map(([s, role, e]) => firm(s, `f${e}`, role as GapFirmInput['role']));
          const r = analyseChain({ segments: segs, firms: fs, targets: [], threshold });
          for (const g of r.segments) {
            expect(g.reason.length).toBeGreaterThan(0);
            if (g.firms === 0) expect(g.status).toBe('missing');
            else if (g.leaders.length > 0 || g.firms >= threshold) expect(g.status).toBe('strong');
            else expect(g.status).toBe('weak');
            const parent = segs[g.segmentId]!.parentId;
            if (parent !== null) expect(byId(r, parent).firms).toBeGreaterThanOrEqual(g.firms);
          }
          // one definition: every count is over the leaves, and completeness follows from them
          expect(r.leafStatus.strong + r.leafStatus.weak + r.leafStatus.missing).toBe(r.leaves);
          expect(r.gaps.total).toBe(r.leafStatus.weak + r.leafStatus.missing);
          expect(r.completeness).toBe(Math.round(((r.leaves - r.leafStatus.missing) / r.leaves) * 1000) / 10);
        },
      ),
    );
  });
});
