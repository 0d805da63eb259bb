import { z } from 'zod';
import { ACCESS_STATUS_CODES, POLICY_ENTITY_CODES, RESTRICTION_CODES } from '../domain/policy';
import { problemSchema } from '../result';
import { defineMethods } from './define';
import { jobStartedSchema } from './jobs';

/** Market access (外商投资准入): the negative list, the 鼓励外商投资产业目录, and the status of projects, targets, firms. */

const id = z.number().int();
export const accessStatusSchema = z.enum(ACCESS_STATUS_CODES);
export const negativeListStatusSchema = z.enum(['prohibited', 'restricted', 'partial']);
export const policyEntitySchema = z.enum(POLICY_ENTITY_CODES);

/**
 * A project's (target's, firm's) standing, as lists and the CLI show it. `negativeList` null: no measure touches its
 * industry (or a person judged it open). `measure`: the measure's text as published.
 */
export const policySchema = z.object({
  negativeList: negativeListStatusSchema.nullable(),
  measure: z.string().nullable(),
  measureNo: z.number().int().nullable(),
  /** What a restricting measure asks, in words (须由中方控股, 外资股比不超过50%…). */
  restriction: z.string().nullable(),
  /** The 鼓励类 item a person chose or confirmed. */
  encouraged: z.string().nullable(),
  /** The status is a person's judgement (with a reason), not computed from the industry. */
  overridden: z.boolean(),
});
export type Policy = z.infer<typeof policySchema>;

export const measureSchema = z.object({
  edition: z.enum(['national', 'ftz']),
  version: z.string(),
  no: z.number().int(),
  section: z.string(),
  text: z.string(),
  kind: z.enum(['prohibited', 'restricted']),
  restriction: z.enum(RESTRICTION_CODES).nullable(),
  equityCap: z.number().nullable(),
  restrictionNote: z.string(),
  /** Where the wording was read, and how fully (read | partly-read | not-found): see shared/reference/README.md. */
  textSource: z.string(),
  textCheck: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureClassSchema = z.object({
  industryCode: z.string(),
  industryName: z.string(),
  coverage: z.enum(['full', 'partial']),
  /** text: the class is what the measure names; judgement: our reading of which classes it touches. */
  basis: z.enum(['text', 'judgement']),
  note: z.string(),
  /** The bureau changed or added this class (with this reason). */
  edited: z.string().nullable(),
});
export type MeasureClass = z.infer<typeof measureClassSchema>;

export const measureWithClassesSchema = measureSchema.extend({ classes: z.array(measureClassSchema) });

/** A measure as it bears on one industry. */
export const measureHitSchema = measureSchema.extend({ industryCode: z.string(), coverage: z.enum(['full', 'partial']), note: z.string() });
export type MeasureHit = z.infer<typeof measureHitSchema>;

export const encouragedItemSchema = z.object({
  id,
  catalogueId: id,
  catalogueVersion: z.string(),
  active: z.boolean(),
  part: z.enum(['national', 'regional']),
  regionName: z.string(),
  section: z.string(),
  no: z.string(),
  text: z.string(),
  industryCodes: z.array(z.string()),
});
export type EncouragedItem = z.infer<typeof encouragedItemSchema>;

export const policyDetailSchema = z.object({
  entity: policyEntitySchema,
  id,
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  /** Computed from the industry alone. */
  computed: z.object({ status: accessStatusSchema, measureNo: z.number().int().nullable(), measures: z.array(measureHitSchema) }),
  override: z
    .object({ status: accessStatusSchema, measureNo: z.number().int().nullable(), reason: z.string(), by: z.string(), at: z.string() })
    .nullable(),
  effective: policySchema,
  chosen: encouragedItemSchema.nullable(),
  /** Items of the active catalogue (national, and the regional part for the bureau's province) for the industry. */
  candidates: z.array(encouragedItemSchema),
  /** The version of the catalogue in force here; null until the bureau imports one. */
  catalogueVersion: z.string().nullable(),
});
export type PolicyDetail = z.infer<typeof policyDetailSchema>;

export const catalogueSchema = z.object({
  id,
  version: z.string(),
  fileName: z.string(),
  items: z.number().int(),
  national: z.number().int(),
  regional: z.number().int(),
  active: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type EncouragedCatalogue = z.infer<typeof catalogueSchema>;

export const catalogueImportSchema = z.object({
  fileName: z.string(),
  sheet: z.string().nullable(),
  items: z.number().int(),
  national: z.number().int(),
  regional: z.number().int(),
  problems: z.array(problemSchema),
  catalogueId: id.nullable(),
});
export type CatalogueImport = z.infer<typeof catalogueImportSchema>;

const ref = z.object({ entity: policyEntitySchema, id });

export const policyMethods = defineMethods({
  'policy.measures': {
    summary: '外商投资准入负面清单：措施、涉及的国民经济行业及本地修正',
    input: z.object({}),
    output: z.object({ version: z.string().nullable(), measures: z.array(measureWithClassesSchema) }),
  },
  'policy.editMeasureClass': {
    writes: ['policy', 'audit'],
    summary: '修正某条措施涉及的行业（full/partial；none=去掉；null=恢复随程序发布的对应）',
    input: z.object({
      edition: z.enum(['national', 'ftz']).default('national'),
      no: id,
      industryCode: z.string().regex(/^\d{4}$/, '请选择行业小类（4位代码）'),
      coverage: z.enum(['full', 'partial', 'none']).nullable(),
      reason: z.string().trim().max(300).default(''),
    }),
    output: measureWithClassesSchema,
  },
  'policy.get': { summary: '项目、招商目标或企业的外资准入状态、适用措施与鼓励类条目', input: ref, output: policyDetailSchema },
  'policy.override': {
    writes: ['policy', 'audit'],
    summary: '人工认定准入状态（须写明理由；status 为 null 时取消认定）',
    input: ref.extend({
      status: accessStatusSchema.nullable(),
      measureNo: id.nullable().default(null),
      reason: z.string().trim().max(500).default(''),
    }),
    output: policyDetailSchema,
  },
  'policy.chooseEncouraged': {
    writes: ['policy', 'audit'],
    summary: '选定或确认适用的鼓励类条目（itemId 为 null 时取消）',
    input: ref.extend({ itemId: id.nullable() }),
    output: policyDetailSchema,
  },
  'policy.searchEncouraged': {
    summary: '在现行鼓励外商投资产业目录中查找条目',
    input: z.object({ text: z.string().trim().max(50).default(''), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(encouragedItemSchema),
  },
  'policy.catalogues': { summary: '已导入的鼓励外商投资产业目录（各版本）', input: z.object({}), output: z.array(catalogueSchema) },
  'policy.catalogueTemplate': {
    summary: '鼓励外商投资产业目录导入模板（Excel）',
    input: z.object({}),
    output: z.object({ fileId: z.string(), name: z.string() }),
  },
  'policy.importCatalogue': {
    writes: ['policy', 'audit'],
    job: catalogueImportSchema,
    summary: '从工作簿导入鼓励外商投资产业目录（有错误则不写入），返回任务',
    input: z.object({
      fileId: z.string(),
      version: z.string().trim().min(1, '请填写目录版本，如 2025年版').max(40),
      /** Only read and check the file, write nothing. */
      check: z.boolean().default(false),
    }),
    output: jobStartedSchema,
  },
});
