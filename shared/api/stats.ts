import { z } from 'zod';
import { FDI_MODE_CODES } from '../domain/fdi';
import { PLATFORM_TYPE_CODES } from '../domain/platform';
import { PERIOD_PATTERN } from '../rules/period';
import { fileRefSchema } from './files';
import { jobStartedSchema } from './jobs';
import { defineMethods } from './define';

/** The longest range the tables accept: ten years is already more than any return covers. */
export const MAX_RANGE_MONTHS = 120;

const periodInput = z.string().regex(PERIOD_PATTERN, '月份应写作 YYYY-MM，如 2025-10');

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Order and length are only judged once both months are well formed (a malformed one is reported on its own). */
const wellFormed = (r: { from: string; to: string }) => PERIOD_PATTERN.test(r.from) && PERIOD_PATTERN.test(r.to);
const isOrdered = (r: { from: string; to: string }) => !wellFormed(r) || r.from <= r.to;
const ORDER_MESSAGE = { message: '起始月份不能晚于截止月份', path: ['from'] };

export const statsRangeSchema = z
  .object({ from: periodInput, to: periodInput })
  .refine(isOrdered, ORDER_MESSAGE)
  .refine((r) => !wellFormed(r) || monthsBetween(r.from, r.to) <= MAX_RANGE_MONTHS, {
    message: `统计期最长 ${MAX_RANGE_MONTHS} 个月`,
    path: ['to'],
  });
export type StatsRange = z.infer<typeof statsRangeSchema>;

/**
 * Which records stand behind a number. Every table row carries the filter that reproduces it, so a drill-down
 * (tables view, dashboard) never rebuilds the logic. Absent = no condition; `null` = "not set" (未分区县, 园区外…).
 */
export const recordsFilterSchema = z.object({
  section: z.string().regex(/^[A-T]$/).optional(),
  division: z.string().regex(/^\d{2}$/).optional(),
  /** An industry code (division, group or class digits): records whose class lies under it; `null`: without an industry. */
  industry: z.string().regex(/^\d{2,4}$/).nullable().optional(),
  country: z.string().length(3).nullable().optional(),
  /** A country group code (HMT, ASEAN…), membership taken at each record's own month. */
  group: z.string().min(1).max(20).optional(),
  mode: z.enum(FDI_MODE_CODES).optional(),
  district: z.number().int().nullable().optional(),
  platform: z.number().int().nullable().optional(),
  platformType: z.enum(PLATFORM_TYPE_CODES).optional(),
  /** Platforms of the types counted as 开发区 (DEVELOPMENT_ZONE_TYPES). */
  devZone: z.literal(true).optional(),
  highTech: z.enum(['all', 'manufacturing', 'services']).optional(),
});
export type RecordsFilter = z.infer<typeof recordsFilterSchema>;

export const measuresSchema = z.object({
  /** 新设外商投资企业数: distinct enterprises with a 新设 record. */
  newEnterprises: z.number().int(),
  /** 合同外资, 万美元, rounded to 2 decimals. */
  contractedFdi: z.number(),
  /** 实际使用外资, 万美元, rounded to 2 decimals. */
  actualFdi: z.number(),
});
export type Measures = z.infer<typeof measuresSchema>;

/** Percent with 1 decimal, or null where the base is 0 (the returns leave those cells blank). */
export const percentsSchema = z.object({
  newEnterprises: z.number().nullable(),
  contractedFdi: z.number().nullable(),
  actualFdi: z.number().nullable(),
});
export type Percents = z.infer<typeof percentsSchema>;

export const STATS_TABLE_IDS = ['summary', 'industry', 'country', 'mode', 'district', 'platform'] as const;
export type StatsTableId = (typeof STATS_TABLE_IDS)[number];

export const statsRowSchema = z.object({
  /** Stable within a table: `total`, `section:C`, `division:36`, `country:HKG`, `group:HMT`, `district:3`… */
  key: z.string(),
  /** The code printed in the 代码 column (section letter, division, ISO code, mode…), when the row has one. */
  code: z.string().nullable(),
  name: z.string(),
  /** Indent level: 0 top rows, 1 rows under a parent (divisions of C, platforms of a type, 其中 rows). */
  level: z.number().int().min(0).max(2),
  /** total: 合计; item: a breakdown row; ofWhich: 其中 rows (subsets, not added into the total); unassigned: records without the attribute. */
  role: z.enum(['total', 'item', 'ofWhich', 'unassigned']),
  current: measuresSchema,
  prior: measuresSchema,
  /** 同比 %, from the rounded figures; null when the prior figure is 0. */
  yoy: percentsSchema,
  /** Share of the table's 合计 in the current period, %. */
  share: percentsSchema,
  filter: recordsFilterSchema,
});
export type StatsRow = z.infer<typeof statsRowSchema>;

/** The name as printed: 其中 rows (subsets of the total) get the 其中： prefix, except the ones nested under another. */
export function rowLabel(row: Pick<StatsRow, 'name' | 'role' | 'level'>): string {
  return row.role === 'ofWhich' && row.level < 2 ? `其中：${row.name}` : row.name;
}

/** Codes people look up (industry, ISO country, district division code); internal codes (mode, type) stay off the form. */
export function printedCode(table: StatsTableId, row: Pick<StatsRow, 'code' | 'role'>): string | null {
  if (table === 'industry' || table === 'district') return row.code;
  if (table === 'country' && row.role === 'item') return row.code;
  return null;
}

export const statsTableSchema = z.object({
  id: z.enum(STATS_TABLE_IDS),
  /** 外商投资总表… */
  title: z.string(),
  /** 表号, e.g. 外资统计表1. */
  formNo: z.string(),
  rows: z.array(statsRowSchema),
});
export type StatsTable = z.infer<typeof statsTableSchema>;

/** Districts add up to the total: the sum of the district rows (with 未分区县) against the total counted on its own. */
export const districtCheckSchema = z.object({
  ok: z.boolean(),
  total: measuresSchema.omit({ newEnterprises: true }),
  sumOfDistricts: measuresSchema.omit({ newEnterprises: true }),
  difference: measuresSchema.omit({ newEnterprises: true }),
  /** Records of the range without a district (shown as 未分区县): a consolidation is complete when there are none. */
  unassigned: z.object({ records: z.number().int(), contractedFdi: z.number(), actualFdi: z.number() }),
});
export type DistrictCheck = z.infer<typeof districtCheckSchema>;

export const statsTablesSchema = z.object({
  from: z.string(),
  to: z.string(),
  priorFrom: z.string(),
  priorTo: z.string(),
  /** 统计期 as printed: 2025年1-10月. */
  label: z.string(),
  priorLabel: z.string(),
  unit: z.literal('万美元'),
  tables: z.array(statsTableSchema),
  districtCheck: districtCheckSchema,
});
export type StatsTables = z.infer<typeof statsTablesSchema>;

export const statsRecordSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string(),
  uscc: z.string().nullable(),
  mode: z.enum(FDI_MODE_CODES),
  contractedFdi: z.number(),
  actualFdi: z.number(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  countryCode: z.string().nullable(),
  countryName: z.string().nullable(),
  districtId: z.number().int().nullable(),
  districtName: z.string().nullable(),
  platformId: z.number().int().nullable(),
  platformName: z.string().nullable(),
  batchId: z.number().int().nullable(),
});
export type StatsRecord = z.infer<typeof statsRecordSchema>;

export const consolidationSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  ok: z.boolean(),
  check: districtCheckSchema,
  /** The 分区县 table itself. */
  table: statsTableSchema,
  /** Districts without any record in the range: a district file may be missing. */
  missingDistricts: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Records whose district differs from the district their import batch was tagged with. */
  batchMismatches: z.array(
    z.object({
      batchId: z.number().int(),
      fileName: z.string(),
      batchDistrict: z.string(),
      recordDistrict: z.string(),
      records: z.number().int(),
      actualFdi: z.number(),
    }),
  ),
});
export type Consolidation = z.infer<typeof consolidationSchema>;

export const statsMethods = defineMethods({
  'stats.tables': {
    summary: '外资统计标准表（总表、分行业、分国别、分投资方式、分区县、分园区），含上年同期与同比',
    input: statsRangeSchema,
    output: statsTablesSchema,
  },
  'stats.records': {
    summary: '某个统计数字背后的记录（分页）',
    input: z
      .object({
        from: periodInput,
        to: periodInput,
        filter: recordsFilterSchema.default({}),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(500).default(50),
      })
      .refine(isOrdered, ORDER_MESSAGE),
    output: z.object({
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      sums: z.object({ records: z.number().int(), newEnterprises: z.number().int(), contractedFdi: z.number(), actualFdi: z.number() }),
      rows: z.array(statsRecordSchema),
    }),
  },
  'stats.consolidation': {
    summary: '汇总检查：各区县之和是否等于合计，未分区县、缺报区县、批次区县不符',
    input: statsRangeSchema,
    output: consolidationSchema,
  },
  'stats.export': {
    summary: '导出外资统计表（xlsx，每表一页，按统计报表格式）；返回任务号，结果为文件',
    input: statsRangeSchema,
    output: jobStartedSchema,
  },
});

/** What a finished `stats.export` job holds as its result. */
export const statsExportResultSchema = fileRefSchema;
