import { Background, ReactFlow, ReactFlowProvider, useReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Button, Result, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../../../shared/chains/layout';
import { STATUS_STYLE } from '../../../../../shared/chains/style';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { useAppStore } from '../../../stores/app';
import { useChainsStore } from '../../../stores/chains';
import { buildEdges, buildNodes } from '../editor/graph';
import { useGraphLabels } from '../editor/labels';
import { NODE_TYPES } from '../editor/SegmentNode';
import { targetStatusColor } from '../editor/TargetModal';
import { Legend } from '../Legend';
import { chainsMessages } from '../messages';
import { StatusIcon } from '../StatusIcon';
import { useChainGraph } from '../useChainGraph';
import { useCountryNames } from '../useCountryNames';

const THEMES = {
  light: { bg: '#ffffff', panel: '#f6f8fa', fg: '#1f2328', muted: '#57606a', border: '#d0d7de' },
  dark: { bg: '#0d1117', panel: '#161b22', fg: '#f0f3f6', muted: '#9da7b3', border: '#30363d' },
};

/**
 * Meeting mode, for a projector: full screen, large type, a legend, nothing editable. The arrow keys walk the gaps
 * (缺 first, then 弱) one by one: the map zooms to each, dims the rest, and the side shows why it is a gap and its
 * targets with their status.
 */
function Meeting({ chainId }: { chainId: number }) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const detail = useChainsStore((s) => (s.detail?.chain.id === chainId ? s.detail : null));
  const { analysis, positions, lanes, ready } = useChainGraph(detail);
  const labels = useGraphLabels();
  const countryName = useCountryNames();
  const flow = useReactFlow();
  const [dark, setDark] = useState(false);
  const [index, setIndex] = useState(-1);
  const theme = THEMES[dark ? 'dark' : 'light'];
  const order = analysis?.gapOrder ?? [];
  const focusId = index >= 0 ? (order[index] ?? null) : null;

  const nodes: Node[] = useMemo(
    () => (detail && analysis && ready ? buildNodes(detail, analysis, positions, lanes, labels, { dark, focusId, laneFontSize: 26, readOnly: true }) : []),
    [detail, analysis, positions, lanes, labels, ready, dark, focusId],
  );
  const edges = useMemo(() => (detail && ready ? buildEdges(detail, { dark, focusId }) : []), [detail, ready, dark, focusId]);

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate('chains', [chainId]);
  }, [navigate, chainId]);

  useEffect(() => {
    // full screen where the platform allows it (a user gesture opened this view); the overlay covers the app anyway.
    // In full screen the browser takes Esc to leave it, so leaving full screen also leaves meeting mode.
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) exit();
    };
    document.addEventListener('fullscreenchange', onChange);
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [exit]);

  useEffect(() => {
    if (!ready) return;
    if (focusId === null) {
      void flow.fitView({ duration: 400, padding: 0.05 });
      return;
    }
    const p = positions.get(focusId);
    if (p) void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, { zoom: 1.6, duration: 500 });
  }, [focusId, ready, positions, flow]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown' || e.key === ' ') setIndex((i) => Math.min(order.length - 1, i + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') setIndex((i) => Math.max(-1, i - 1));
      else if (e.key === 'Home') setIndex(-1);
      else if (e.key.toLowerCase() === 't') setDark((d) => !d);
      else if (e.key === 'Escape') exit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order.length, exit]);

  if (!detail || !analysis) return <Spin />;
  const gap = focusId !== null ? analysis.segments.find((g) => g.segmentId === focusId) : undefined;
  const segment = focusId !== null ? detail.segments.find((s) => s.id === focusId) : undefined;
  // the targets that address this gap: its own and its sub-segments'
  const subtree = new Set<number>(focusId !== null ? [focusId] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of detail.segments) if (s.parentId !== null && subtree.has(s.parentId) && !subtree.has(s.id)) (subtree.add(s.id), (grew = true));
  }
  const targets = detail.targets.filter((x) => subtree.has(x.segmentId));
  const segmentName = new Map(detail.segments.map((s) => [s.id, s.name]));

  return (
    <div
      data-testid="meeting-screen"
      data-theme={dark ? 'dark' : 'light'}
      style={{ position: 'fixed', inset: 0, zIndex: 1500, background: theme.bg, color: theme.fg, display: 'flex', flexDirection: 'column', fontSize: 22 }}
    >
      <header style={{ padding: '18px 32px 12px', borderBottom: `1px solid ${theme.border}`, display: 'flex', alignItems: 'center', gap: 32, flexWrap: 'wrap' }}>
        <div style={{ fontSize: 40, fontWeight: 700 }}>{t('meetingTitle', { name: detail.chain.name })}</div>
        <div style={{ fontSize: 24, color: theme.muted }} data-testid="meeting-summary">
          {t('meetingSummary', {
            completeness: analysis.completeness === null ? '—' : `${analysis.completeness}%`,
            missing: analysis.gaps.missing,
            weak: analysis.gaps.weak,
            targets: detail.targets.length,
          })}
        </div>
        <div style={{ marginLeft: 'auto' }}>
          <Space>
            <Button size="large" onClick={() => setDark((d) => !d)} data-testid="meeting-theme">
              {dark ? t('light') : t('dark')}
            </Button>
            <Button size="large" onClick={exit} data-testid="meeting-exit">
              {t('exit')}
            </Button>
          </Space>
        </div>
        <div style={{ width: '100%' }}>
          <Legend size={22} fontSize={20} color={theme.fg} />
        </div>
      </header>
      <div style={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <div style={{ flex: 1 }}>
          {ready && (
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              colorMode={dark ? 'dark' : 'light'}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              edgesFocusable={false}
              nodesFocusable={false}
              deleteKeyCode={null}
              minZoom={0.05}
              fitView
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={32} color={theme.border} />
            </ReactFlow>
          )}
        </div>
        <aside style={{ width: 600, borderLeft: `1px solid ${theme.border}`, background: theme.panel, padding: '24px 28px', overflowY: 'auto' }} data-testid="meeting-panel">
          {order.length === 0 ? (
            <div style={{ fontSize: 28 }}>{t('meetingNoGaps')}</div>
          ) : !gap || !segment ? (
            <div style={{ fontSize: 26, color: theme.muted }}>{t('meetingStart')}</div>
          ) : (
            <>
              <div style={{ fontSize: 20, color: theme.muted }} data-testid="meeting-step">
                {t('meetingGap', { index: index + 1, total: order.length })}
              </div>
              <div style={{ display: 'flex', alignItems: 'center', gap: 14, margin: '10px 0' }}>
                <StatusIcon status={gap.status} size={40} background={theme.panel} />
                <span style={{ fontSize: 38, fontWeight: 700 }} data-testid="meeting-gap-name">
                  {segment.name}
                </span>
                <span style={{ fontSize: 32, fontWeight: 700, color: dark ? theme.fg : STATUS_STYLE[gap.status].color }}>
                  {td(`segmentStatus.${gap.status}`)}
                  {gap.overridden ? '*' : ''}
                </span>
              </div>
              <div style={{ fontSize: 22, lineHeight: 1.5, marginBottom: 18 }}>{gap.reason}</div>
              <div style={{ fontSize: 26, fontWeight: 700, marginBottom: 8 }}>
                {t('targets')}（{targets.length}）
              </div>
              {targets.length === 0 ? (
                <div style={{ fontSize: 22, color: theme.muted }}>{t('meetingNoTargets')}</div>
              ) : (
                <div data-testid="meeting-targets">
                  {targets.map((x) => (
                    <div key={x.id} style={{ padding: '10px 0', borderBottom: `1px solid ${theme.border}` }}>
                      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
                        <Tag color={targetStatusColor(x.status)} style={{ fontSize: 20, lineHeight: '30px', padding: '0 10px' }}>
                          {td(`targetStatus.${x.status}`)}
                        </Tag>
                        <span style={{ fontSize: 24, fontWeight: 600 }}>{x.company}</span>
                      </div>
                      <div style={{ fontSize: 18, color: theme.muted, marginTop: 4 }}>
                        {[x.segmentId !== focusId ? segmentName.get(x.segmentId) : '', countryName(x.countryCode), x.headquarters, td(`priority.${x.priority}`), x.owner].filter(Boolean).join(' · ')}
                      </div>
                    </div>
                  ))}
                </div>
              )}
            </>
          )}
        </aside>
      </div>
      <footer style={{ padding: '8px 32px', fontSize: 18, color: theme.muted, borderTop: `1px solid ${theme.border}` }}>{t('meetingHelp')}</footer>
    </div>
  );
}

export function MeetingMode({ chainId }: { chainId: number }) {
  const [error, setError] = useState<unknown>(null);
  const loaded = useChainsStore((s) => s.detail?.chain.id === chainId);
  useEffect(() => {
    if (!loaded) useChainsStore.getState().open(chainId).catch(setError);
  }, [chainId, loaded]);
  if (error) return <Result status="warning" title={<ErrorAlert error={error} />} />;
  return (
    <ReactFlowProvider>
      <Meeting chainId={chainId} />
    </ReactFlowProvider>
  );
}
