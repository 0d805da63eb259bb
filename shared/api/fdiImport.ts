import { z } from 'zod';
import { PLATFORM_TYPE_CODES } from '../domain/platform';
import { problemSchema } from '../result';
import { defineMethods } from './define';
import { fileRefSchema } from './files';
import { ignoredColumnSchema, matchedBySchema } from './importLayout';
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
  /** The district (区县) this file is from, by name: over what its 填报单位, title or name says (a column still wins). */
  district: z.string().trim().min(1).max(60).optional(),
  /** The district for a file whose column, 填报单位, title and name say none (the command line's `--district NAME`). */
  defaultDistrict: z.string().trim().min(1).max(60).optional(),
  /** The header rows, by Excel row number (first to last), when the ones found are wrong; remembered with the mapping. */
  headerRows: z.array(z.number().int().min(1).max(1000)).min(1).max(6).optional(),
  /** Undo this batch (the same file imported before) in the same transaction as this import: undo and replace. */
  replaceBatch: z.number().int().optional(),
});
export type FdiImportOptions = z.infer<typeof fdiImportOptionsSchema>;

export const placeKindSchema = z.enum(['district', 'platform']);

/** A person's answer for a 区县/园区 name not set up yet: another name of a known one (`matchId`), or new. */
export const placeChoiceSchema = z.object({
  kind: placeKindSchema,
  name: z.string().trim().min(1).max(60),
  matchId: z.number().int().nullable(),
  /** A new platform's type (inferred from its name when left out). */
  type: z.enum(PLATFORM_TYPE_CODES).nullable().optional(),
});
export type PlaceChoice = z.infer<typeof placeChoiceSchema>;

/** How a commit treats names not set up yet: the person's choices; the rest added (or matched) only with `addUnknown`. */
const placesInput = {
  places: z.array(placeChoiceSchema).max(500).default([]),
  addUnknown: z.boolean().default(false),
};

const columnSchema = z.object({
  index: z.number().int(),
  letter: z.string(),
  label: z.string(),
  field: z.enum(FDI_IMPORT_FIELD_KEYS).nullable(),
  /** How the field was found: by the header, by what the column holds, from a remembered or a given mapping. */
  matchedBy: matchedBySchema.nullable(),
});

export { ignoredColumnSchema };

/** A 区县/园区 name a file uses that is not set up yet. */
export const unknownPlaceSchema = z.object({
  kind: placeKindSchema,
  name: z.string(),
  rows: z.number().int(),
  /** The first row naming it; null for the file's own district (from its 填报单位, title or name). */
  firstRow: z.number().int().nullable(),
  /** The known place it most likely is; `confident` when only abbreviations or the city's name differ. */
  proposal: z.object({ id: z.number().int(), name: z.string(), confident: z.boolean() }).nullable(),
  /** Inferred from the name: a platform type (PLATFORM_TYPES) or a district's level (district, county, county_city, banner). */
  type: z.string(),
  action: z.enum(['pending', 'add', 'match', 'refuse']),
});
export type UnknownPlace = z.infer<typeof unknownPlaceSchema>;

/** One 合计/小计 row compared with the detail rows it covers, in the file's unit. */
export const totalCheckSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  kind: z.enum(['sub', 'grand']),
  column: z.string(),
  header: z.string(),
  stated: z.number(),
  computed: z.number(),
  ok: z.boolean(),
});

const totalsSchema = z.object({ checked: z.number().int(), mismatches: z.number().int(), checks: z.array(totalCheckSchema) });

/** A file already imported: one line instead of a duplicate per row. */
export const alreadyImportedSchema = z.object({
  batchId: z.number().int(),
  fileName: z.string(),
  createdAt: z.string(),
  /** The same content (hash), or every row a repeat of that batch's records. */
  by: z.enum(['hash', 'rows']),
});

/** A warning as the command line prints it on a batch or a refusal. */
export const importWarningSchema = z.object({
  code: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

const periodRangeSchema = z.object({ from: z.string(), to: z.string() });

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
  /** The whole header block (label rows, then a units or numbering row), and how it was chosen. */
  headerRows: z.array(z.number().int()),
  headerSource: z.enum(['detected', 'given', 'remembered']).nullable(),
  /** The first rows of the sheet, as text, to choose other header rows from. */
  head: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  columns: z.array(columnSchema),
  ignoredColumns: z.array(ignoredColumnSchema),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['detected', 'remembered', 'given']),
  missingFields: z.array(z.object({ key: z.string(), label: z.string() })),
  units: z.object({ contractedFdi: z.string().nullable(), actualFdi: z.string().nullable(), source: z.enum(['given', 'header', 'title', 'assumed']) }),
  /** The file's district: chosen for it, from its 填报单位/title, its name, or the default; `isNew` when not set up yet. */
  district: z.object({ id: z.number().int(), name: z.string(), source: z.enum(['given', 'file', 'fileName', 'default']), isNew: z.boolean() }).nullable(),
  /** Records that would be in no district (a warning). */
  districtMissingRows: z.number().int(),
  context: z.object({ title: z.string().nullable(), reportingUnit: z.string().nullable(), periodText: z.string().nullable(), period: periodRangeSchema.nullable() }),
  /** Records outside the 统计期 the file names (a warning each). */
  periodOutsideRows: z.number().int(),
  unknownPlaces: z.array(unknownPlaceSchema),
  totals: totalsSchema,
  alreadyImported: alreadyImportedSchema.nullable(),
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
  headerRows: z.array(z.number().int()),
  ignoredColumns: z.array(ignoredColumnSchema),
  /** The file's 合计/小计 rows against its detail rows (mismatches are among the warnings). */
  totals: z.object({ checked: z.number().int(), mismatches: z.number().int() }),
  warnings: z.array(importWarningSchema),
  /** The first and last month of the batch's records. */
  periods: periodRangeSchema.nullable(),
});
export type FdiCommitResult = z.infer<typeof fdiCommitResultSchema>;

/** A district or platform the import registered, or a name it took as another name of a known one. */
export const addedPlaceSchema = z.object({ kind: placeKindSchema, name: z.string(), type: z.string(), id: z.number().int() });
export const matchedPlaceSchema = z.object({ kind: placeKindSchema, name: z.string(), id: z.number().int(), to: z.string() });

/** The result of a commit or consolidation job: one batch per file. */
export const fdiImportResultSchema = z.object({
  batches: z.array(fdiCommitResultSchema),
  imported: z.number().int(),
  added: z.array(addedPlaceSchema),
  matched: z.array(matchedPlaceSchema),
  /** Batches undone because these files replace them. */
  replaced: z.array(z.number().int()),
});
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
    job: fdiPreviewSchema,
    summary: '读取外资统计报表，识别表头、单位与列对应，检查每一行（任务）',
    input: fdiImportOptionsSchema.extend({ fileId: z.string() }),
    output: jobStartedSchema,
  },
  'fdiImport.commit': {
    writes: ['fdi', 'enterprises', 'settings', 'audit'],
    job: fdiImportResultSchema,
    summary: '导入外资统计报表：有错误时整体拒绝，除非选择只导入无误的行（任务）',
    input: fileToImportSchema.extend({ allowPartial: z.boolean().default(false), ...placesInput }),
    output: jobStartedSchema,
  },
  'fdiImport.consolidate': {
    writes: ['fdi', 'enterprises', 'settings', 'audit'],
    job: fdiImportResultSchema,
    summary: '汇总导入多个区县的报表：每个文件一批，一并检查、一次写入（任务）',
    input: z.object({ files: z.array(fileToImportSchema).min(1).max(200), allowPartial: z.boolean().default(false), ...placesInput }),
    output: jobStartedSchema,
  },
  'fdiImport.batches': { summary: '外资统计导入记录', input: z.object({}), output: z.array(importBatchSchema) },
  'fdiImport.undo': {
    writes: ['fdi', 'enterprises', 'audit'],
    summary: '撤销一次导入',
    input: z.object({ batchId: z.number().int() }),
    output: z.object({ batchId: z.number().int(), removedRecords: z.number().int(), removedEnterprises: z.number().int(), restoredEnterprises: z.number().int() }),
  },
  'fdiImport.saveProblems': { summary: '把预览发现的问题保存为 Excel 清单', input: z.object({ previewId: z.string() }), output: fileRefSchema },
  'fdiImport.template': { summary: '下载外资统计导入模板', input: z.object({}), output: fileRefSchema },
});
