import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChainDetail, ChainSummary } from '../../shared/api/chains';
import { chainPicture, completenessLine } from '../../shared/chains/picture';
import { posterContent, type PosterContent } from '../../shared/chains/poster-content';
import { layoutPoster, type PosterLayout } from '../../shared/chains/poster-layout';
import { renderPosterSvg } from '../../shared/chains/poster-svg';
import { shortCompanyName, textWidth, wrapText } from '../../shared/chains/text';
import { analyseChain } from '../../shared/rules/gap';
import { call, tempBackend } from '../helpers/backend';

/** The demo 新能源汽车 chain (45 segments, firms, targets with countries) from a real demo database. */
async function demoChain(): Promise<ChainDetail> {
  const b = await tempBackend({ demo: true });
  const list = await call<ChainSummary[]>(b, 'chains.list');
  return call<ChainDetail>(b, 'chains.get', { id: list.find((c) => c.name === '新能源汽车')!.id });
}
const analysisOf = (d: ChainDetail) => analyseChain({ segments: d.segments, firms: d.firms, targets: d.targets, threshold: d.chain.threshold, tiers: d.chain.tiers });
const countries: Record<string, string> = { KOR: '韩国', SWE: '瑞典', JPN: '日本', HKG: '中国香港' };

/** Boxes overlap when they share more than a hair of area. */
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x + a.w > b.x + 0.5 && b.x + b.w > a.x + 0.5 && a.y + a.h > b.y + 0.5 && b.y + b.h > a.y + 0.5;

function expectSound(layout: PosterLayout, content: PosterContent, bounds: { width: number; height: number }) {
  const ids = content.columns.flatMap((c) => c.cards.flatMap((card) => [card.head, ...card.items].map((i) => i.segmentId)));
  expect([...layout.rows.keys()].sort()).toEqual([...ids].sort());
  const rows = [...layout.rows.values()];
  for (const r of rows) {
    // the whole name, wrapped, never cut; each line inside its row
    expect(r.nameLines.join('').replace(/\s/g, '')).toBe(r.item.name.replace(/\s/g, ''));
    for (const line of r.nameLines) expect(textWidth(line, layout.metrics.font)).toBeLessThanOrEqual(r.w);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.w).toBeLessThanOrEqual(bounds.width);
    expect(r.y + r.h).toBeLessThanOrEqual(layout.height);
  }
  for (let i = 0; i < layout.cards.length; i++) for (let j = i + 1; j < layout.cards.length; j++) expect(overlap(layout.cards[i]!, layout.cards[j]!)).toBe(false);
}

describe('poster text', () => {
  it('wraps without losing a character, within the width, keeping closing punctuation off a line start', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('电', '池', '（', '）', '、', 'A', 'b', '1', ' ', '/'), maxLength: 60 }), fc.integer({ min: 40, max: 300 }), (text, width) => {
        const lines = wrapText(text, width, 16);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const line of lines) {
          // a line may run over only by the punctuation kept with it, or when one character is wider than the box
          if ([...line].length > 2) expect(textWidth(line.replace(/[）、]+$/, ''), 16)).toBeLessThanOrEqual(width);
        }
        for (const line of lines.slice(1)) expect(line).not.toMatch(/^[）、]/);
      }),
    );
    expect(wrapText('功率半导体（IGBT/SiC）', 120, 16)).toEqual(['功率半导体', '（IGBT/SiC）']);
  });

  it('shortens company names as posters print them, and never to nothing', () => {
    expect(shortCompanyName('苏州星驰新能源汽车有限公司')).toBe('苏州星驰新能源汽车');
    expect(shortCompanyName('新科先进封装（新加坡）私人有限公司')).toBe('新科先进封装（新加坡）');
    expect(shortCompanyName('南方锂业集团有限公司')).toBe('南方锂业集团');
    expect(shortCompanyName('有限公司')).toBe('有限公司');
  });
});

describe('poster content', () => {
  it('has a column per stage, a card per top-level segment holding its sub-segments, leaders and targets by name', async () => {
    const d = await demoChain();
    const a = analysisOf(d);
    const content = posterContent(d, a, { countryName: (c) => countries[c] ?? c });
    expect(content.columns.map((c) => c.label)).toEqual(['上游', '中游', '下游']);
    const cards = content.columns.flatMap((c) => c.cards);
    expect(cards).toHaveLength(d.segments.filter((s) => s.parentId === null).length);
    const vehicles = cards.find((c) => c.head.name === '整车制造')!;
    expect(vehicles.items.map((i) => i.name)).toEqual(['乘用车', '商用车', '专用车']);
    expect(vehicles.items[0]!.firms).toBe('链主 苏州星驰新能源汽车');
    const cathode = cards.flatMap((c) => c.items).find((i) => i.name === '正极材料')!;
    expect(cathode).toMatchObject({ status: 'missing', isLeaf: true, firms: '' });
    expect(cathode.targets).toBe('招商目标 凯斯特先进材料（韩国）、北欧锂材集团（瑞典）');
    // a name that already says where the firm is from does not say it twice
    const sensors = cards.flatMap((c) => c.items).find((i) => i.name === '车载传感器')!;
    expect(sensors.targets).toBe('招商目标 博瑞传感技术（香港）');
    // the stage's counts are its leaves', as completeness counts them
    const leaves = content.columns.map((c) => c.counts);
    expect(leaves.every((l) => /^缺 \d+ · 弱 \d+ · 强 \d+$/.test(l))).toBe(true);
    expect(completenessLine(a)).toBe(`完整度 ${a.completeness!.toFixed(1)}%：35 个末级环节中 ${a.leavesCovered} 个已有本地企业（缺 ${a.leafStatus.missing} · 弱 ${a.leafStatus.weak} · 强 ${a.leafStatus.strong}）`);
  });

  it('keeps a segment placed in another stage than its parent, one in a stage of its own, and one in a parent cycle', async () => {
    const d = await demoChain();
    const battery = d.segments.find((s) => s.name === '电芯')!;
    const pack = d.segments.find((s) => s.name === '电池包（PACK）')!;
    const moved: ChainDetail = {
      ...d,
      segments: d.segments.map((s) =>
        s.id === battery.id ? { ...s, tier: 'downstream' } : s.id === pack.id ? { ...s, tier: '回收利用' } : s,
      ),
    };
    const content = posterContent(moved, analysisOf(moved));
    expect(content.columns.map((c) => c.tier)).toEqual(['upstream', 'midstream', 'downstream', '回收利用']);
    expect(content.columns[2]!.cards.some((c) => c.head.name === '电芯')).toBe(true);
    expect(content.columns[3]!.cards.map((c) => c.head.name)).toEqual(['电池包（PACK）']);
    const cycle: ChainDetail = { ...d, segments: d.segments.map((s) => (s.id === battery.id ? { ...s, parentId: pack.id } : s.id === pack.id ? { ...s, parentId: battery.id } : s)) };
    const all = posterContent(cycle, analysisOf(cycle)).columns.flatMap((c) => c.cards.flatMap((card) => [card.head, ...card.items]));
    expect(all).toHaveLength(d.segments.length);
  });
});

describe('poster layout', () => {
  it('fits the demo chain on a 1366×768 meeting screen with names of at least 15 px, using its width and height', async () => {
    const d = await demoChain();
    const content = posterContent(d, analysisOf(d));
    const layout = layoutPoster(content, { width: 1366, height: 650 });
    expect(layout.fits).toBe(true);
    expect(layout.metrics.font).toBeGreaterThanOrEqual(15);
    expect(layout.height).toBe(650);
    expectSound(layout, content, { width: 1366, height: 650 });
    const right = Math.max(...layout.cards.map((c) => c.x + c.w));
    const bottom = Math.max(...layout.cards.map((c) => c.y + c.h));
    expect(right).toBeGreaterThan(1366 * 0.95);
    expect(bottom).toBeGreaterThan(650 * 0.8);
    // a bigger screen gets bigger type
    expect(layoutPoster(content, { width: 1920, height: 950 }).metrics.font).toBeGreaterThan(layout.metrics.font);
  });

  it('grows taller than asked rather than cut or shrink names below the least size', async () => {
    const d = await demoChain();
    const content = posterContent(d, analysisOf(d));
    const layout = layoutPoster(content, { width: 700, height: 300 });
    expect(layout.fits).toBe(false);
    expect(layout.metrics.font).toBe(15);
    expect(layout.height).toBeGreaterThan(300);
    expectSound(layout, content, { width: 700, height: layout.height });
  });
});

describe('poster picture', () => {
  it('draws every segment with its whole name, dims all but the one in focus, and escapes text', async () => {
    const d = await demoChain();
    const a = analysisOf(d);
    const renamed: ChainDetail = { ...d, segments: d.segments.map((s) => (s.name === '隔膜' ? { ...s, name: '隔膜 <&> "测试"' } : s)) };
    const content = posterContent(renamed, a);
    const layout = layoutPoster(content, { width: 1366, height: 650 });
    const svg = renderPosterSvg(layout, { links: content.links });
    expect(svg.match(/data-segment="/g)).toHaveLength(d.segments.length);
    expect(svg).toContain('隔膜 &lt;&amp;&gt; &quot;测试&quot;');
    const name = /data-name="功率半导体（IGBT\/SiC）"[^]*?<text data-role="name"[^>]*>(.*?)<\/text>/.exec(svg)![1]!;
    expect(name.replace(/<[^>]+>/g, '')).toBe('功率半导体（IGBT/SiC）');
    const focusId = d.segments.find((s) => s.name === '正极材料')!.id;
    const focused = renderPosterSvg(layout, { links: content.links, focusId });
    expect(focused.match(/opacity="0.22"/g)).toHaveLength(d.segments.length - 1);
    expect(focused).toMatch(new RegExp(`data-segment="${focusId}"[^>]*style`));
  });

  it('exports on a 16:9 or an A4 landscape page with the title, completeness and how it is computed', async () => {
    const d = await demoChain();
    const a = analysisOf(d);
    const wide = chainPicture(d, a, { page: 'wide', today: new Date(2026, 10, 15) });
    expect([wide.width, wide.height]).toEqual([1920, 1080]);
    expect(wide.svg).toContain('新能源汽车产业链招商图谱');
    expect(wide.svg).toContain('导出日期：2026-11-15');
    expect(wide.svg).toContain(completenessLine(a));
    const a4 = chainPicture(d, a, { page: 'a4' });
    expect([a4.width, a4.height]).toEqual([1684, 1191]);
  });
});
