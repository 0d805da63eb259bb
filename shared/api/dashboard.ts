import { z } from 'zod';
import { DOMESTIC_REINVESTMENT_RULE_CODES, STATS_SCOPE_CODES } from '../domain/fdi';
import { CUSTOM_INDICATOR_PATTERN, STANDARD_INDICATOR_CODES } from '../domain/indicator';
import { ISSUE_CATEGORY_CODES, PROJECT_STAGE_CODES } from '../domain/project';
import { MAX_AMOUNT_WAN } from '../rules/bounds';
import { PERIOD_PATTERN } from '../rules/period';
import { defineMethods } from './define';
import { recordsFilterSchema } from './stats';

export const indicatorSchema = z.union([
  z.enum(STANDARD_INDICATOR_CODES),
  z.string().regex(CUSTOM_INDICATOR_PATTERN, '自定义指标应写作 custom:名称（不超过30字）'),
]);

const yearSchema = z.number().int().min(1950).max(2100);
const periodSchema = z.string().regex(PERIOD_PATTERN, '月份应为 YYYY-MM');

export const targetSchema = z.object({
  year: z.number().int(),
  indicator: z.string(),
  /** The name shown on the card: the standard name, or the bureau's own for a custom one. */
  label: z.string(),
  /** 万美元, 家, % for the standard ones; the bureau's own unit for a custom one. */
  unit: z.string(),
  value: z.number(),
  /** Custom indicators only: the figure reached so far, typed by the bureau. */
  actual: z.number().nullable(),
});
export type Target = z.infer<typeof targetSchema>;

export const kpiSchema = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string(),
  /** Year to date (January to `to`); shares in percent. Null for a custom indicator with nothing typed yet. */
  actual: z.number().nullable(),
  target: z.number().nullable(),
  /** actual / target in percent, 1 decimal; null without a target. */
  completion: z.number().nullable(),
  /** The same months of the year before. */
  prior: z.number().nullable(),
  /** 同比: percent for amounts and counts, percentage points for shares (see yoyKind); null when prior is 0. */
  yoy: z.number().nullable(),
  yoyKind: z.enum(['percent', 'points']),
  /** The scope and 口径 of 境内再投资 the figure follows (null for a custom indicator: the bureau's own figure). */
  scope: z.enum(STATS_SCOPE_CODES).nullable(),
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES).nullable(),
});
export type Kpi = z.infer<typeof kpiSchema>;

/**
 * One bar or slice, with the `stats.records` filter that gives the records behind it (the stats tables' own filter
 * for that row), so a click shows exactly what was summed.
 */
export const chartItemSchema = z.object({
  key: z.string(),
  name: z.string(),
  value: z.number(),
  filter: recordsFilterSchema,
});
export type ChartItem = z.infer<typeof chartItemSchema>;

export const chainGapSchema = z.object({
  segmentId: z.number().int(),
  name: z.string(),
  status: z.enum(['weak', 'missing']),
  targets: z.number().int(),
});

export const chainCompletenessSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  segments: z.number().int(),
  /** Leaf segments by status (what completeness counts; a parent's status is its sub-segments' roll-up). */
  strong: z.number().int(),
  weak: z.number().int(),
  missing: z.number().int(),
  /** The gap rule's completeness: leaf segments not missing, percent 1 decimal (null for a chain with no segments). */
  completeness: z.number().nullable(),
  gaps: z.array(chainGapSchema),
});
export type ChainCompleteness = z.infer<typeof chainCompletenessSchema>;

export const chartsSchema = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  scope: z.enum(STATS_SCOPE_CODES),
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES),
  /** The scope and 口径 in words, as the page prints them. */
  basis: z.string(),
  /** Cumulative actual FDI (万美元) by month: this year up to `to` (null after it), last year all 12 months. */
  cumulative: z.object({
    months: z.array(z.string()),
    current: z.array(z.number().nullable()),
    prior: z.array(z.number()),
    /** The year's actual-FDI target, or null. The chart draws it as a time-progress line and a ceiling. */
    target: z.number().nullable(),
  }),
  /** Actual FDI by source, top 10; and by country group (a source may sit in several groups). */
  countries: z.array(chartItemSchema),
  otherCountries: z.number(),
  groups: z.array(chartItemSchema.extend({ share: z.number().nullable() })),
  /** Actual FDI by GB/T 4754 section, and the high-tech part of the whole. */
  sections: z.array(chartItemSchema),
  highTech: z.object({ actualFdi: z.number(), share: z.number().nullable() }),
  districts: z.array(chartItemSchema),
  platforms: z.array(chartItemSchema),
  total: z.number(),
  pipeline: z.array(z.object({ stage: z.enum(PROJECT_STAGE_CODES), count: z.number().int() })),
  chains: z.array(chainCompletenessSchema),
});
export type DashboardCharts = z.infer<typeof chartsSchema>;

export const alertSchema = z.object({
  kind: z.enum(['noFollowUp', 'issueOverdue', 'gapWithoutTarget']),
  /** Where the link goes: a project or a chain. */
  section: z.enum(['projects', 'chains']),
  id: z.number().int(),
  /** The project's or the chain's name. */
  title: z.string(),
  /** Days since the last follow-up (or first contact), or past the due date; null for a gap. */
  days: z.number().int().nullable(),
  /** noFollowUp: the stage and the last follow-up date (null = never). */
  stage: z.enum(PROJECT_STAGE_CODES).optional(),
  lastFollowUp: z.string().nullable().optional(),
  /** issueOverdue: the problem. */
  category: z.enum(ISSUE_CATEGORY_CODES).optional(),
  description: z.string().optional(),
  due: z.string().optional(),
  owner: z.string().optional(),
  /** gapWithoutTarget: the segment and its status. */
  segment: z.string().optional(),
  segmentStatus: z.enum(['weak', 'missing']).optional(),
});
export type DashboardAlert = z.infer<typeof alertSchema>;

/**
 * The year and last month counted, and how: the headline follows the plan's scope (不含银行、证券、保险, 专栏1 注)
 * unless asked otherwise; 境内再投资 by the setting unless the call says.
 */
const yearTo = z
  .object({
    year: yearSchema,
    to: periodSchema,
    scope: z.enum(STATS_SCOPE_CODES).default('excl-finance'),
    domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES).optional(),
  })
  .refine((v) => v.to.startsWith(`${v.year}-`), { message: '截止月份应在所选年度内', path: ['to'] });

export const kpiReportSchema = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Share of the year elapsed: month of `to` / 12, percent 1 decimal. */
  elapsed: z.number(),
  scope: z.enum(STATS_SCOPE_CODES),
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES),
  basis: z.string(),
  kpis: z.array(kpiSchema),
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

export const dashboardMethods = defineMethods({
  'dashboard.targets': {
    summary: '读取某年度的目标',
    input: z.object({ year: yearSchema }),
    output: z.array(targetSchema),
  },
  'dashboard.setTarget': {
    writes: ['dashboard', 'audit'],
    summary: '设置某年度某指标的目标（自定义指标可同时填写完成值）',
    input: z.object({
      year: yearSchema,
      indicator: indicatorSchema,
      value: z.number().min(0, '目标不能为负数').max(MAX_AMOUNT_WAN, `目标不能超过 ${MAX_AMOUNT_WAN}`),
      label: z.string().trim().max(40).optional(),
      unit: z.string().trim().max(10).optional(),
      actual: z.number().min(0).max(MAX_AMOUNT_WAN, `完成值不能超过 ${MAX_AMOUNT_WAN}`).nullable().optional(),
    }),
    output: targetSchema,
  },
  'dashboard.deleteTarget': {
    writes: ['dashboard', 'audit'],
    summary: '删除某年度某指标的目标',
    input: z.object({ year: yearSchema, indicator: indicatorSchema }),
    output: z.object({}),
  },
  'dashboard.kpis': { summary: '年度目标完成情况（1月至截止月份）', input: yearTo, output: kpiReportSchema },
  'dashboard.charts': { summary: '首页图表数据（1月至截止月份）', input: yearTo, output: chartsSchema },
  'dashboard.home': {
    summary: '首页：目标完成情况与图表，一次算出（统计表只算一遍）',
    input: yearTo,
    output: z.object({ kpis: kpiReportSchema, charts: chartsSchema }),
  },
  'dashboard.stageProjects': {
    summary: '某阶段的重点项目（首页项目阶段图的明细）',
    input: z.object({ stage: z.enum(PROJECT_STAGE_CODES) }),
    output: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        investor: z.string(),
        countryCode: z.string().nullable(),
        contractedFdi: z.number().nullable(),
        ownerPerson: z.string(),
        lastFollowUpDate: z.string().nullable(),
      }),
    ),
  },
  'dashboard.alerts': {
    summary: '提醒：久未跟进的项目、逾期问题、无招商目标的缺失环节',
    input: z.object({}),
    output: z.array(alertSchema),
  },
});
