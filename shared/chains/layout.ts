import type { ElkNode } from 'elkjs/lib/elk-api';

/**
 * The chain map's layout: layered left → right (elkjs), one swimlane per stage of the chain (上游 → 中游 → 下游), so
 * every upstream segment sits left of every midstream one. Sub-segments follow their parent (tree edges), supply
 * links inside a lane follow the flow. Runs the same in Node (CLI and exports) and in the renderer, each with its own
 * elkjs: in-process in Node, a Web Worker in the renderer (so a big chain never freezes the window).
 */

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;
export const LANE_PADDING = 24;
/** Room above the nodes for the lane titles. */
export const LANE_HEADER = 56;

export interface LayoutSegment {
  id: number;
  parentId: number | null;
  tier: string;
  x: number | null;
  y: number | null;
}

export interface Lane {
  tier: string;
  x: number;
  width: number;
}

export interface ChainLayout {
  positions: Map<number, { x: number; y: number }>;
  lanes: Lane[];
  width: number;
  height: number;
  /** Whether elkjs ran (some segment had no saved position). */
  computed: boolean;
}

/** What runs elkjs: `new ELK()` from elkjs itself, in-process or worker-backed. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * Above this many segments a lane is laid out as a plain tree (treeLane), not by elkjs: elkjs's layered layout of a
 * 170-segment lane took most of a second of a 500-segment chain's first opening (its first call in a page compiles
 * its code), and in a lane that size its untangling of supply links no longer shows; the tree does in a millisecond.
 */
export const LARGE_LANE = 120;
/** Room between a parent and its sub-segments, and between neighbours, as elkjs lays them out. */
const LAYER_GAP = 56;
const NODE_GAP = 18;

/**
 * The elkjs graph of one lane: its segments, their sub-segment tree and the supply links between them. Exported for
 * the renderer, which warms its elkjs worker on a made-up lane with exactly these settings.
 */
export function laneGraph(lane: LayoutSegment[], links: Array<{ fromId: number; toId: number }>): ElkNode {
  const ids = new Set(lane.map((s) => s.id));
  return {
    id: 'lane',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(NODE_GAP),
      // one column of trees per lane, not components packed into a grid
      'elk.separateConnectedComponents': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      // the editor draws its own edges: elkjs's cheapest routing, and no room between layers reserved for routes
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.thoroughness': '4',
    },
    children: lane.map((s) => ({ id: `${s.id}`, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: [
      ...lane.filter((s) => s.parentId !== null && ids.has(s.parentId)).map((s) => ({ id: `t${s.id}`, sources: [`${s.parentId}`], targets: [`${s.id}`] })),
      ...links.filter((l) => ids.has(l.fromId) && ids.has(l.toId) && l.fromId !== l.toId).map((l, i) => ({ id: `l${i}`, sources: [`${l.fromId}`], targets: [`${l.toId}`] })),
    ],
  };
}

/**
 * A lane as a tidy tree, in the shape elkjs answers in: each top-level segment's tree below the one before (in the
 * lane's order), sub-segments one column right of their parent and stacked in order, a parent level with the middle
 * of its sub-segments. Supply links do not move anything (the editor draws them). A parent cycle in bad data is cut.
 */
export function treeLane(lane: LayoutSegment[]): ElkNode {
  const ids = new Set(lane.map((s) => s.id));
  const children = new Map<number, number[]>();
  for (const s of lane) if (s.parentId !== null && ids.has(s.parentId) && s.parentId !== s.id) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);
  const placed = new Map<number, { x: number; y: number }>();
  let bottom = 0;
  let depthMax = 0;
  /** Places a subtree below `bottom`; returns the y of its root. */
  const place = (id: number, depth: number): number => {
    placed.set(id, { x: depth * (NODE_WIDTH + LAYER_GAP), y: 0 });
    depthMax = Math.max(depthMax, depth);
    const kids = (children.get(id) ?? []).filter((c) => !placed.has(c));
    let y: number;
    if (kids.length === 0) {
      y = bottom;
      bottom += NODE_HEIGHT + NODE_GAP;
    } else {
      const ys = kids.map((c) => place(c, depth + 1));
      y = (ys[0]! + ys[ys.length - 1]!) / 2;
    }
    placed.get(id)!.y = y;
    return y;
  };
  const roots = lane.filter((s) => s.parentId === null || !ids.has(s.parentId) || s.parentId === s.id);
  for (const s of [...roots, ...lane]) if (!placed.has(s.id)) place(s.id, 0);
  return {
    id: 'lane',
    width: (depthMax + 1) * NODE_WIDTH + depthMax * LAYER_GAP,
    height: Math.max(0, bottom - NODE_GAP),
    children: lane.map((s) => ({ id: `${s.id}`, width: NODE_WIDTH, height: NODE_HEIGHT, ...placed.get(s.id)! })),
  };
}

/**
 * Positions from elkjs (or, for a large lane, treeLane) for every segment, ignoring saved ones. Each stage is laid out on its own (its sub-segment
 * tree and the supply links inside it), then the lanes are put side by side: the same swimlanes as one partitioned
 * graph, at a fraction of the cost — links across lanes would make elkjs route hundreds of long edges for nothing,
 * since the editor draws them itself.
 */
export async function autoLayout(
  engine: LayoutEngine,
  segments: LayoutSegment[],
  links: Array<{ fromId: number; toId: number }>,
  tiers: readonly string[],
): Promise<Map<number, { x: number; y: number }>> {
  const known = new Set(tiers);
  const lanes = [...tiers, ''].map((tier) => segments.filter((s) => (tier ? s.tier === tier : !known.has(s.tier))));
  // all lanes handed over at once: a worker-backed engine works through them without waiting on this thread
  const results = await Promise.all(lanes.map((lane) => (lane.length > LARGE_LANE ? treeLane(lane) : lane.length ? engine.layout(laneGraph(lane, links)) : null)));
  const positions = new Map<number, { x: number; y: number }>();
  let laneX = 0;
  results.forEach((result, i) => {
    if (!result) {
      if (i < tiers.length) laneX += NODE_WIDTH + 2 * LANE_PADDING; // an empty stage keeps its band
      return;
    }
    for (const child of result.children ?? []) positions.set(Number(child.id), { x: laneX + LANE_PADDING + (child.x ?? 0), y: LANE_HEADER + (child.y ?? 0) });
    laneX += (result.width ?? NODE_WIDTH) + 2 * LANE_PADDING;
  });
  return positions;
}

/** Lanes from where the nodes are: each stage's band spans its nodes; neighbours meet half-way between them. */
export function lanesFor(segments: LayoutSegment[], positions: Map<number, { x: number; y: number }>, tiers: readonly string[]): { lanes: Lane[]; width: number; height: number } {
  const extents = tiers.map((tier) => {
    const xs = segments.filter((s) => s.tier === tier && positions.has(s.id)).map((s) => positions.get(s.id)!.x);
    return xs.length ? { min: Math.min(...xs), max: Math.max(...xs) + NODE_WIDTH } : null;
  });
  let height = LANE_HEADER + NODE_HEIGHT;
  for (const p of positions.values()) height = Math.max(height, p.y + NODE_HEIGHT + LANE_PADDING);
  const lanes: Lane[] = [];
  let left = 0;
  for (let i = 0; i < tiers.length; i++) {
    const e = extents[i];
    const start = lanes.length === 0 ? Math.min(0, (e?.min ?? 0) - LANE_PADDING) : left;
    const next = extents[i + 1];
    const minEnd = e ? e.max + LANE_PADDING : start + NODE_WIDTH + 2 * LANE_PADDING;
    // two stages with nodes share the gap between them; an empty stage takes all of it (up to the next one's nodes)
    const end = !next ? minEnd : e ? Math.max(minEnd, (minEnd + next.min - LANE_PADDING) / 2) : Math.max(minEnd, next.min - LANE_PADDING);
    lanes.push({ tier: tiers[i]!, x: start, width: Math.max(end - start, NODE_WIDTH + 2 * LANE_PADDING) });
    left = start + lanes[lanes.length - 1]!.width;
  }
  return { lanes, width: left - (lanes[0]?.x ?? 0), height };
}

/** Saved positions where every segment has one; otherwise elkjs for those without (saved ones stay where they are). */
export async function layoutChain(
  engine: LayoutEngine,
  segments: LayoutSegment[],
  links: Array<{ fromId: number; toId: number }>,
  tiers: readonly string[],
): Promise<ChainLayout> {
  const missing = segments.some((s) => s.x === null || s.y === null);
  const positions = new Map<number, { x: number; y: number }>();
  if (missing) {
    const auto = await autoLayout(engine, segments, links, tiers);
    for (const s of segments) positions.set(s.id, s.x !== null && s.y !== null ? { x: s.x, y: s.y } : auto.get(s.id)!);
  } else {
    for (const s of segments) positions.set(s.id, { x: s.x!, y: s.y! });
  }
  return { positions, ...lanesFor(segments, positions, tiers), computed: missing };
}
