import { describe, expect, it } from 'vitest';
import { NODE_WIDTH, layoutChain, type LayoutEngine, type LayoutSegment } from '../../shared/chains/layout';
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
