import { describe, expect, it } from 'vitest';
import { LARGE_LANE, NODE_HEIGHT, NODE_WIDTH, layoutChain, type LayoutEngine, type LayoutSegment } from '../../shared/chains/layout';
import { nodeLayoutEngine } from '../../electron/backend/chains/elk';

const TIERS = ['upstream', 'midstream', 'downstream'];

/** Two stages with a small tree each and a link inside one; the middle stage is empty. */
function chain(): { segments: LayoutSegment[]; links: Array<{ fromId: number; toId: number }> } {
  const s = (id: number, parentId: number | null, tier: string): LayoutSegment => ({ id, parentId, tier, x: null, y: null });
  return {
    segments: [s(1, null, 'upstream'), s(2, 1, 'upstream'), s(3, 1, 'upstream'), s(4, null, 'downstream'), s(5, 4, 'downstream'), s(6, 4, 'downstream')],
    links: [{ fromId: 2, toId: 3 }, { fromId: 3, toId: 5 }],
  };
}

describe('chain layout', () => {
  it('puts every stage in its own band, sub-segments right of their parent, and keeps an empty stage', async () => {
    const { segments, links } = chain();
    const layout = await layoutChain(nodeLayoutEngine(), segments, links, TIERS);
    const at = (id: number) => layout.positions.get(id)!;
    expect(layout.computed).toBe(true);
    for (const id of [2, 3]) expect(at(id).x).toBeGreaterThan(at(1).x);
    expect(at(3).x).toBeGreaterThan(at(2).x); // the supply link inside the stage follows the flow
    for (const up of [1, 2, 3]) for (const down of [4, 5, 6]) expect(at(down).x).toBeGreaterThan(at(up).x + NODE_WIDTH);
    const [upstream, midstream, downstream] = layout.lanes;
    expect(midstream!.width).toBeGreaterThanOrEqual(NODE_WIDTH);
    for (const id of [1, 2, 3]) expect(at(id).x + NODE_WIDTH).toBeLessThanOrEqual(upstream!.x + upstream!.width);
    for (const id of [4, 5, 6]) expect(at(id).x).toBeGreaterThanOrEqual(downstream!.x);
  });

  it('keeps saved positions and lays out only the segments without one', async () => {
    const { segments, links } = chain();
    segments[0] = { ...segments[0]!, x: -500, y: 900 };
    const layout = await layoutChain(nodeLayoutEngine(), segments, links, TIERS);
    expect(layout.positions.get(1)).toEqual({ x: -500, y: 900 });
    expect(layout.positions.size).toBe(6);
  });

  it('lays a large stage out as a tree without elkjs: parents left of and level with their sub-segments, nothing overlapping', async () => {
    // a stage of 200: 20 groups of 9 sub-segments, a few with their own, plus supply links and a parent cycle
    const segments: LayoutSegment[] = [];
    for (let g = 0; g < 20; g++) {
      const root = g * 10;
      segments.push({ id: root, parentId: null, tier: 'midstream', x: null, y: null });
      for (let c = 1; c < 10; c++) segments.push({ id: root + c, parentId: c === 9 ? root + 1 : root, tier: 'midstream', x: null, y: null });
    }
    segments.push({ id: 900, parentId: 901, tier: 'midstream', x: null, y: null }, { id: 901, parentId: 900, tier: 'midstream', x: null, y: null });
    expect(segments.length).toBeGreaterThan(LARGE_LANE);
    const refusing: LayoutEngine = { layout: () => Promise.reject(new Error('elkjs must not be asked')) };
    const layout = await layoutChain(refusing, segments, [{ fromId: 3, toId: 55 }], TIERS);
    const at = (id: number) => layout.positions.get(id)!;
    expect(layout.positions.size).toBe(segments.length);
    for (const s of segments) if (s.parentId !== null && s.id < 900) expect(at(s.id).x).toBeGreaterThan(at(s.parentId).x + NODE_WIDTH);
    // a parent sits level with the middle of its sub-segments, which keep their order downwards
    const kids = [1, 2, 3, 4, 5, 6, 7, 8].map(at);
    expect(at(0).y).toBeCloseTo((kids[0]!.y + kids[7]!.y) / 2, 5);
    for (let i = 1; i < kids.length; i++) expect(kids[i]!.y).toBeGreaterThan(kids[i - 1]!.y);
    const boxes = [...layout.positions.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT, `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(false);
      }
    // in its own band, between the empty upstream one and the empty downstream one
    const [, midstream] = layout.lanes;
    for (const p of boxes) expect(p.x).toBeGreaterThanOrEqual(midstream!.x);
  });

  it("the renderer's engine falls back to elkjs in the page where no worker can run, with the same result", async () => {
    expect('Worker' in globalThis).toBe(false); // Node: the case of a policy or a file:// page refusing workers
    // a renderer module (DOM and vite types): imported by a path the Node project's typecheck doesn't follow
    const rendererModule = '../../renderer/src/features/chains/layoutEngine';
    const { layoutEngine } = (await import(rendererModule)) as { layoutEngine: () => Promise<LayoutEngine> };
    const { segments, links } = chain();
    const inPage = await layoutChain(await layoutEngine(), segments, links, TIERS);
    const inNode = await layoutChain(nodeLayoutEngine(), segments, links, TIERS);
    expect([...inPage.positions]).toEqual([...inNode.positions]);
  });
});
