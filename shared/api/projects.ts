import { z } from 'zod';
import { EVENT_KIND_CODES, ISSUE_CATEGORY_CODES, PROJECT_PRIORITY_CODES, PROJECT_STAGE_CODES } from '../domain/project';
import { problemSchema } from '../result';
import { PERIOD_PATTERN } from '../rules/period';
import { defineMethods } from './define';
import { ignoredColumnSchema, importLayoutSchema, layoutChoiceSchema } from './importLayout';
import { jobStartedSchema } from './jobs';
import { accessStatusSchema, policySchema } from './policy';

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不存在的日期');

/** An amount in 万美元: not negative, or null for “not known”. */
export const amountSchema = z.number().min(0, '金额不能为负数').max(1e9).nullable();

export const stageSchema = z.enum(PROJECT_STAGE_CODES);
export const prioritySchema = z.enum(PROJECT_PRIORITY_CODES);
export const PROJECT_ALERT_CODES = ['stale', 'overdue', 'arrival', 'prohibited'] as const;
/**
 * stale: no follow-up for N days (设置); overdue: an open problem past its due date; arrival: actual arrival behind
 * plan; prohibited: its industry is one the negative list prohibits to foreign investors (or a person judged so).
 */
export const alertSchema = z.enum(PROJECT_ALERT_CODES);
export type ProjectAlert = z.infer<typeof alertSchema>;

/** One project as the list shows it (names resolved, alerts computed as of today). */
export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  investor: z.string(),
  countryCode: z.string().nullable(),
  countryName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  districtId: z.number().int().nullable(),
  district: z.string().nullable(),
  platformId: z.number().int().nullable(),
  platform: z.string().nullable(),
  totalInvestment: z.number().nullable(),
  contractedFdi: z.number().nullable(),
  stage: stageSchema,
  reinvestment: z.boolean(),
  reinvestEnterpriseId: z.number().int().nullable(),
  reinvestEnterpriseName: z.string().nullable(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  priority: prioritySchema,
  ownerUnit: z.string(),
  ownerPerson: z.string(),
  leader: z.string(),
  firstContactDate: z.string().nullable(),
  signedDate: z.string().nullable(),
  registeredDate: z.string().nullable(),
  constructionDate: z.string().nullable(),
  operationDate: z.string().nullable(),
  lastFollowUpDate: z.string().nullable(),
  notes: z.string(),
  alerts: z.array(alertSchema),
  /** Market access under the negative list, and the 鼓励类 item chosen for it. */
  policy: policySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const planEntrySchema = z.object({
  period: z.string().regex(PERIOD_PATTERN, '月份应为 YYYY-MM'),
  amount: z.number().min(0, '金额不能为负数').max(1e9),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;

export const stageLogSchema = z.object({
  id: z.number().int(),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  date: z.string(),
  by: z.string(),
  note: z.string(),
});
export const eventSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  date: z.string(),
  kind: z.enum(EVENT_KIND_CODES),
  notes: z.string(),
  by: z.string(),
  createdAt: z.string(),
});
export type ProjectEvent = z.infer<typeof eventSchema>;
export const issueSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  category: z.enum(ISSUE_CATEGORY_CODES),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string(),
  resolvedAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectIssue = z.infer<typeof issueSchema>;

/** Planned versus actual capital arrival (累计到资), both up to the end of last month. */
export const arrivalSchema = z.object({
  /** The last whole month counted, YYYY-MM. */
  asOf: z.string(),
  planTotal: z.number(),
  plannedToDate: z.number(),
  /** Sum of actual FDI of the linked enterprise from the plan's first month; null when no enterprise is linked. */
  actualToDate: z.number().nullable(),
});

export const projectDetailSchema = z.object({
  project: projectSchema,
  plan: z.array(planEntrySchema),
  arrival: arrivalSchema,
  segments: z.array(z.object({ id: z.number().int(), name: z.string(), chainId: z.number().int(), chainName: z.string() })),
  targets: z.array(z.object({ id: z.number().int(), company: z.string(), segmentName: z.string(), chainName: z.string() })),
  stageLog: z.array(stageLogSchema),
  events: z.array(eventSchema),
  issues: z.array(issueSchema),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

const text = (max: number) => z.string().trim().max(max);

/**
 * The fields a person edits, each optional: an edit sends what it changes (the stage moves only through
 * projects.changeStage, so that it is logged). No defaults here — a default inside a partial would overwrite the
 * stored value; creation fills the blanks from PROJECT_DEFAULTS.
 */
export const projectPatchSchema = z.object({
  name: z.string().trim().min(1, '项目名称不能为空').max(200).optional(),
  investor: text(200).optional(),
  countryCode: z.string().length(3).nullable().optional(),
  industryCode: z.string().max(5).nullable().optional(),
  districtId: z.number().int().nullable().optional(),
  platformId: z.number().int().nullable().optional(),
  totalInvestment: amountSchema.optional(),
  contractedFdi: amountSchema.optional(),
  reinvestment: z.boolean().optional(),
  reinvestEnterpriseId: z.number().int().nullable().optional(),
  enterpriseId: z.number().int().nullable().optional(),
  priority: prioritySchema.optional(),
  ownerUnit: text(100).optional(),
  ownerPerson: text(40).optional(),
  leader: text(40).optional(),
  firstContactDate: dateSchema.nullable().optional(),
  signedDate: dateSchema.nullable().optional(),
  registeredDate: dateSchema.nullable().optional(),
  constructionDate: dateSchema.nullable().optional(),
  operationDate: dateSchema.nullable().optional(),
  notes: text(2000).optional(),
  plan: z.array(planEntrySchema).max(240).optional(),
  segmentIds: z.array(z.number().int()).max(100).optional(),
});
export type ProjectPatch = z.infer<typeof projectPatchSchema>;
export type ProjectFields = Required<ProjectPatch>;

export const PROJECT_DEFAULTS: Omit<ProjectFields, 'name'> = {
  investor: '',
  countryCode: null,
  industryCode: null,
  districtId: null,
  platformId: null,
  totalInvestment: null,
  contractedFdi: null,
  reinvestment: false,
  reinvestEnterpriseId: null,
  enterpriseId: null,
  priority: 'normal',
  ownerUnit: '',
  ownerPerson: '',
  leader: '',
  firstContactDate: null,
  signedDate: null,
  registeredDate: null,
  constructionDate: null,
  operationDate: null,
  notes: '',
  plan: [],
  segmentIds: [],
};

export const projectFilterSchema = z.object({
  stages: z.array(stageSchema).optional(),
  districtIds: z.array(z.number().int()).optional(),
  platformIds: z.array(z.number().int()).optional(),
  countryCodes: z.array(z.string().length(3)).optional(),
  /** A section letter, division, group or class code: matches every class under it. */
  industryCode: z.string().max(5).optional(),
  chainId: z.number().int().optional(),
  segmentId: z.number().int().optional(),
  /** Exact 责任单位, 责任人 or 包联领导. */
  owner: z.string().max(100).optional(),
  priorities: z.array(prioritySchema).optional(),
  reinvestment: z.boolean().optional(),
  /** Projects with any of these alerts; `[]` or absent = no alert filter. */
  alerts: z.array(alertSchema).optional(),
  /** Words in the name, investor, owners or notes. */
  text: z.string().max(100).optional(),
  /** Projects whose market-access status (override, else computed from the industry) is one of these. */
  access: z.array(accessStatusSchema).optional(),
});
export type ProjectFilter = z.infer<typeof projectFilterSchema>;

export const PROJECT_SORT_FIELDS = [
  'updatedAt',
  'name',
  'stage',
  'contractedFdi',
  'totalInvestment',
  'lastFollowUpDate',
  'firstContactDate',
  'signedDate',
  'country',
  'district',
  'priority',
] as const;
export const projectSortSchema = z.object({
  field: z.enum(PROJECT_SORT_FIELDS).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ProjectSort = z.infer<typeof projectSortSchema>;

export const projectQuerySchema = z.object({
  filter: projectFilterSchema.default({}),
  sort: projectSortSchema.default({ field: 'updatedAt', order: 'desc' }),
});
export type ProjectQuery = z.infer<typeof projectQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const savedViewSchema = z.object({ id: z.number().int(), name: z.string(), query: projectQuerySchema });
export type SavedView = z.infer<typeof savedViewSchema>;

export const importCheckSchema = z.object({
  fileName: z.string(),
  sheet: z.string().nullable(),
  rows: z.number().int(),
  /** Rows under the header that are not data (blank, 合计, notes…). */
  skippedRows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  /** The table as read (null when no header was found): header rows, columns and their fields, the mapping. */
  layout: importLayoutSchema.nullable(),
  /** Every non-empty column no field takes. */
  ignoredColumns: z.array(ignoredColumnSchema),
  problems: z.array(problemSchema),
});
export type ImportCheck = z.infer<typeof importCheckSchema>;
export const importDoneSchema = importCheckSchema.extend({ batchId: z.number().int() });
export type ImportDone = z.infer<typeof importDoneSchema>;
export const exportDoneSchema = z.object({ fileId: z.string(), name: z.string(), rows: z.number().int() });
export type ExportDone = z.infer<typeof exportDoneSchema>;

const id = z.object({ id: z.number().int() });

export const projectsMethods = defineMethods({
  'projects.list': {
    summary: '项目列表：服务端筛选、排序、分页',
    input: projectQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(projectSchema), total: z.number().int() }),
  },
  'projects.get': { summary: '项目详情：计划到资、阶段、跟进记录与问题', input: id, output: projectDetailSchema },
  'projects.create': {
    writes: ['projects', 'audit'],
    summary: '新建项目',
    input: projectPatchSchema.extend({
      name: z.string().trim().min(1, '项目名称不能为空').max(200),
      stage: stageSchema.default('lead'),
      stageDate: dateSchema.optional(),
    }),
    output: projectDetailSchema,
  },
  'projects.update': { writes: ['projects', 'audit'], summary: '修改项目（只传要改的字段）', input: projectPatchSchema.extend({ id: z.number().int() }), output: projectDetailSchema },
  'projects.delete': { writes: ['projects', 'audit'], summary: '删除项目', input: id, output: z.object({}) },
  'projects.changeStage': {
    writes: ['projects', 'audit'],
    summary: '变更项目阶段（记录日期与经办人）',
    input: z.object({ id: z.number().int(), stage: stageSchema, date: dateSchema, note: text(500).default('') }),
    output: projectDetailSchema,
  },
  'projects.logEvent': {
    writes: ['projects', 'audit'],
    summary: '记录一次跟进（走访、洽谈、电话、会议、签约）',
    input: z.object({
      projectId: z.number().int(),
      date: dateSchema,
      kind: z.enum(EVENT_KIND_CODES),
      notes: text(2000).default(''),
    }),
    output: projectDetailSchema,
  },
  'projects.deleteEvent': { writes: ['projects', 'audit'], summary: '删除一条跟进记录', input: id, output: projectDetailSchema },
  'projects.raiseIssue': {
    writes: ['projects', 'audit'],
    summary: '登记需协调解决的问题',
    input: z.object({
      projectId: z.number().int(),
      category: z.enum(ISSUE_CATEGORY_CODES),
      description: z.string().trim().min(1, '问题描述不能为空').max(2000),
      owner: text(100).default(''),
      dueDate: dateSchema.nullable().default(null),
    }),
    output: projectDetailSchema,
  },
  'projects.updateIssue': {
    writes: ['projects', 'audit'],
    summary: '修改问题',
    input: z.object({
      id: z.number().int(),
      category: z.enum(ISSUE_CATEGORY_CODES).optional(),
      description: z.string().trim().min(1, '问题描述不能为空').max(2000).optional(),
      owner: text(100).optional(),
      dueDate: dateSchema.nullable().optional(),
    }),
    output: projectDetailSchema,
  },
  'projects.resolveIssue': {
    writes: ['projects', 'audit'],
    summary: '办结问题（记录如何解决、何时解决）',
    input: z.object({ id: z.number().int(), resolution: z.string().trim().min(1, '请写明如何解决').max(2000), date: dateSchema }),
    output: projectDetailSchema,
  },
  'projects.history': { summary: '项目的修改记录', input: id, output: z.array(auditEntrySchema) },
  'projects.filterOptions': {
    summary: '筛选用的选项：责任人、产业链与环节',
    input: z.object({}),
    output: z.object({
      owners: z.array(z.string()),
      chains: z.array(z.object({ id: z.number().int(), name: z.string(), segments: z.array(z.object({ id: z.number().int(), name: z.string() })) })),
    }),
  },
  'projects.listViews': { summary: '已保存的项目筛选视图', input: z.object({}), output: z.array(savedViewSchema) },
  'projects.saveView': {
    writes: ['projects'],
    summary: '保存筛选视图（同名覆盖）',
    input: z.object({ name: z.string().trim().min(1, '名称不能为空').max(40), query: projectQuerySchema }),
    output: savedViewSchema,
  },
  'projects.deleteView': { writes: ['projects'], summary: '删除筛选视图', input: id, output: z.object({}) },
  'projects.export': {
    job: exportDoneSchema,
    summary: '导出项目（列表，或重点外资项目推进情况表），返回任务',
    input: projectQuerySchema.extend({ layout: z.enum(['list', 'progress']).default('list') }),
    output: jobStartedSchema,
  },
  'projects.importCheck': { job: importCheckSchema, summary: '检查项目清单文件，列出全部问题（不写入）', input: layoutChoiceSchema.extend({ fileId: z.string() }), output: jobStartedSchema },
  'projects.importCommit': {
    writes: ['projects', 'audit'],
    job: importDoneSchema,
    summary: '导入项目清单（有错误则整批拒绝，不写入任何一行）',
    input: layoutChoiceSchema.extend({ fileId: z.string() }),
    output: jobStartedSchema,
  },
});
