import { z } from 'zod';
import { CURRENCY_CODES, DOMESTIC_REINVESTMENT_RULE_CODES, FDI_MODE_CODES, STATS_SCOPE_CODES } from '../domain/fdi';
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

const rangeFields = { from: periodInput, to: periodInput };
function checkedRange<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .refine((r) => isOrdered(r as { from: string; to: string }), ORDER_MESSAGE)
    .refine((r) => !wellFormed(r as { from: string; to: string }) || monthsBetween((r as { from: string }).from, (r as { to: string }).to) <= MAX_RANGE_MONTHS, {
      message: `统计期最长 ${MAX_RANGE_MONTHS} 个月`,
      path: ['to'],
    });
}

export const statsRangeSchema = checkedRange(rangeFields);
export type StatsRange = z.infer<typeof statsRangeSchema>;

/**
 * How figures are counted and shown: scope (全口径, or without banking, securities and insurance), comparable 同比
 * (both periods limited to the districts with records in both), currency, and how 境内再投资 counts (absent: the
 * setting). Every result states what it used.
 */
export const statsOptionsFields = {
  scope: z.enum(STATS_SCOPE_CODES).default('all'),
  comparable: z.boolean().default(false),
  currency: z.enum(CURRENCY_CODES).default('usd'),
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES).optional(),
};
export const statsQuerySchema = checkedRange({ ...rangeFields, ...statsOptionsFields });
export type StatsQuery = z.infer<typeof statsQuerySchema>;
export type StatsOptions = Omit<StatsQuery, 'from' | 'to'>;

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
  /**
   * total: 合计; item: a breakdown row; ofWhich: 其中 rows (subsets, not added into the total); unassigned: records
   * without the attribute; memo: 附 rows outside the total (境内再投资 when the 口径 leaves it out).
   */
  role: z.enum(['total', 'item', 'ofWhich', 'unassigned', 'memo']),
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
  if (row.role === 'memo') return `附：${row.name}（不计入合计）`;
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
  /** 表号 as the bureau set it in 统计设置 (empty until then: no made-up numbers). */
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

/** Which districts have records in each period (名称; 未分区县 for records without one). */
export const coverageSchema = z.object({
  current: z.array(z.string()),
  prior: z.array(z.string()),
  /** With records this period but none in the prior one: 同比 of the whole is not like for like. */
  missingPrior: z.array(z.string()),
  /** With records in the prior period but none yet in this one. */
  missingCurrent: z.array(z.string()),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const statsTablesSchema = z.object({
  from: z.string(),
  to: z.string(),
  priorFrom: z.string(),
  priorTo: z.string(),
  /** 统计期 as printed: 2025年1-10月. */
  label: z.string(),
  priorLabel: z.string(),
  scope: z.enum(STATS_SCOPE_CODES),
  comparable: z.boolean(),
  currency: z.enum(CURRENCY_CODES),
  /** 计量单位 of the amounts: 万美元, or 亿元人民币 (each month at its rate). */
  unit: z.enum(['万美元', '亿元人民币']),
  /** The 口径 of 境内再投资 used (the setting, or the call's own). */
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES),
  /** The scope and 口径 in words, as every table, export and card prints them. */
  basis: z.string(),
  coverage: coverageSchema,
  /** 境内再投资 records counted at 0 under byForeignShare because their enterprise has no foreign share set. */
  domesticWithoutShare: z.number().int(),
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
  /** What the record's amounts count as under the 口径: 1, or its enterprise's foreign share for 境内再投资. */
  weight: z.number(),
  /** Where it came from: the import batch, the file, sheet and Excel row (null for records not imported from a file). */
  source: z.object({ batchId: z.number().int(), file: z.string(), sheet: z.string().nullable(), row: z.number().int().nullable() }).nullable(),
});
export type StatsRecord = z.infer<typeof statsRecordSchema>;

/** A record's row as it was in its file: the header's labels and the row's cells, column by column. */
export const recordSourceSchema = z.object({
  recordId: z.number().int(),
  batchId: z.number().int(),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int(),
  /** The header's labels by column (two-row headers joined 父/子), where one was found above the row. */
  header: z.array(z.string()),
  cells: z.array(z.object({ column: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) })),
});
export type RecordSource = z.infer<typeof recordSourceSchema>;

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
  /** Districts with records this period but none in the same months a year before: 同比 is not like for like. */
  missingPrior: z.array(z.string()),
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
    summary: '外资统计标准表（总表、分行业、分国别、分投资方式、分区县、分园区），含上年同期与同比；可选口径、范围、可比、币种',
    input: statsQuerySchema,
    output: statsTablesSchema,
  },
  'stats.records': {
    summary: '某个统计数字背后的记录（分页），每条记录带来源文件、工作表与行号',
    input: z
      .object({
        ...rangeFields,
        ...statsOptionsFields,
        filter: recordsFilterSchema.default({}),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(500).default(50),
      })
      .refine(isOrdered, ORDER_MESSAGE),
    output: z.object({
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      /** In the query's currency and 口径, as the cell it drills into. */
      sums: z.object({ records: z.number().int(), newEnterprises: z.number().int(), contractedFdi: z.number(), actualFdi: z.number() }),
      unit: z.enum(['万美元', '亿元人民币']),
      rows: z.array(statsRecordSchema),
    }),
  },
  'stats.recordSource': {
    summary: '一条记录在原文件中的那一行（批次、文件、工作表、行号与原样单元格）',
    input: z.object({ recordId: z.number().int() }),
    output: recordSourceSchema,
  },
  'stats.consolidation': {
    summary: '汇总检查：各区县之和是否等于合计，未分区县、缺报区县、批次区县不符、上年同期缺区县',
    input: statsQuerySchema,
    output: consolidationSchema,
  },
  'stats.export': {
    job: fileRefSchema,
    summary: '导出外资统计表（xlsx，每表一页，按统计报表格式）；返回任务号，结果为文件',
    input: statsQuerySchema,
    output: jobStartedSchema,
  },
});

/** What a finished `stats.export` job holds as its result. */
export const statsExportResultSchema = fileRefSchema;
