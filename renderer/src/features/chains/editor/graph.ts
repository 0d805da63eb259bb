import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { ChainDetail } from '../../../../../shared/api/chains';
import { LANE_TINTS, STATUS_STYLE } from '../../../../../shared/chains/style';
import { LANE_HEADER, NODE_HEIGHT, NODE_WIDTH, type Lane } from '../../../../../shared/chains/layout';
import type { SegmentStatus } from '../../../../../shared/domain/chain';
import type { ChainGapAnalysis } from '../../../../../shared/rules/gap';
import { SEGMENT_HANDLES, type LaneFlowNode, type SegmentFlowNode } from './SegmentNode';

export interface GraphLabels {
  tier(tier: string): string;
  status(status: SegmentStatus): string;
  counts(firms: number, targets: number, projects: number): string;
}

export interface GraphOptions {
  selected?: ReadonlySet<string>;
  /**
   * Nodes carry their size and handles, so React Flow knows where they are without measuring them and draws only those
   * in view from the first frame (it otherwise draws every node once to measure it). For the editor on a large chain,
   * which opens at its top left: React Flow's fitView waits for measured nodes (useFitAll does without).
   */
  inViewOnly?: boolean;
}

export const segmentNodeId = (id: number) => `${id}`;

export function projectCounts(detail: ChainDetail): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of detail.projects) counts.set(p.segmentId, (counts.get(p.segmentId) ?? 0) + 1);
  return counts;
}

/** The map's extent: the lanes, from above the highest segment (room for the lane titles) down to the lowest. */
export function mapBounds(positions: Map<number, { x: number; y: number }>, lanes: { lanes: Lane[]; width: number; height: number }) {
  const minY = Math.min(0, ...[...positions.values()].map((p) => p.y - LANE_HEADER));
  return { x: lanes.lanes[0]?.x ?? 0, y: minY, width: lanes.width, height: lanes.height - minY };
}

/** React Flow nodes: the lanes behind, then one node per segment at its position. */
export function buildNodes(
  detail: ChainDetail,
  analysis: ChainGapAnalysis,
  positions: Map<number, { x: number; y: number }>,
  lanes: { lanes: Lane[]; height: number },
  labels: GraphLabels,
  options: GraphOptions = {},
): Node[] {
  const gapOf = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  const projects = projectCounts(detail);
  const minY = Math.min(0, ...[...positions.values()].map((p) => p.y - LANE_HEADER));
  const laneNodes: LaneFlowNode[] = lanes.lanes.map((lane, i) => ({
    id: `lane:${lane.tier}`,
    type: 'lane',
    position: { x: lane.x, y: minY },
    ...(options.inViewOnly ? { width: lane.width, height: lanes.height - minY, handles: [] } : {}),
    data: { label: labels.tier(lane.tier), width: lane.width, height: lanes.height - minY, tint: LANE_TINTS[i % LANE_TINTS.length]! },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const segmentNodes: SegmentFlowNode[] = detail.segments.map((s) => {
    const g = gapOf.get(s.id)!;
    const id = segmentNodeId(s.id);
    const p = projects.get(s.id) ?? 0;
    return {
      id,
      type: 'segment',
      position: positions.get(s.id) ?? { x: 0, y: 0 },
      ...(options.inViewOnly ? { width: NODE_WIDTH, height: NODE_HEIGHT, handles: SEGMENT_HANDLES } : {}),
      selected: options.selected?.has(id) ?? false,
      data: {
        name: s.name,
        status: g.status,
        overridden: g.overridden,
        reason: g.reason,
        firms: g.firms,
        targets: g.targets,
        projects: p,
        statusLabel: labels.status(g.status),
        countsLabel: labels.counts(g.firms, g.targets, p),
      },
    };
  });
  return [...laneNodes, ...segmentNodes];
}

/** Sub-segment edges (dashed, not editable) and supply links (arrows, deletable). */
export function buildEdges(detail: ChainDetail, options: { selected?: ReadonlySet<string> } = {}): Edge[] {
  const ids = new Set(detail.segments.map((s) => s.id));
  const grey = '#6e7781';
  const tree: Edge[] = detail.segments
    .filter((s) => s.parentId !== null && ids.has(s.parentId))
    .map((s) => ({
      id: `tree:${s.id}`,
      source: segmentNodeId(s.parentId!),
      target: segmentNodeId(s.id),
      selectable: false,
      deletable: false,
      focusable: false,
      style: { stroke: grey, strokeDasharray: '5 4', strokeWidth: 1.5 },
    }));
  const links: Edge[] = detail.links.map((l) => ({
    id: `link:${l.id}`,
    source: segmentNodeId(l.fromId),
    target: segmentNodeId(l.toId),
    selected: options.selected?.has(`link:${l.id}`) ?? false,
    markerEnd: { type: MarkerType.ArrowClosed, color: grey, width: 18, height: 18 },
    style: { stroke: grey, strokeWidth: 1.8 },
  }));
  return [...tree, ...links];
}

export const statusColor = (status: SegmentStatus) => STATUS_STYLE[status].color;
