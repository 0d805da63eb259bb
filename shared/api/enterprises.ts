import { z } from 'zod';
import { FDI_MODE_CODES } from '../domain/fdi';
import { FIRM_ROLE_CODES } from '../domain/chain';
import { defineMethods } from './define';
import { layoutChoiceSchema } from './importLayout';
import { jobStartedSchema } from './jobs';
import { amountSchema, auditEntrySchema, dateSchema, exportDoneSchema, importCheckSchema, importDoneSchema, stageSchema } from './projects';
import { policySchema } from './policy';

export const enterpriseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  investor: z.string(),
  countryCode: z.string().nullable(),
  countryName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  /** 外资比例 (%): what 境内再投资 into this enterprise counts by under the byForeignShare 口径. */
  foreignShare: z.number().nullable(),
  setupDate: z.string().nullable(),
  districtId: z.number().int().nullable(),
  district: z.string().nullable(),
  platformId: z.number().int().nullable(),
  platform: z.string().nullable(),
  notes: z.string(),
  /** Counts for the list: FDI records and linked projects. */
  fdiRecords: z.number().int(),
  projects: z.number().int(),
  /** Market access for its industry (外商投资准入). */
  policy: policySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseDetailSchema = z.object({
  enterprise: enterpriseSchema,
  totals: z.object({ contractedFdi: z.number(), actualFdi: z.number() }),
  fdiRecords: z.array(
    z.object({
      id: z.number().int(),
      period: z.string(),
      mode: z.enum(FDI_MODE_CODES),
      contractedFdi: z.number(),
      actualFdi: z.number(),
      batchId: z.number().int().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      stage: stageSchema,
      /** registered: the project registered as this enterprise; reinvestment: this enterprise reinvests in it. */
      link: z.enum(['registered', 'reinvestment']),
    }),
  ),
  chainRoles: z.array(
    z.object({
      chainId: z.number().int(),
      chainName: z.string(),
      segmentId: z.number().int(),
      segmentName: z.string(),
      tier: z.string(),
      role: z.enum(FIRM_ROLE_CODES),
    }),
  ),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;

/** The fields a person edits, each optional (see projectPatchSchema for why there are no defaults here). */
export const enterprisePatchSchema = z.object({
  name: z.string().trim().min(1, '企业名称不能为空').max(200).optional(),
  /** Checked with the GB 32100 check character; blank is allowed for firms whose code is not known yet. */
  uscc: z.string().trim().max(30).nullable().optional(),
  investor: z.string().trim().max(200).optional(),
  countryCode: z.string().length(3).nullable().optional(),
  industryCode: z.string().max(5).nullable().optional(),
  registeredCapital: amountSchema.optional(),
  foreignShare: z.number().gt(0, '外资比例应大于0').max(100, '外资比例不能超过100%').nullable().optional(),
  setupDate: dateSchema.nullable().optional(),
  districtId: z.number().int().nullable().optional(),
  platformId: z.number().int().nullable().optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type EnterprisePatch = z.infer<typeof enterprisePatchSchema>;
export type EnterpriseFields = Required<EnterprisePatch>;
export const ENTERPRISE_DEFAULTS: Omit<EnterpriseFields, 'name'> = {
  uscc: null,
  investor: '',
  countryCode: null,
  industryCode: null,
  registeredCapital: null,
  foreignShare: null,
  setupDate: null,
  districtId: null,
  platformId: null,
  notes: '',
};

export const enterpriseFilterSchema = z.object({
  text: z.string().max(100).optional(),
  countryCodes: z.array(z.string().length(3)).optional(),
  industryCode: z.string().max(5).optional(),
  districtIds: z.array(z.number().int()).optional(),
  platformIds: z.array(z.number().int()).optional(),
});
export type EnterpriseFilter = z.infer<typeof enterpriseFilterSchema>;
export const ENTERPRISE_SORT_FIELDS = ['name', 'uscc', 'setupDate', 'registeredCapital', 'country', 'updatedAt'] as const;
export const enterpriseQuerySchema = z.object({
  filter: enterpriseFilterSchema.default({}),
  sort: z
    .object({ field: z.enum(ENTERPRISE_SORT_FIELDS).default('name'), order: z.enum(['asc', 'desc']).default('asc') })
    .default({ field: 'name', order: 'asc' }),
});
export type EnterpriseQuery = z.infer<typeof enterpriseQuerySchema>;

const id = z.object({ id: z.number().int() });

export const enterprisesMethods = defineMethods({
  'enterprises.list': {
    summary: '企业库：查找、筛选、分页',
    input: enterpriseQuerySchema.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(enterpriseSchema), total: z.number().int() }),
  },
  'enterprises.get': { summary: '企业详情：外资记录、项目、产业链角色', input: id, output: enterpriseDetailSchema },
  'enterprises.create': {
    writes: ['enterprises', 'audit'],
    summary: '新增企业（统一社会信用代码校验，重复则拒绝）',
    input: enterprisePatchSchema.extend({ name: z.string().trim().min(1, '企业名称不能为空').max(200) }),
    output: enterpriseDetailSchema,
  },
  'enterprises.update': {
    writes: ['enterprises', 'audit'],
    summary: '修改企业',
    input: enterprisePatchSchema.extend({ id: z.number().int() }),
    output: enterpriseDetailSchema,
  },
  'enterprises.merge': {
    writes: ['enterprises', 'fdi', 'projects', 'chains', 'audit'],
    summary: '合并两条企业记录（把另一条的外资记录、项目、产业链角色并入保留的一条）',
    input: z.object({ keepId: z.number().int(), mergeId: z.number().int() }),
    output: enterpriseDetailSchema,
  },
  'enterprises.history': { summary: '企业的修改记录', input: id, output: z.array(auditEntrySchema) },
  'enterprises.export': { job: exportDoneSchema, summary: '导出企业库，返回任务', input: enterpriseQuerySchema, output: jobStartedSchema },
  'enterprises.importCheck': { job: importCheckSchema, summary: '检查企业名录文件，列出全部问题（不写入）', input: layoutChoiceSchema.extend({ fileId: z.string() }), output: jobStartedSchema },
  'enterprises.importCommit': {
    writes: ['enterprises', 'audit'],
    job: importDoneSchema,
    summary: '导入企业名录（按统一社会信用代码合并；有错误则整批拒绝）',
    input: layoutChoiceSchema.extend({ fileId: z.string() }),
    output: jobStartedSchema,
  },
});
