import type { Kpi, KpiReport, Target } from '../../../shared/api/dashboard';
import { callOrFail, withBackend } from '../backend';
import { contract } from '../../../shared/api';
import { STANDARD_INDICATOR_CODES } from '../../../shared/domain/indicator';
import type { AppErrorData } from '../../../shared/result';
import { EXIT, isError, requireString, type CliCommand, type CliValues } from '../command';
import { flagOptions, flagsUsage, readSchemaFlags, schemaFlags, type SchemaFlag } from '../schema-flags';

const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

const YEAR = { year: 'YYYY' };
const SET_FLAGS = schemaFlags(contract['dashboard.setTarget'].input, {
  placeholders: { ...YEAR, indicator: `${STANDARD_INDICATOR_CODES.join('|')}|custom:NAME`, label: '名称', unit: '单位' },
});
const LIST_FLAGS = schemaFlags(contract['dashboard.targets'].input, { placeholders: YEAR });
const DELETE_FLAGS = schemaFlags(contract['dashboard.deleteTarget'].input, { placeholders: { ...YEAR, indicator: 'CODE' } });
const KPI_FLAGS = schemaFlags(contract['dashboard.kpis'].input, { placeholders: { ...YEAR, to: 'YYYY-MM' } });

/** --db and the method's flags, read and checked. */
function readArgs(values: CliValues, flags: readonly SchemaFlag[]): { db: string; input: Record<string, unknown> } | AppErrorData {
  const db = requireString(values, 'db');
  if (isError(db)) return db;
  const input = readSchemaFlags(values, flags);
  return isError(input) ? input : { db, input };
}

const targetLine = (t: Target) => `${t.year} ${t.label}（${t.indicator}）目标 ${t.value}${t.unit}${t.actual !== null ? `，已完成 ${t.actual}${t.unit}` : ''}`;

export const targetsSetCommand: CliCommand = {
  name: 'targets set',
  summary: '设置年度目标（自定义指标写作 custom:名称，可带 --label --unit --actual）',
  usage: `targets set --db FILE ${flagsUsage(SET_FLAGS)} [--json]`,
  options: { ...common, ...flagOptions(SET_FLAGS) },
  schemaFlags: SET_FLAGS,
  async run(values, _pos, io) {
    const args = readArgs(values, SET_FLAGS);
    if (isError(args)) return io.fail(args);
    return withBackend(args.db, io, async (backend) => {
      const r = await callOrFail<Target>(backend, io, 'dashboard.setTarget', args.input);
      if ('code' in r) return r.code;
      io.out(r.value, `已设置：${targetLine(r.value)}`);
      return EXIT.ok;
    });
  },
};

export const targetsListCommand: CliCommand = {
  name: 'targets list',
  summary: '列出某年度的目标',
  usage: `targets list --db FILE ${flagsUsage(LIST_FLAGS)} [--json]`,
  options: { ...common, ...flagOptions(LIST_FLAGS) },
  schemaFlags: LIST_FLAGS,
  async run(values, _pos, io) {
    const args = readArgs(values, LIST_FLAGS);
    if (isError(args)) return io.fail(args);
    const { year } = args.input as { year: number };
    return withBackend(args.db, io, async (backend) => {
      const r = await callOrFail<Target[]>(backend, io, 'dashboard.targets', args.input);
      if ('code' in r) return r.code;
      io.out({ year, targets: r.value }, r.value.length ? r.value.map(targetLine).join('\n') : `${year}年尚未设置目标`);
      return EXIT.ok;
    });
  },
};

export const targetsDeleteCommand: CliCommand = {
  name: 'targets delete',
  summary: '删除某年度某指标的目标',
  usage: `targets delete --db FILE ${flagsUsage(DELETE_FLAGS)} [--json]`,
  options: { ...common, ...flagOptions(DELETE_FLAGS) },
  schemaFlags: DELETE_FLAGS,
  async run(values, _pos, io) {
    const args = readArgs(values, DELETE_FLAGS);
    if (isError(args)) return io.fail(args);
    const { year, indicator } = args.input as { year: number; indicator: string };
    return withBackend(args.db, io, async (backend) => {
      const r = await callOrFail(backend, io, 'dashboard.deleteTarget', args.input);
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
  usage: `dashboard --db FILE ${flagsUsage(KPI_FLAGS)} [--json]`,
  options: { ...common, ...flagOptions(KPI_FLAGS) },
  schemaFlags: KPI_FLAGS,
  async run(values, _pos, io) {
    const args = readArgs(values, KPI_FLAGS);
    if (isError(args)) return io.fail(args);
    return withBackend(args.db, io, async (backend) => {
      const r = await callOrFail<KpiReport>(backend, io, 'dashboard.kpis', args.input);
      if ('code' in r) return r.code;
      const { value } = r;
      io.out(value, [`${value.from} 至 ${value.to}（时间进度 ${value.elapsed}%）　口径：${value.basis}`, ...value.kpis.map(kpiLine)].join('\n'));
      return EXIT.ok;
    });
  },
};
