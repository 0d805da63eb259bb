import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Button, Flex, Result, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DeploymentUnitOutlined, SettingOutlined, ExpandOutlined, FundProjectionScreenOutlined, PlusOutlined, RedoOutlined, UndoOutlined, PictureOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../../../shared/chains/layout';
import { STATUS_STYLE } from '../../../../../shared/chains/style';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../stores/app';
import { useChainsStore } from '../../../stores/chains';
import { ExportMenu } from '../ExportMenu';
import { Legend } from '../Legend';
import { chainsMessages } from '../messages';
import { useChainGraph } from '../useChainGraph';
import { useCompletenessText } from '../useCompletenessText';
import { buildEdges, buildNodes, mapBounds, segmentNodeId } from './graph';
import { openingViewport, useFitAll } from './useFitAll';
import { useGraphLabels } from './labels';
import { useHistory } from './history';
import { useMapCommands } from './useMapCommands';
import { NODE_TYPES } from './SegmentNode';
import { SidePanel } from './SidePanel';
import { ChainSettingsModal } from './ChainSettingsModal';

/** Above this many segments nodes carry their size, so only those in view are drawn (GraphOptions.inViewOnly). */
const LARGE_CHAIN = 150;

function Editor({ chainId }: { chainId: number }) {
  const t = useT(chainsMessages);
  const navigate = useAppStore((s) => s.navigate);
  const detail = useChainsStore((s) => (s.detail?.chain.id === chainId ? s.detail : null));
  const { analysis, positions, lanes, ready } = useChainGraph(detail);
  const labels = useGraphLabels();
  const history = useHistory();
  const flow = useReactFlow();
  const fitAll = useFitAll();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const painted = useRef(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const canvas = useRef<HTMLDivElement>(null);
  // the minimap starts hidden: wherever it sits it covers segments (the 下游 lane's, at 1366×768); a button shows it
  const [miniMap, setMiniMap] = useState(false);
  const completenessText = useCompletenessText();
  // read once, when the map first draws (React Flow takes its default viewport at mount)
  const openingRef = useRef<ReturnType<typeof openingViewport> | undefined>(undefined);
  if (ready && openingRef.current === undefined) {
    const box = canvas.current?.getBoundingClientRect();
    if (box) openingRef.current = openingViewport(mapBounds(positions, lanes), box);
  }
  const opening = openingRef.current;

  // rebuild the drawing from the data on every change, keeping what is selected (a selection alone changes nothing
  // here: React Flow already shows it)
  const selectedNow = useRef(selected);
  useEffect(() => {
    selectedNow.current = selected;
  });
  useEffect(() => {
    if (!detail || !analysis || !ready) return;
    const keep = { selected: selectedNow.current };
    setNodes(buildNodes(detail, analysis, positions, lanes, labels, { ...keep, inViewOnly: detail.segments.length > LARGE_CHAIN }));
    setEdges(buildEdges(detail, keep));
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

  const { onNodeDragStop, onConnect, addSegment, relayout, undo, redo } = useMapCommands({ detail, positions, lanes, selected, setSelected, history });

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
    <Flex vertical gap={8} style={{ height: 'calc(100vh - 100px)' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('chains')}>
            {t('back')}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {detail.chain.name}
          </Typography.Title>
          <Tooltip title={t('chainSettings')}>
            <Button type="text" icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="chain-settings" />
          </Tooltip>
          <Typography.Text type="secondary" data-testid="chain-completeness">
            {completenessText(analysis)}
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
            <Button icon={<ExpandOutlined />} onClick={() => fitAll()} />
          </Tooltip>
          <ExportMenu chainId={chainId} detail={detail} analysis={analysis} />
          <Button type="primary" icon={<FundProjectionScreenOutlined />} onClick={() => navigate('chains', [chainId, 'meeting'])} data-testid="meeting-mode">
            {t('meeting')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Legend />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('selectHint')}
        </Typography.Text>
        {/* the how-to in a tooltip: on a 768-px-high screen a line of it is a row of segments less */}
        <Tooltip title={t('editHelp')} placement="bottomRight">
          <QuestionCircleOutlined style={{ color: '#57606a' }} aria-label={t('editHelp')} data-testid="edit-help" />
        </Tooltip>
      </Flex>
      <Flex gap={12} style={{ flex: 1, minHeight: 0 }}>
        <div ref={canvas} style={{ flex: 1, border: '1px solid #d0d7de', borderRadius: 8, overflow: 'hidden' }} data-testid="chain-canvas">
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
              defaultViewport={opening}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              {miniMap && (
                <MiniMap
                  pannable
                  zoomable
                  style={{ width: 160, height: 100, opacity: 0.85 }}
                  nodeColor={(n) => (n.type === 'segment' ? STATUS_STYLE[(n.data as { status: 'strong' }).status].color : '#e6ebf1')}
                />
              )}
              <Controls showInteractive={false} showFitView={false}>
                <ControlButton onClick={() => fitAll()} title={t('fitView')} aria-label={t('fitView')}>
                  <ExpandOutlined />
                </ControlButton>
                <ControlButton onClick={() => setMiniMap((v) => !v)} title={t('miniMap')} aria-label={t('miniMap')} data-testid="toggle-minimap">
                  <PictureOutlined />
                </ControlButton>
              </Controls>
            </ReactFlow>
          ) : (
            <Spin style={{ margin: 48 }} />
          )}
        </div>
        {/* the panel opens with a selection: until then the map has the width (a third more segments at 1366×768) */}
        {selectedSegments.length > 0 && (
          <div style={{ width: 'clamp(320px, 28vw, 400px)', flex: 'none', overflowY: 'auto' }} data-testid="side-panel">
            {selectedSegments.length === 1 ? (
              <SidePanel key={selectedSegments[0]} segmentId={selectedSegments[0]!} analysis={analysis} history={history} />
            ) : (
              <Typography.Paragraph type="secondary" style={{ padding: 12 }}>
                {t('multiSelected', { count: selectedSegments.length })}
              </Typography.Paragraph>
            )}
          </div>
        )}
      </Flex>
      <ChainSettingsModal chain={detail.chain} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
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
