import { FilePdfOutlined, FileImageOutlined, FullscreenExitOutlined, FullscreenOutlined, AimOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Kpi } from '../../../../shared/api/dashboard';
import { formatInUnit, formatPercent, formatPercentNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/rules/period';
import { STATS_SCOPE_CODES } from '../../../../shared/domain/fdi';
import { domainMessages } from '../../i18n/domain';
import { useChanged } from '../../api/useChanged';
import { saveBlob } from '../../api/platform';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useDashboardStore } from '../../stores/dashboard';
import { useSettingsStore } from '../../stores/settings';
import { AlertsList } from './AlertsList';
import { CHART_TITLES, DashboardCharts, type Drill } from './DashboardCharts';
import { dashboardPdf, dashboardPng } from './export/exportDashboard';
import { KpiCards } from './KpiCards';
import { dashboardMessages } from './messages';
import { RecordsDrawer } from './RecordsDrawer';
import { StageProjectsDrawer } from './StageProjectsDrawer';
import { TargetsDrawer } from './TargetsDrawer';

const YEARS_BACK = 6;

/** 首页: the year's targets against actuals, the charts, the alerts; presentable full screen and exportable. */
export default function HomePage() {
  const t = useT(dashboardMessages);
  const td = useT(domainMessages);
  const { message } = App.useApp();
  const { year, to, scope, kpis, charts, alerts, loading, setPeriod, setScope, load } = useDashboardStore();
  const reportingUnit = useSettingsStore((s) => s.data?.jurisdiction.reportingUnit ?? '');
  const [error, setError] = useState<unknown>(null);
  const [targetsOpen, setTargetsOpen] = useState(false);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [exporting, setExporting] = useState<'png' | 'pdf' | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const reload = useCallback(() => {
    setError(null);
    load().catch(setError);
  }, [load]);
  useEffect(reload, [year, to, scope, reload]);

  // records imported or undone, projects or chains edited in another window: reload once things settle, not on every
  // event of a burst
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  useChanged(['fdi', 'projects', 'chains', 'enterprises', 'settings', 'stats', 'reference'], () => {
    clearTimeout(settle.current);
    settle.current = setTimeout(() => void load().catch(setError), 800);
  });

  // leaving full screen with Esc ends the presentation too
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const togglePresent = () => {
    if (presenting) {
      setPresenting(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    } else {
      setPresenting(true);
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    }
  };

  const thisYear = new Date().getFullYear();
  const month = Number(to.slice(5, 7));
  const period = periodLabel(`${year}-01`, to);

  const kpiLines = (k: Kpi): [string, string, string] => {
    const v = (x: number | null) => (x === null ? t('none') : `${formatInUnit(x, k.unit)}${k.unit === '%' ? '' : k.unit}`);
    const yoy = k.yoy === null ? t('none') : t(k.yoyKind === 'points' ? 'yoyPoints' : 'yoyPercent', { sign: k.yoy > 0 ? '+' : '', value: formatPercentNumber(k.yoy) });
    return [
      v(k.actual),
      k.target === null ? t('noTarget') : `${t('target')} ${v(k.target)} · ${t('completion')} ${k.completion === null ? t('none') : formatPercent(k.completion)}`,
      `${t('prior')} ${v(k.prior)} · ${t('yoy')} ${yoy}`,
    ];
  };
  const doExport = async (kind: 'png' | 'pdf') => {
    if (!kpis) return;
    setExporting(kind);
    try {
      const input = {
        title: t('exportTitle', { unit: reportingUnit, period }),
        subtitle: `${t('elapsed', { pct: formatPercentNumber(kpis.elapsed) })}　${t('basis', { basis: kpis.basis })}　${t('exportTime', { time: new Date().toLocaleString('zh-CN') })}`,
        kpis: kpis.kpis.map((kpi) => ({ kpi, lines: kpiLines(kpi) })),
        charts: CHART_TITLES.map(([id, key]) => [id, t(key)] as [string, string]),
      };
      const name = `首页_${period}.${kind}`;
      saveBlob(kind === 'png' ? await dashboardPng(input) : await dashboardPdf(input), name);
      message.success(t('exported', { name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setExporting(null);
    }
  };

  const pickers = (
    <Space wrap>
      <Typography.Text>{t('year')}</Typography.Text>
      <Select
        data-testid="year-picker"
        value={year}
        style={{ width: 100 }}
        options={Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
        onChange={(y: number) => setPeriod(y)}
      />
      <Typography.Text>{t('upTo')}</Typography.Text>
      <Select
        data-testid="month-picker"
        value={month}
        style={{ width: 90 }}
        options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('monthN', { month: i + 1 }) }))}
        onChange={(m: number) => setPeriod(year, `${year}-${String(m).padStart(2, '0')}`)}
      />
      <Select
        data-testid="scope-picker"
        value={scope}
        style={{ width: 196 }}
        options={STATS_SCOPE_CODES.map((s) => ({ value: s, label: td(`scope.${s}`) }))}
        onChange={setScope}
      />
      <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('refresh')} />
      <Button icon={<AimOutlined />} onClick={() => setTargetsOpen(true)} data-testid="open-targets">
        {t('targets')}
      </Button>
      <Button icon={presenting ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={togglePresent} data-testid="present">
        {presenting ? t('exitPresent') : t('present')}
      </Button>
      <Button icon={<FileImageOutlined />} onClick={() => doExport('png')} loading={exporting === 'png'} disabled={!charts} data-testid="export-png">
        {t('exportPng')}
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => doExport('pdf')} loading={exporting === 'pdf'} disabled={!charts} data-testid="export-pdf">
        {t('exportPdf')}
      </Button>
    </Space>
  );

  return (
    <div
      ref={box}
      data-testid="dashboard"
      data-presenting={presenting}
      style={presenting ? { position: 'fixed', inset: 0, zIndex: 999, background: '#f5f5f5', overflow: 'auto', padding: 24 } : undefined}
    >
      <PageHeader title={presenting ? `${reportingUnit} · ${period}` : t('title')} testId="page-title" extra={pickers} />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {!kpis || !charts ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="period-line">
            {period} · {t('elapsed', { pct: formatPercentNumber(kpis.elapsed) })} ·{' '}
            <Tag color="blue" data-testid="dashboard-basis" style={{ marginInlineEnd: 0 }}>
              {t('basis', { basis: kpis.basis })}
            </Tag>{' '}
            · {t('clickHint')}
          </Typography.Paragraph>
          <KpiCards kpis={kpis.kpis} elapsed={kpis.elapsed} />
          <DashboardCharts charts={charts} onDrill={setDrill} alerts={<AlertsList alerts={alerts} />} alertCount={alerts.length} />
        </>
      )}
      <TargetsDrawer open={targetsOpen} onClose={() => setTargetsOpen(false)} />
      <RecordsDrawer
        item={drill?.kind === 'records' ? drill.item : null}
        from={`${year}-01`}
        to={to}
        scope={kpis?.scope ?? scope}
        domesticReinvestment={kpis?.domesticReinvestment}
        onClose={() => setDrill(null)}
      />
      <StageProjectsDrawer stage={drill?.kind === 'stage' ? drill.stage : null} onClose={() => setDrill(null)} />
    </div>
  );
}
