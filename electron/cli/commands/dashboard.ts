import type { Kpi, KpiReport, Target } from '../../../shared/api/dashboard';
import { callOrFail, withBackend } from '../backend';
import { EXIT, isError, refuse, requireString, type CliCommand, type CliValues } from '../command';
import { readStatsOptions, STATS_OPTION_FLAGS } from './stats-options';
import { DOMESTIC_REINVESTMENT_RULE_CODES, STATS_SCOPE_CODES } from '../../../shared/domain/fdi';

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

function yearOf(values: CliValues): number | ReturnType<typeof refuse> {
  const text = requireString(values, 'year');
  if (isError(text)) return text;
  return /^\d{4}$/.test(text) ? Number(text) : refuse('INVALID_INPUT', `--year 应为四位年份：${text}`);
}

function numberOf(values: CliValues, name: string): number | null | ReturnType<typeof refuse> {
  const text = values[name];
  if (text === undefined) return null;
  const n = typeof text === 'string' && text.trim() !== '' ? Number(text) : NaN;
  return Number.isFinite(n) ? n : refuse('INVALID_INPUT', `--${name} 不是有效数字：${String(text)}`);
}

const targetLine = (t: Target) => `${t.year} ${t.label}（${t.indicator}）目标 ${t.value}${t.unit}${t.actual !== null ? `，已完成 ${t.actual}${t.unit}` : ''}`;

export const targetsSetCommand: CliCommand = {
  name: 'targets set',
  summary: '设置年度目标（自定义指标写作 custom:名称，可带 --label --unit --actual）',
  usage:
    'targets set --db FILE --year YYYY --indicator actualFdi|contractedFdi|newEnterprises|highTechShare|devZoneShare|ftzShare|custom:NAME --value N [--label 名称] [--unit 单位] [--actual N] [--json]',
  options: { ...common, year: { type: 'string' }, indicator: { type: 'string' }, value: { type: 'string' }, label: { type: 'string' }, unit: { type: 'string' }, actual: { type: 'string' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const year = yearOf(values);
    if (isError(year)) return io.fail(year);
    const indicator = requireString(values, 'indicator');
    if (isError(indicator)) return io.fail(indicator);
    const value = numberOf(values, 'value');
    if (isError(value)) return io.fail(value);
    if (value === null) return io.fail(refuse('INVALID_INPUT', '缺少 --value'));
    const actual = numberOf(values, 'actual');
    if (isError(actual)) return io.fail(actual);
    const input = {
      year,
      indicator,
      value,
      ...(typeof values.label === 'string' ? { label: values.label } : {}),
      ...(typeof values.unit === 'string' ? { unit: values.unit } : {}),
      ...(actual !== null ? { actual } : {}),
    };
    return withBackend(file, io, async (backend) => {
      const r = await callOrFail<Target>(backend, io, 'dashboard.setTarget', input);
      if ('code' in r) return r.code;
      io.out(r.value, `已设置：${targetLine(r.value)}`);
      return EXIT.ok;
    });
  },
};

export const targetsListCommand: CliCommand = {
  name: 'targets list',
  summary: '列出某年度的目标',
  usage: 'targets list --db FILE --year YYYY [--json]',
  options: { ...common, year: { type: 'string' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const year = yearOf(values);
    if (isError(year)) return io.fail(year);
    return withBackend(file, io, async (backend) => {
      const r = await callOrFail<Target[]>(backend, io, 'dashboard.targets', { year });
      if ('code' in r) return r.code;
      io.out({ year, targets: r.value }, r.value.length ? r.value.map(targetLine).join('\n') : `${year}年尚未设置目标`);
      return EXIT.ok;
    });
  },
};

export const targetsDeleteCommand: CliCommand = {
  name: 'targets delete',
  summary: '删除某年度某指标的目标',
  usage: 'targets delete --db FILE --year YYYY --indicator CODE [--json]',
  options: { ...common, year: { type: 'string' }, indicator: { type: 'string' } },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const year = yearOf(values);
    if (isError(year)) return io.fail(year);
    const indicator = requireString(values, 'indicator');
    if (isError(indicator)) return io.fail(indicator);
    return withBackend(file, io, async (backend) => {
      const r = await callOrFail(backend, io, 'dashboard.deleteTarget', { year, indicator });
      if ('code' in r) return r.code;
      io.out({ year, indicator, deleted: true }, `已删除 ${year} 年 ${indicator} 的目标`);
      return EXIT.ok;
    });
  },
};

const fmt = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

function kpiLine(k: Kpi): string {
  const yoy = k.yoy === null ? '—' : k.yoyKind === 'points' ? `${k.yoy > 0 ? '+' : ''}${k.yoy}个百分点` : `${k.yoy > 0 ? '+' : ''}${k.yoy}%`;
  return `${k.label}：${fmt(k.actual, k.unit)}，目标 ${fmt(k.target, k.unit)}，完成 ${fmt(k.completion, '%')}，上年同期 ${fmt(k.prior, k.unit)}，同比 ${yoy}`;
}

export const dashboardCommand: CliCommand = {
  name: 'dashboard',
  summary: '年度目标完成情况（与首页卡片数字相同）',
  usage: `dashboard --db FILE --year YYYY --to YYYY-MM [--scope ${STATS_SCOPE_CODES.join('|')}] [--domestic-reinvestment ${DOMESTIC_REINVESTMENT_RULE_CODES.join('|')}] [--json]`,
  options: { ...common, year: { type: 'string' }, to: { type: 'string' }, scope: STATS_OPTION_FLAGS.scope, 'domestic-reinvestment': STATS_OPTION_FLAGS['domestic-reinvestment'] },
  async run(values, _pos, io) {
    const file = requireString(values, 'db');
    if (isError(file)) return io.fail(file);
    const year = yearOf(values);
    if (isError(year)) return io.fail(year);
    const to = requireString(values, 'to');
    if (isError(to)) return io.fail(to);
    const options = readStatsOptions(values, ['scope', 'domesticReinvestment']);
    if (isError(options)) return io.fail(options);
    return withBackend(file, io, async (backend) => {
      const r = await callOrFail<KpiReport>(backend, io, 'dashboard.kpis', { year, to, ...options });
      if ('code' in r) return r.code;
      const { value } = r;
      io.out(value, [`${value.from} 至 ${value.to}（时间进度 ${value.elapsed}%）　口径：${value.basis}`, ...value.kpis.map(kpiLine)].join('\n'));
      return EXIT.ok;
    });
  },
};
