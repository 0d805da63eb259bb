import { Button, Result, Segmented, Space, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { posterContent } from '../../../../../shared/chains/poster-content';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { domainMessages } from '../../../i18n/domain';
import { useAppStore } from '../../../stores/app';
import { useChainsStore } from '../../../stores/chains';
import { Legend } from '../Legend';
import { chainsMessages } from '../messages';
import { useChainAnalysis } from '../useChainGraph';
import { useCompletenessText } from '../useCompletenessText';
import { useCountryNames } from '../useCountryNames';
import { GapPanel, type PanelTheme } from './GapPanel';
import { PosterView } from './PosterView';
import { usePosterLabels } from './usePosterLabels';

const THEMES: Record<'light' | 'dark', PanelTheme & { bg: string }> = {
  light: { bg: '#ffffff', panel: '#f6f8fa', fg: '#1f2328', muted: '#57606a', border: '#d0d7de', dark: false },
  dark: { bg: '#0d1117', panel: '#161b22', fg: '#f0f3f6', muted: '#9da7b3', border: '#30363d', dark: true },
};

type Walk = 'missing' | 'gaps';

/**
 * Meeting mode, for a projector: the chain as a poster (stages as columns, segments under their parents, status,
 * 链主 and firms, targets with their country) filling the screen, 完整度 with how it is computed, nothing editable.
 * The arrow keys walk the leaf gaps — 缺 only, or 缺 and 弱 — one at a time: the poster dims the rest and the panel
 * says why it is a gap, which firms are targeted and which projects are linked. A click picks any segment.
 */
function Meeting({ chainId }: { chainId: number }) {
  const t = useT(chainsMessages);
  const td = useT(domainMessages);
  const navigate = useAppStore((s) => s.navigate);
  const detail = useChainsStore((s) => (s.detail?.chain.id === chainId ? s.detail : null));
  const completenessText = useCompletenessText();
  const labels = usePosterLabels();
  const countryName = useCountryNames();
  const [dark, setDark] = useState(false);
  const [walk, setWalk] = useState<Walk>('gaps');
  const [showLinks, setShowLinks] = useState(true);
  const [index, setIndex] = useState(-1);
  const [picked, setPicked] = useState<number | null>(null);
  const theme = THEMES[dark ? 'dark' : 'light'];

  const analysis = useChainAnalysis(detail);
  const content = useMemo(
    () => (detail && analysis ? posterContent(detail, analysis, { labels, countryName }) : null),
    [detail, analysis, labels, countryName],
  );
  const order = useMemo(() => {
    if (!analysis) return [];
    const status = new Map(analysis.segments.map((g) => [g.segmentId, g.status]));
    return analysis.gapOrder.filter((id) => walk === 'gaps' || status.get(id) === 'missing');
  }, [analysis, walk]);
  const focusId = picked ?? (index >= 0 ? (order[index] ?? null) : null);
  const statusLetter = useCallback((s: 'strong' | 'weak' | 'missing') => td(`segmentStatus.${s}`), [td]);

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate('chains', [chainId]);
  }, [navigate, chainId]);
  const step = useCallback(
    (by: number | 'start') => {
      setPicked(null);
      setIndex((i) => (by === 'start' ? -1 : Math.max(-1, Math.min(order.length - 1, i + by))));
    },
    [order.length],
  );
  const changeWalk = useCallback((next: Walk) => {
    setWalk(next);
    setIndex(-1);
    setPicked(null);
  }, []);

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
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (key === 'arrowright' || key === 'arrowdown' || key === 'pagedown' || key === ' ') step(1);
      else if (key === 'arrowleft' || key === 'arrowup' || key === 'pageup') step(-1);
      else if (key === 'home') step('start');
      else if (key === 't') setDark((d) => !d);
      else if (key === 'l') setShowLinks((v) => !v);
      else if (key === 'f') changeWalk(walk === 'gaps' ? 'missing' : 'gaps');
      else if (key === 'escape') exit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, changeWalk, walk, exit]);

  if (!detail || !analysis || !content) return <Spin />;
  const gap = focusId !== null ? analysis.segments.find((g) => g.segmentId === focusId) : undefined;
  const stepText =
    picked !== null
      ? t('meetingPicked')
      : t(walk === 'missing' ? 'meetingGapMissing' : 'meetingGap', { index: index + 1, total: order.length });

  return (
    <div
      data-testid="meeting-screen"
      data-theme={dark ? 'dark' : 'light'}
      style={{ position: 'fixed', inset: 0, zIndex: 1500, background: theme.bg, color: theme.fg, display: 'flex', flexDirection: 'column' }}
    >
      <header style={{ padding: '8px 16px 6px', borderBottom: `1px solid ${theme.border}` }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
          <div style={{ fontSize: 'clamp(22px, 2vw, 36px)', fontWeight: 700 }}>{t('meetingTitle', { name: detail.chain.name })}</div>
          <div style={{ fontSize: 'clamp(15px, 1.1vw, 20px)', color: theme.muted }}>{t('meetingTargets', { count: detail.targets.length })}</div>
          {/* the keys belong to the walk: a control clicked gives its focus back, or ← → would switch the filter */}
          <Space style={{ marginLeft: 'auto' }} wrap onClickCapture={() => requestAnimationFrame(() => (document.activeElement as HTMLElement | null)?.blur())}>
            <Segmented<Walk>
              value={walk}
              onChange={changeWalk}
              options={[
                { value: 'missing', label: t('meetingFilterMissing') },
                { value: 'gaps', label: t('meetingFilterGaps') },
              ]}
              data-testid="meeting-walk"
            />
            <Button onClick={() => setShowLinks((v) => !v)} data-testid="meeting-links">
              {showLinks ? t('meetingHideLinks') : t('meetingShowLinks')}
            </Button>
            <Button onClick={() => setDark((d) => !d)} data-testid="meeting-theme">
              {dark ? t('light') : t('dark')}
            </Button>
            <Button onClick={exit} data-testid="meeting-exit">
              {t('exit')}
            </Button>
          </Space>
        </div>
        <div style={{ display: 'flex', alignItems: 'center', gap: '4px 24px', flexWrap: 'wrap', marginTop: 2 }}>
          <span style={{ fontSize: 'clamp(15px, 1.1vw, 20px)', fontWeight: 600 }} data-testid="meeting-summary">
            {completenessText(analysis)}
          </span>
          <Legend size={16} fontSize={15} color={theme.fg} />
        </div>
      </header>
      <div style={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <div style={{ flex: 1, position: 'relative', minWidth: 0 }}>
          <PosterView
            content={content}
            dark={dark}
            focusId={focusId}
            showLinks={showLinks}
            statusLetter={statusLetter}
            compact={gap !== undefined}
            onPick={(id) => setPicked((p) => (p === id ? null : id))}
          />
        </div>
        {gap ? (
          <aside
            style={{ width: 'clamp(340px, 30vw, 560px)', borderLeft: `1px solid ${theme.border}`, background: theme.panel, padding: '16px 20px', overflowY: 'auto' }}
            data-testid="meeting-panel"
          >
            <GapPanel detail={detail} gap={gap} step={stepText} theme={theme} onClose={() => step('start')} />
          </aside>
        ) : null}
      </div>
      <footer style={{ padding: '4px 16px', fontSize: 15, color: theme.muted, borderTop: `1px solid ${theme.border}`, display: 'flex', gap: 24 }}>
        <span data-testid="meeting-help">{gap ? '' : order.length ? t('meetingStart') : t('meetingNoGaps')}</span>
        <span style={{ marginLeft: 'auto' }}>{t('meetingHelp')}</span>
      </footer>
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
  return <Meeting chainId={chainId} />;
}
