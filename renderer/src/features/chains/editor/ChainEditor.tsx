import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { App, Button, Flex, Result, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DeploymentUnitOutlined, ExpandOutlined, FundProjectionScreenOutlined, PlusOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SegmentSnapshot } from '../../../../../shared/api/chains';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from '../../../../../shared/chains/layout';
import { STATUS_STYLE } from '../../../../../shared/chains/style';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../stores/app';
import { useChainsStore } from '../../../stores/chains';
import { ExportMenu } from '../ExportMenu';
import { Legend } from '../Legend';
import { chainsMessages } from '../messages';
import { useChainGraph } from '../useChainGraph';
import { buildEdges, buildNodes, segmentNodeId } from './graph';
import { useGraphLabels } from './labels';
import { useHistory, type Command } from './history';
import { NODE_TYPES } from './SegmentNode';
import { SidePanel } from './SidePanel';

/** Above this many segments the editor opens at the chain's top left instead of fitting it all in the window. */
const LARGE_CHAIN = 150;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Editor({ chainId }: { chainId: number }) {
  const t = useT(chainsMessages);
  const { message, modal } = App.useApp();
  const navigate = useAppStore((s) => s.navigate);
  const detail = useChainsStore((s) => (s.detail?.chain.id === chainId ? s.detail : null));
  const store = useChainsStore.getState();
  const { analysis, positions, lanes, ready } = useChainGraph(detail);
  const labels = useGraphLabels();
  const history = useHistory();
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const clipboard = useRef<SegmentSnapshot | null>(null);
  const painted = useRef(false);

  // rebuild the drawing from the data on every change, keeping what is selected
  useEffect(() => {
    if (!detail || !analysis || !ready) return;
    setNodes(buildNodes(detail, analysis, positions, lanes, labels, { selected }));
    setEdges(buildEdges(detail, { selected }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail, analysis, positions, lanes, labels, ready]);

  useEffect(() => {
    if (painted.current || nodes.length === 0) return;
    painted.current = true;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark('chain-painted');
        document.body.dataset.chainPainted = String(chainId);
      }),
    );
  }, [nodes, chainId]);

  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((nds) => applyNodeChanges(changes, nds)), []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => setEdges((eds) => applyEdgeChanges(changes, eds)), []);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: { nodes: Node[]; edges: Edge[] }) => {
    setSelected(new Set([...n.filter((x) => x.type === 'segment').map((x) => x.id), ...e.map((x) => x.id)]));
  }, []);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (err) {
        message.error(errorText(err));
      }
    },
    [message],
  );

  const record = useCallback((command: Command) => history.push(command), [history]);

  /** Moved nodes are saved; a node dropped into another lane takes that lane's stage. */
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      if (!detail) return;
      const moved = dragged.filter((n) => n.type === 'segment');
      if (moved.length === 0) return;
      const before = moved.map((n) => {
        const s = detail.segments.find((x) => segmentNodeId(x.id) === n.id)!;
        return { id: s.id, x: s.x ?? 0, y: s.y ?? 0, tier: s.tier };
      });
      const after = moved.map((n) => {
        const centre = n.position.x + NODE_WIDTH / 2;
        const lane = lanes.lanes.find((l) => centre >= l.x && centre < l.x + l.width);
        const s = detail.segments.find((x) => segmentNodeId(x.id) === n.id)!;
        return { id: s.id, x: n.position.x, y: n.position.y, tier: lane?.tier ?? s.tier };
      });
      const apply = async (rows: typeof before) => {
        await store.moveSegments(rows.map(({ id, x, y }) => ({ id, x, y })));
        for (const r of rows) {
          const s = useChainsStore.getState().detail!.segments.find((x) => x.id === r.id)!;
          if (s.tier !== r.tier) await store.saveSegment({ id: s.id, chainId, name: s.name, parentId: s.parentId, tier: r.tier, notes: s.notes });
        }
      };
      const tierChanged = after.some((a, i) => a.tier !== before[i]!.tier);
      void run(async () => {
        await apply(after);
        record({ label: t(tierChanged ? 'opTier' : 'opMove'), undo: () => apply(before), redo: () => apply(after) });
      });
    },
    [detail, lanes, store, chainId, run, record, t],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = Number(c.source);
      const to = Number(c.target);
      if (!Number.isFinite(from) || !Number.isFinite(to)) return;
      void run(async () => {
        let link = await store.saveLink(from, to);
        record({
          label: t('opLink'),
          undo: () => store.deleteLink(link.id),
          redo: async () => {
            link = await store.saveLink(from, to);
          },
        });
      });
    },
    [store, run, record, t],
  );

  const deleteSelection = useCallback(() => {
    if (!detail) return;
    const segmentIds = [...selected].filter((id) => !id.startsWith('link:')).map(Number);
    const linkIds = [...selected].filter((id) => id.startsWith('link:')).map((id) => Number(id.slice(5)));
    if (segmentIds.length === 0 && linkIds.length === 0) return;
    const names = segmentIds.map((id) => detail.segments.find((s) => s.id === id)?.name).filter(Boolean).join('、');
    const go = () =>
      run(async () => {
        const links = linkIds.map((id) => detail.links.find((l) => l.id === id)!).filter(Boolean);
        for (const l of links) await store.deleteLink(l.id);
        let snapshot = segmentIds.length ? await store.deleteSegments(segmentIds) : null;
        setSelected(new Set());
        record({
          label: t(segmentIds.length ? 'opDelete' : 'opUnlink'),
          undo: async () => {
            if (snapshot) await store.insertSegments(snapshot, 'restore');
            for (const l of links) Object.assign(l, await store.saveLink(l.fromId, l.toId));
          },
          redo: async () => {
            for (const l of links) await store.deleteLink(l.id);
            if (snapshot) snapshot = await store.deleteSegments(snapshot.segments.filter((s) => s.parentId === null || !snapshot!.segments.some((x) => x.id === s.parentId)).map((s) => s.id));
          },
        });
      });
    if (segmentIds.length) modal.confirm({ title: t('deleteSegment'), content: t('deleteSegmentConfirm', { name: names }), onOk: go });
    else void go();
  }, [detail, selected, store, run, record, t, modal]);

  const addSegment = useCallback(() => {
    if (!detail) return;
    const parent = selected.size === 1 ? detail.segments.find((s) => segmentNodeId(s.id) === [...selected][0]) : undefined;
    let n = 1;
    while (detail.segments.some((s) => s.name === `${t('newSegmentName')}${n}`)) n++;
    const parentPos = parent ? positions.get(parent.id) : undefined;
    const centre = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const at = parentPos ? { x: parentPos.x + NODE_WIDTH + 56, y: parentPos.y + NODE_HEIGHT + 18 } : { x: centre.x - NODE_WIDTH / 2, y: centre.y };
    const lane = lanes.lanes.find((l) => at.x + NODE_WIDTH / 2 >= l.x && at.x + NODE_WIDTH / 2 < l.x + l.width);
    void run(async () => {
      const segment = await store.saveSegment({
        chainId,
        name: `${t('newSegmentName')}${n}`,
        parentId: parent?.id ?? null,
        tier: parent?.tier ?? lane?.tier ?? detail.chain.tiers[0]!,
        notes: '',
        x: at.x,
        y: at.y,
      });
      setSelected(new Set([segmentNodeId(segment.id)]));
      let snapshot: SegmentSnapshot | null = null;
      record({
        label: t('opAdd'),
        undo: async () => {
          snapshot = await store.deleteSegments([segment.id]);
        },
        redo: async () => {
          if (snapshot) await store.insertSegments(snapshot, 'restore');
        },
      });
    });
  }, [detail, selected, positions, lanes, flow, store, chainId, run, record, t]);

  const copy = useCallback(() => {
    if (!detail) return;
    const ids = new Set([...selected].filter((id) => !id.startsWith('link:')).map(Number));
    if (ids.size === 0) return;
    const segments = detail.segments.filter((s) => ids.has(s.id)).map(({ chainId: _c, ...s }) => s);
    clipboard.current = {
      segments,
      links: detail.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId)).map(({ fromId, toId }) => ({ fromId, toId })),
      firms: [],
      targets: [],
      projectSegments: [],
    };
    message.info(t('copied', { count: segments.length }));
  }, [detail, selected, message, t]);

  const paste = useCallback(() => {
    const snapshot = clipboard.current;
    if (!snapshot) return;
    void run(async () => {
      let inserted = await store.insertSegments(snapshot, 'copy', { x: 40, y: 40 });
      setSelected(new Set(inserted.segments.map((s) => segmentNodeId(s.id))));
      message.success(t('pasted', { count: inserted.segments.length }));
      let removed: SegmentSnapshot | null = null;
      const roots = () => inserted.segments.filter((s) => s.parentId === null || !inserted.segments.some((x) => x.id === s.parentId)).map((s) => s.id);
      record({
        label: t('opPaste'),
        undo: async () => {
          removed = await store.deleteSegments(roots());
        },
        redo: async () => {
          if (removed) inserted = { ...inserted, ...(await store.insertSegments(removed, 'restore')) };
        },
      });
    });
  }, [store, run, record, message, t]);

  const relayout = useCallback(() => {
    if (!detail) return;
    void run(async () => {
      const before = detail.segments.map((s) => ({ id: s.id, x: s.x ?? 0, y: s.y ?? 0 }));
      const auto = await autoLayout(detail.segments, detail.links, detail.chain.tiers);
      const after = detail.segments.map((s) => ({ id: s.id, ...auto.get(s.id)! }));
      await store.moveSegments(after);
      record({ label: t('autoLayout'), undo: () => store.moveSegments(before), redo: () => store.moveSegments(after) });
      message.success(t('autoLayoutDone'));
      setTimeout(() => flow.fitView({ duration: 300 }), 50);
    });
  }, [detail, store, run, record, message, flow, t]);

  const undo = useCallback(() => void history.undo().then((c) => (c ? message.info(t('undone', { label: c.label })) : message.info(t('nothingToUndo'))), (e) => message.error(errorText(e))), [history, message, t]);
  const redo = useCallback(() => void history.redo().then((c) => c && message.info(t('redone', { label: c.label })), (e) => message.error(errorText(e))), [history, message, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('.ant-modal-wrap')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) redo();
      else if (mod && key === 'c') copy();
      else if (mod && key === 'v') paste();
      else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelection();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, paste, deleteSelection]);

  const focusSegment = useCallback(
    (id: number) => {
      const p = positions.get(id);
      if (!p) return;
      setSelected(new Set([segmentNodeId(id)]));
      setNodes((nds) => nds.map((n) => ({ ...n, selected: n.id === segmentNodeId(id) })));
      void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, { zoom: 1.2, duration: 400 });
    },
    [positions, flow],
  );

  if (!detail || !analysis) return <Spin />;
  const selectedSegments = [...selected].filter((id) => !id.startsWith('link:')).map(Number);
  return (
    <Flex vertical gap={8} style={{ height: 'calc(100vh - 120px)' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('chains')}>
            {t('back')}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {detail.chain.name}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="chain-completeness">
            {t('completeness')} {analysis.completeness ?? '—'}%　{t('gaps')} {analysis.gaps.total}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('search')}
            style={{ width: 220 }}
            value={null}
            data-testid="segment-search"
            options={detail.segments.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(id: number) => focusSegment(id)}
          />
          <Button icon={<PlusOutlined />} onClick={addSegment} data-testid="add-segment">
            {t('addSegment')}
          </Button>
          <Tooltip title={t('undo')}>
            <Button icon={<UndoOutlined />} onClick={undo} disabled={!history.canUndo} data-testid="undo" />
          </Tooltip>
          <Tooltip title={t('redo')}>
            <Button icon={<RedoOutlined />} onClick={redo} disabled={!history.canRedo} data-testid="redo" />
          </Tooltip>
          <Button icon={<DeploymentUnitOutlined />} onClick={relayout}>
            {t('autoLayout')}
          </Button>
          <Tooltip title={t('fitView')}>
            <Button icon={<ExpandOutlined />} onClick={() => void flow.fitView({ duration: 300 })} />
          </Tooltip>
          <ExportMenu chainId={chainId} detail={detail} analysis={analysis} />
          <Button type="primary" icon={<FundProjectionScreenOutlined />} onClick={() => navigate('chains', [chainId, 'meeting'])} data-testid="meeting-mode">
            {t('meeting')}
          </Button>
        </Space>
      </Flex>
      <Flex justify="space-between" wrap gap={8}>
        <Legend />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('editHelp')}
        </Typography.Text>
      </Flex>
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, border: '1px solid #d0d7de', borderRadius: 8, overflow: 'hidden' }} data-testid="chain-canvas">
          {ready ? (
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onSelectionChange={onSelectionChange}
              onNodeDragStop={onNodeDragStop}
              onConnect={onConnect}
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={['Control', 'Meta']}
              onlyRenderVisibleElements
              minZoom={0.05}
              // a big chain fitted to the window is unreadable and draws every node at once: start at its top left
              fitView={detail.segments.length <= LARGE_CHAIN}
              defaultViewport={{ x: 16, y: 16, zoom: 0.8 }}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              <MiniMap pannable zoomable nodeColor={(n) => (n.type === 'segment' ? STATUS_STYLE[(n.data as { status: 'strong' }).status].color : '#e6ebf1')} />
              <Controls showInteractive={false} />
            </ReactFlow>
          ) : (
            <Spin style={{ margin: 48 }} />
          )}
        </div>
        <div style={{ width: 400, overflowY: 'auto' }} data-testid="side-panel">
          {selectedSegments.length === 1 ? (
            <SidePanel key={selectedSegments[0]} segmentId={selectedSegments[0]!} analysis={analysis} record={record} />
          ) : (
            <Typography.Paragraph type="secondary" style={{ padding: 12 }}>
              {selectedSegments.length > 1 ? t('multiSelected', { count: selectedSegments.length }) : t('selectHint')}
            </Typography.Paragraph>
          )}
        </div>
      </Flex>
    </Flex>
  );
}

/** The chain map editor: opens the chain, then the canvas with its side panel. */
export function ChainEditor({ chainId }: { chainId: number }) {
  const [error, setError] = useState<unknown>(null);
  const t = useT(chainsMessages);
  const navigate = useAppStore((s) => s.navigate);
  const load = useCallback(() => {
    setError(null);
    performance.mark('chain-open');
    useChainsStore.getState().open(chainId).then(() => performance.mark('chain-loaded'), setError);
  }, [chainId]);
  useEffect(load, [load]);
  if (error)
    return <Result status="warning" title={<ErrorAlert error={error} onRetry={load} />} extra={<Button onClick={() => navigate('chains')}>{t('back')}</Button>} />;
  return (
    <ReactFlowProvider>
      <Editor chainId={chainId} />
    </ReactFlowProvider>
  );
}
