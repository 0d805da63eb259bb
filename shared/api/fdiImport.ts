import { z } from 'zod';
import { problemSchema } from '../result';
import { defineMethods } from './define';
import { fileRefSchema } from './files';
import { jobStartedSchema } from './jobs';

/** The columns an FDI return can have, in template order, with the names people know them by. */
export const FDI_IMPORT_FIELDS = {
  enterpriseName: '企业名称',
  uscc: '统一社会信用代码',
  investor: '外方投资者',
  country: '国别（地区）',
  industry: '行业代码',
  mode: '投资方式',
  contractedFdi: '合同外资',
  actualFdi: '实际使用外资',
  period: '到资日期',
  district: '所属区县',
  platform: '所属园区',
} as const;
export type FdiImportField = keyof typeof FDI_IMPORT_FIELDS;
export const FDI_IMPORT_FIELD_KEYS = Object.keys(FDI_IMPORT_FIELDS) as [FdiImportField, ...FdiImportField[]];

/** Units a person may choose for a file's amounts: dollars, or 人民币 (converted at the rate table's monthly rates). */
export const AMOUNT_UNITS = ['万美元', '美元', '千美元', '亿美元', '元', '万元', '亿元'] as const;

/** Field → 0-based column index (null: do not import this field). Fields left out keep their detected column. */
export const fdiMappingSchema = z.partialRecord(z.enum(FDI_IMPORT_FIELD_KEYS), z.number().int().min(0).max(500).nullable());
export type FdiMapping = z.infer<typeof fdiMappingSchema>;

/** What the user may set on a preview or commit; anything left out is detected from the file. */
export const fdiImportOptionsSchema = z.object({
  sheet: z.string().max(100).optional(),
  mapping: fdiMappingSchema.optional(),
  /** The unit of the amount columns, when the file does not say or says it wrongly. */
  unit: z.enum(AMOUNT_UNITS).optional(),
  /** The district (区县) the file is from, by name, when its 填报单位/title does not say. */
  district: z.string().trim().min(1).max(60).optional(),
});
export type FdiImportOptions = z.infer<typeof fdiImportOptionsSchema>;

const columnSchema = z.object({
  index: z.number().int(),
  letter: z.string(),
  label: z.string(),
  field: z.enum(FDI_IMPORT_FIELD_KEYS).nullable(),
});

export const fdiRecordPreviewSchema = z.object({
  row: z.number().int(),
  ok: z.boolean(),
  enterpriseName: z.string(),
  uscc: z.string(),
  country: z.string(),
  industry: z.string(),
  mode: z.string(),
  contractedFdi: z.number().nullable(),
  actualFdi: z.number().nullable(),
  period: z.string(),
  district: z.string(),
  platform: z.string(),
});

/** The result of a preview job (`jobs.get(jobId).result`). Amounts in 万美元. */
export const fdiPreviewSchema = z.object({
  previewId: z.string(),
  file: z.object({ fileId: z.string(), name: z.string() }),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), isData: z.boolean(), headerRow: z.number().int().nullable() })),
  sheet: z.string().nullable(),
  /** Several sheets look like data and none was chosen: ask, then preview again with `sheet`. */
  needsSheetChoice: z.boolean(),
  headerRows: z.array(z.number().int()),
  columns: z.array(columnSchema),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['detected', 'remembered', 'given']),
  missingFields: z.array(z.object({ key: z.string(), label: z.string() })),
  units: z.object({ contractedFdi: z.string().nullable(), actualFdi: z.string().nullable(), source: z.enum(['given', 'header', 'title', 'assumed']) }),
  district: z.object({ id: z.number().int(), name: z.string(), source: z.enum(['given', 'file']) }).nullable(),
  context: z.object({ title: z.string().nullable(), reportingUnit: z.string().nullable(), periodText: z.string().nullable() }),
  counts: z.object({ dataRows: z.number().int(), cleanRows: z.number().int(), errorRows: z.number().int(), skippedRows: z.number().int() }),
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string(), text: z.string() })),
  sample: z.array(fdiRecordPreviewSchema),
  problems: z.array(problemSchema),
  problemCount: z.number().int(),
  problemsByCode: z.record(z.string(), z.number().int()),
});
export type FdiPreview = z.infer<typeof fdiPreviewSchema>;

/** The result of a commit job. */
export const fdiCommitResultSchema = z.object({
  batchId: z.number().int(),
  file: z.string(),
  rows: z.number().int(),
  skippedRows: z.number().int(),
  rejectedRows: z.number().int(),
  unit: z.string(),
  district: z.string().nullable(),
  enterprisesCreated: z.number().int(),
  enterprisesUpdated: z.number().int(),
  backup: z.string(),
});
export type FdiCommitResult = z.infer<typeof fdiCommitResultSchema>;

/** The result of a commit or consolidation job: one batch per file. */
export const fdiImportResultSchema = z.object({ batches: z.array(fdiCommitResultSchema), imported: z.number().int() });
export type FdiImportResult = z.infer<typeof fdiImportResultSchema>;

const fileToImportSchema = fdiImportOptionsSchema.extend({ previewId: z.string().optional(), fileId: z.string().optional() });

export const importBatchSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  sheet: z.string().nullable(),
  unit: z.string().nullable(),
  district: z.string().nullable(),
  rows: z.number().int(),
  skippedRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** Records of the batch still in the database (0 once undone). */
  records: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const fdiImportMethods = defineMethods({
  'fdiImport.preview': {
    summary: '读取外资统计报表，识别表头、单位与列对应，检查每一行（任务）',
    input: fdiImportOptionsSchema.extend({ fileId: z.string() }),
    output: jobStartedSchema,
  },
  'fdiImport.commit': {
    summary: '导入外资统计报表：有错误时整体拒绝，除非选择只导入无误的行（任务）',
    input: fileToImportSchema.extend({ allowPartial: z.boolean().default(false) }),
    output: jobStartedSchema,
  },
  'fdiImport.consolidate': {
    summary: '汇总导入多个区县的报表：每个文件一批，一并检查、一次写入（任务）',
    input: z.object({ files: z.array(fileToImportSchema).min(1).max(200), allowPartial: z.boolean().default(false) }),
    output: jobStartedSchema,
  },
  'fdiImport.batches': { summary: '外资统计导入记录', input: z.object({}), output: z.array(importBatchSchema) },
  'fdiImport.undo': {
    summary: '撤销一次导入',
    input: z.object({ batchId: z.number().int() }),
    output: z.object({ batchId: z.number().int(), removedRecords: z.number().int(), removedEnterprises: z.number().int(), restoredEnterprises: z.number().int() }),
  },
  'fdiImport.saveProblems': { summary: '把预览发现的问题保存为 Excel 清单', input: z.object({ previewId: z.string() }), output: fileRefSchema },
  'fdiImport.template': { summary: '下载外资统计导入模板', input: z.object({}), output: fileRefSchema },
});
