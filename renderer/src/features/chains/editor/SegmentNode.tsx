import { Handle, Position, type Node, type NodeHandle, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../../../shared/chains/layout';
import { STATUS_STYLE } from '../../../../../shared/chains/style';
import type { SegmentStatus } from '../../../../../shared/domain/chain';
import { statusBackground, statusBorder, StatusIcon } from '../StatusIcon';

export interface SegmentNodeData extends Record<string, unknown> {
  name: string;
  status: SegmentStatus;
  overridden: boolean;
  reason: string;
  firms: number;
  targets: number;
  projects: number;
  statusLabel: string;
  countsLabel: string;
}

export type SegmentFlowNode = Node<SegmentNodeData, 'segment'>;


/** One segment on the map: status by colour, icon, border and pattern, its 强/弱/缺 letter, and its counts. */
function SegmentNodeView({ data, selected }: NodeProps<SegmentFlowNode>) {
  const st = STATUS_STYLE[data.status];
  return (
    <div
      data-testid="segment-node"
      data-name={data.name}
      data-status={data.status}
      title={`${data.name}：${data.reason}`}
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        boxSizing: 'border-box',
        borderRadius: 8,
        border: statusBorder(data.status),
        background: statusBackground(data.status),
        boxShadow: selected ? '0 0 0 3px #1677ff' : undefined,
        padding: '8px 10px',
        color: '#1f2328',
        fontSize: 14,
        lineHeight: '20px',
        transition: 'box-shadow 0.2s',
      }}
    >
      <Handle type="target" position={Position.Left} />
      <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <StatusIcon status={data.status} size={20} background={st.fill} />
        <span style={{ fontWeight: 700, flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{data.name}</span>
        <span style={{ fontWeight: 700, color: st.color }} data-testid="segment-status">
          {data.statusLabel}
          {data.overridden ? '*' : ''}
        </span>
      </div>
      <div style={{ fontSize: 12, marginTop: 6, opacity: 0.85, whiteSpace: 'nowrap' }}>{data.countsLabel}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const SegmentNode = memo(SegmentNodeView);

/** Where React Flow's default handles (6 px and a 1 px border, centred on the edge) sit on a segment node. */
const HANDLE = 8;
/** A segment node's handles, for React Flow to place edges without measuring the node (see GraphOptions.inViewOnly). */
export const SEGMENT_HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -HANDLE / 2, y: NODE_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  { type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE / 2, y: NODE_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
];

export interface LaneNodeData extends Record<string, unknown> {
  label: string;
  width: number;
  height: number;
  tint: string;
}
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;

/** A swimlane (上游 / 中游 / 下游) behind the segments. */
function LaneNodeView({ data }: NodeProps<LaneFlowNode>) {
  return (
    <div
      data-testid="lane"
      style={{
        width: data.width,
        height: data.height,
        background: data.tint,
        border: '1px solid #d0d7de',
        boxSizing: 'border-box',
        pointerEvents: 'none',
      }}
    >
      <div style={{ textAlign: 'center', fontSize: 20, fontWeight: 700, paddingTop: 12, color: '#3d444d' }}>{data.label}</div>
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
export const NODE_TYPES = { segment: SegmentNode, lane: LaneNode };
