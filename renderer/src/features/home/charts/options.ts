import type { ChartItem, DashboardCharts } from '../../../../../shared/api/dashboard';
import { formatAmount, formatPercent } from '../../../../../shared/format';
import type { ChartOption } from './echarts';

/** Pure builders of the dashboard's chart options from `dashboard.charts`, so the page stays layout only. */

import type { dashboardMessages } from '../messages';

export type Translate = (key: keyof (typeof dashboardMessages)['zh-CN'] & string, params?: Record<string, string | number>) => string;

const PALETTE = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911'];
const base = { color: PALETTE, animation: false, textStyle: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" } };

export function cumulativeOption(c: DashboardCharts, t: Translate): ChartOption {
  const { months, current, prior, target } = c.cumulative;
  const labels = months.map((m) => t('monthN', { month: Number(m.slice(5)) }));
  const series: object[] = [
    { name: t('seriesCurrent', { year: c.year }), type: 'line', data: current, symbolSize: 6, lineStyle: { width: 3 }, areaStyle: { opacity: 0.08 } },
    { name: t('seriesPrior', { year: c.year - 1 }), type: 'line', data: prior, symbol: 'none', lineStyle: { type: 'dashed', width: 2 }, color: '#8c8c8c' },
  ];
  if (target !== null) {
    series.push({
      name: t('seriesProgress'),
      type: 'line',
      data: months.map((_, i) => Math.round(((target * (i + 1)) / 12) * 100) / 100),
      symbol: 'none',
      lineStyle: { type: 'dotted', width: 2 },
      color: '#fa541c',
      markLine: { symbol: 'none', label: { position: 'insideStartTop', formatter: `${t('seriesTarget')} ${formatAmount(target)}` }, data: [{ yAxis: target }], lineStyle: { color: '#fa541c' } },
    });
  }
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatAmount(v) : '—') },
    legend: { top: 0 },
    grid: { left: 70, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value' },
    series,
  };
}

/** A bar per item, largest on top, with its value at the end of the bar. */
export function rankedBarOption(items: ChartItem[], extra: { valueSuffix?: string; labels?: string[]; labelRoom?: number } = {}): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => `${formatAmount(Number(v))}${extra.valueSuffix ?? ''}` },
    grid: { left: 10, right: extra.labelRoom ?? 84, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisTick: { show: false }, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: items.map((i) => i.value),
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number; value: number }) => extra.labels?.[p.dataIndex] ?? formatAmount(p.value) },
      },
    ],
  };
}

export function groupsOption(c: DashboardCharts): ChartOption {
  return rankedBarOption(c.groups, { labels: c.groups.map((g) => `${formatAmount(g.value)}（${g.share === null ? '—' : formatPercent(g.share)}）`), labelRoom: 130 });
}

/** Below this chart width a legend beside the donut would cover it (a third of a 1366-px screen): it goes underneath. */
const SIDE_LEGEND_MIN_WIDTH = 480;

export function sectionsOption(c: DashboardCharts): ChartOption {
  return {
    baseOption: {
      ...base,
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${formatAmount(p.value)}（${formatPercent(p.percent)}）` },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', formatter: (name: string) => (name.length > 8 ? `${name.slice(0, 8)}…` : name) },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['35%', '50%'],
          data: c.sections.map((s) => ({ name: s.name, value: s.value })),
          label: { show: false },
        },
      ],
    },
    // ECharts re-applies these on every resize: a narrow card gets the donut centred and one scrolling legend line below
    media: [
      {
        query: { maxWidth: SIDE_LEGEND_MIN_WIDTH - 1 },
        option: {
          legend: { orient: 'horizontal', left: 'center', right: 'auto', top: 'auto', bottom: 0 },
          series: [{ radius: ['38%', '62%'], center: ['50%', '44%'] }],
        },
      },
    ],
  };
}

export function pipelineOption(c: DashboardCharts, stageName: (stage: string) => string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item' },
    grid: { left: 10, right: 20, top: 20, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: c.pipeline.map((p) => stageName(p.stage)), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: c.pipeline.map((p) => p.count), barMaxWidth: 36, label: { show: true, position: 'top' } }],
  };
}

export function chainsOption(c: DashboardCharts, t: Translate): ChartOption {
  const stack = (key: 'strong' | 'weak' | 'missing', name: string, color: string) => ({
    name,
    type: 'bar',
    stack: 'segments',
    barMaxWidth: 28,
    color,
    data: c.chains.map((ch) => ch[key]),
    label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
  });
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 10, right: 60, top: 30, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: c.chains.map((ch) => `${ch.name}（${ch.completeness === null ? '—' : formatPercent(ch.completeness)}）`),
      axisTick: { show: false },
    },
    series: [stack('strong', t('chainStrong'), '#52c41a'), stack('weak', t('chainWeak'), '#faad14'), stack('missing', t('chainMissing'), '#f5222d')],
  };
}
