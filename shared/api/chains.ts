import { z } from 'zod';
import {
  FIRM_ROLE_CODES,
  SEGMENT_STATUS_CODES,
  TARGET_PRIORITY_CODES,
  TARGET_STATUS_CODES,
} from '../domain/chain';
import { PROJECT_STAGE_CODES } from '../domain/project';
import { MAX_CANVAS_COORD } from '../rules/bounds';
import { defineMethods } from './define';
import { jobStartedSchema } from './jobs';
import { policySchema } from './policy';

/** Industry-chain maps (产业链招商图谱): chains, segments, supply links, local firms, targets to attract, gaps. */

const id = z.number().int();
/** A position on the map (canvas pixels), bounded like every number the API takes. */
const coord = z.number().min(-MAX_CANVAS_COORD).max(MAX_CANVAS_COORD);
const text = (max: number) => z.string().trim().max(max);
const requiredName = z.string().trim().min(1, '名称不能为空').max(60);

export const chainSummarySchema = z.object({
  id,
  name: z.string(),
  owner: z.string(),
  description: z.string(),
  threshold: z.number().int(),
  /** The chain's ordered stages: codes (upstream…) or its own names. */
  tiers: z.array(z.string()),
  template: z.string().nullable(),
  isDemo: z.boolean(),
  segments: z.number().int(),
  firms: z.number().int(),
  targets: z.number().int(),
  completeness: z.number().nullable(),
  gaps: z.number().int(),
  updatedAt: z.string(),
});
export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const overrideSchema = z.object({ status: z.enum(SEGMENT_STATUS_CODES), reason: z.string() });

export const segmentSchema = z.object({
  id,
  chainId: id,
  parentId: id.nullable(),
  name: z.string(),
  tier: z.string(),
  sort: z.number().int(),
  x: coord.nullable(),
  y: coord.nullable(),
  override: overrideSchema.nullable(),
  notes: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const linkSchema = z.object({ id, fromId: id, toId: id });
export type SegmentLink = z.infer<typeof linkSchema>;

export const firmSchema = z.object({
  id,
  segmentId: id,
  enterpriseId: id.nullable(),
  companyName: z.string(),
  role: z.enum(FIRM_ROLE_CODES),
  notes: z.string(),
  /** The register's USCC when linked, so exports can link it back. */
  uscc: z.string().nullable(),
});
export type Firm = z.infer<typeof firmSchema>;

export const targetSchema = z.object({
  id,
  segmentId: id,
  company: z.string(),
  countryCode: z.string().nullable(),
  headquarters: z.string(),
  rationale: z.string(),
  priority: z.enum(TARGET_PRIORITY_CODES),
  status: z.enum(TARGET_STATUS_CODES),
  owner: z.string(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  /** GB/T 4754 code of what the firm would invest in (the linked project's when not set). */
  industryCode: z.string().nullable(),
  /** Market access for that industry (外商投资准入). */
  policy: policySchema,
  contacts: z.number().int(),
  lastContact: z.string().nullable(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

export const contactSchema = z.object({ id, targetId: id, date: z.string(), notes: z.string(), by: z.string() });
export type TargetContact = z.infer<typeof contactSchema>;

/** A project placed in a segment (through 项目库's segments or a target that became it). */
export const segmentProjectSchema = z.object({ segmentId: id, projectId: id, name: z.string(), stage: z.enum(PROJECT_STAGE_CODES) });
export type SegmentProject = z.infer<typeof segmentProjectSchema>;

export const chainDetailSchema = z.object({
  chain: chainSummarySchema,
  segments: z.array(segmentSchema),
  links: z.array(linkSchema),
  firms: z.array(firmSchema),
  targets: z.array(targetSchema),
  projects: z.array(segmentProjectSchema),
});
export type ChainDetail = z.infer<typeof chainDetailSchema>;

export const segmentGapSchema = z.object({
  id,
  name: z.string(),
  parent: z.string().nullable(),
  tier: z.string(),
  status: z.enum(SEGMENT_STATUS_CODES),
  computedStatus: z.enum(SEGMENT_STATUS_CODES),
  overridden: z.boolean(),
  reason: z.string(),
  firms: z.number().int(),
  targets: z.number().int(),
});

export const chainGapsSchema = z.object({
  chain: z.string(),
  threshold: z.number().int(),
  /** Percent of leaf segments not missing, one decimal. */
  completeness: z.number().nullable(),
  gaps: z.object({ total: z.number().int(), missing: z.number().int(), weak: z.number().int(), withTargets: z.number().int(), withoutTargets: z.number().int() }),
  targetsByStatus: z.record(z.enum(TARGET_STATUS_CODES), z.number().int()),
  segments: z.array(segmentGapSchema),
});
export type ChainGaps = z.infer<typeof chainGapsSchema>;

export const templateSchema = z.object({ key: z.string(), name: z.string(), note: z.string(), version: z.string(), segments: z.number().int() });
export type ChainTemplateInfo = z.infer<typeof templateSchema>;

/** A set of segments with everything hanging on them: what a delete returns, so that undo can put it back. */
export const segmentSnapshotSchema = z.object({
  segments: z.array(segmentSchema.omit({ chainId: true })),
  /** A restore puts a link back under its id; a copy makes new ones. */
  links: z.array(linkSchema.extend({ id: id.optional() })),
  firms: z.array(firmSchema.omit({ uscc: true })),
  targets: z.array(
    targetSchema.omit({ projectName: true, contacts: true, lastContact: true, updatedAt: true, policy: true }).extend({
      contactLog: z.array(contactSchema.omit({ id: true, targetId: true })),
    }),
  ),
  /** Projects placed in these segments (project_segment). */
  projectSegments: z.array(z.object({ projectId: id, segmentId: id })),
});
export type SegmentSnapshot = z.infer<typeof segmentSnapshotSchema>;

/** A segment's place on the map; null where it has none yet (laid out when the chain opens). */
const positionSchema = z.object({ id, x: coord.nullable(), y: coord.nullable() });
const tierInput = z.string().trim().min(1).max(30);
const overrideInput = z.object({ status: z.enum(SEGMENT_STATUS_CODES), reason: z.string().trim().min(1, '请写明认定理由').max(300) });
const firmFields = {
  segmentId: id,
  enterpriseId: id.nullable().default(null),
  companyName: text(100).default(''),
  role: z.enum(FIRM_ROLE_CODES),
  notes: text(500).default(''),
};
const targetFields = {
  segmentId: id,
  company: z.string().trim().min(1, '请填写目标企业').max(100),
  countryCode: z.string().nullable().default(null),
  headquarters: text(100).default(''),
  rationale: text(500).default(''),
  priority: z.enum(TARGET_PRIORITY_CODES).default('medium'),
  status: z.enum(TARGET_STATUS_CODES).default('untouched'),
  owner: text(40).default(''),
  projectId: id.nullable().default(null),
  industryCode: z.string().max(5).nullable().default(null),
};

/**
 * One edit of a chain map, as the editor makes them. A list of edits is applied in one transaction and answered with
 * the list that undoes it; an `id` on an add puts back, under its old id, what a delete took (that is how undo works).
 */
export const chainEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('segment.add'), name: requiredName, parentId: id.nullable().default(null), tier: tierInput, notes: text(500).default(''), x: coord.nullable().default(null), y: coord.nullable().default(null) }),
  z.object({ op: z.literal('segment.update'), id, name: requiredName.optional(), parentId: id.nullable().optional(), tier: tierInput.optional(), notes: text(500).optional() }),
  z.object({ op: z.literal('segment.override'), id, override: overrideInput.nullable() }),
  z.object({ op: z.literal('segments.move'), positions: z.array(positionSchema).min(1).max(5000) }),
  /** Deletes segments with their sub-segments, links, firms, targets and project placements. */
  z.object({ op: z.literal('segments.delete'), ids: z.array(id).min(1).max(5000) }),
  /** Puts segments back as they were (`restore`, after a delete) or inserts them as new ones (`copy`, a paste). */
  z.object({ op: z.literal('segments.insert'), snapshot: segmentSnapshotSchema, mode: z.enum(['restore', 'copy']), offset: z.object({ x: coord, y: coord }).default({ x: 40, y: 40 }) }),
  z.object({ op: z.literal('link.add'), id: id.optional(), fromId: id, toId: id }),
  z.object({ op: z.literal('link.delete'), id }),
  z.object({ op: z.literal('firm.add'), id: id.optional(), ...firmFields }),
  z.object({ op: z.literal('firm.update'), id, ...firmFields }),
  z.object({ op: z.literal('firm.delete'), id }),
  z.object({ op: z.literal('target.add'), id: id.optional(), ...targetFields, contactLog: z.array(contactSchema.omit({ id: true, targetId: true })).max(10_000).default([]) }),
  z.object({ op: z.literal('target.update'), id, ...targetFields }),
  z.object({ op: z.literal('target.delete'), id }),
]);
export type ChainEdit = z.input<typeof chainEditSchema>;
export type ChainEditOp = ChainEdit['op'];

export const chainEditsResultSchema = z.object({
  /** The chain after the edits. */
  detail: chainDetailSchema,
  /** Per edit, in order, the ids it made or put back (a new segment, the pasted segments, a link, a firm, a target). */
  applied: z.array(z.object({ op: z.string(), ids: z.array(id) })),
  /** The edits that undo these, to apply in the order given. */
  inverse: z.array(chainEditSchema),
});
export type ChainEditsResult = z.infer<typeof chainEditsResultSchema>;

export const exportFormats = ['xlsx', 'targets', 'png', 'svg', 'pdf'] as const;
export type ChainExportFormat = (typeof exportFormats)[number];
/** A picture's page: 16:9 (screens, projectors) or A4 landscape (print). PDF defaults to A4, the others to 16:9. */
export const picturePages = ['wide', 'a4'] as const;

/** What a finished `chains.import` job holds in `result`. */
export const chainImportResultSchema = z.object({
  chainId: id,
  name: z.string(),
  segments: z.number().int(),
  links: z.number().int(),
  firms: z.number().int(),
  targets: z.number().int(),
  warnings: z.array(z.object({ sheet: z.string().optional(), row: z.number().optional(), message: z.string() })),
  /** Every non-empty column of the sheets read that no field takes, `{"sheet","column":"H","header"}`. */
  ignoredColumns: z.array(z.object({ sheet: z.string(), column: z.string(), header: z.string() })),
});
export type ChainImportResult = z.infer<typeof chainImportResultSchema>;

/** What a finished `chains.export` job holds in `result`. */
export const chainExportResultSchema = z.object({ fileId: z.string(), name: z.string(), size: z.number().int(), width: z.number().optional(), height: z.number().optional() });
export type ChainExportResult = z.infer<typeof chainExportResultSchema>;

export const chainsMethods = defineMethods({
  'chains.list': { summary: '列出产业链及其完整度', input: z.object({}), output: z.array(chainSummarySchema) },
  'chains.templates': { summary: '列出产业链起点模板', input: z.object({}), output: z.array(templateSchema) },
  'chains.create': {
    writes: ['chains', 'audit'],
    summary: '新建产业链（空白或从起点模板）',
    input: z.object({
      name: requiredName,
      owner: text(40).default(''),
      description: text(500).default(''),
      threshold: z.number().int().min(1).max(99).default(3),
      template: z.string().nullable().default(null),
    }),
    output: chainSummarySchema,
  },
  'chains.update': {
    writes: ['chains', 'audit'],
    summary: '修改产业链名称、链长、说明、强链阈值',
    input: z.object({ id, name: requiredName.optional(), owner: text(40).optional(), description: text(500).optional(), threshold: z.number().int().min(1).max(99).optional() }),
    output: chainSummarySchema,
  },
  'chains.delete': { writes: ['chains', 'audit'], summary: '删除产业链', input: z.object({ id }), output: z.object({}) },
  'chains.get': { summary: '读取一条产业链的全部环节、企业、目标', input: z.object({ id }), output: chainDetailSchema },
  'chains.gaps': {
    summary: '产业链缺链弱链分析',
    input: z.object({ id: id.optional(), name: z.string().optional() }).refine((v) => v.id !== undefined || v.name, '请指定产业链'),
    output: chainGapsSchema,
  },
  'chains.listContacts': { summary: '招商目标的联系记录', input: z.object({ targetId: id }), output: z.array(contactSchema) },
  'chains.addContact': {
    writes: ['chains', 'audit'],
    summary: '记一次与招商目标的联系',
    input: z.object({ targetId: id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), notes: z.string().trim().min(1).max(1000), by: text(40).optional() }),
    output: contactSchema,
  },
  'chains.enterpriseOptions': {
    summary: '按名称或信用代码查找企业库中的企业',
    input: z.object({ query: z.string().trim().max(60), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(z.object({ id, name: z.string(), uscc: z.string().nullable(), countryCode: z.string().nullable() })),
  },
  'chains.projectOptions': {
    summary: '按名称查找项目库中的项目',
    input: z.object({ query: z.string().trim().max(60), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(z.object({ id, name: z.string(), stage: z.enum(PROJECT_STAGE_CODES) })),
  },
  'chains.import': {
    writes: ['chains', 'audit'],
    job: chainImportResultSchema,
    summary: '从工作簿导入产业链（环节、本地企业、招商目标）',
    input: z.object({ fileId: z.string(), name: requiredName, threshold: z.number().int().min(1).max(99).default(3) }),
    output: jobStartedSchema,
  },
  'chains.export': {
    job: chainExportResultSchema,
    summary: '导出产业链：整链工作簿、招商目标清单、图谱图片（PNG/SVG/PDF）',
    input: z.object({ chainId: id, format: z.enum(exportFormats), scale: z.number().min(1).max(4).default(2), page: z.enum(picturePages).optional() }),
    output: jobStartedSchema,
  },
  'chains.applyEdits': {
    writes: ['chains', 'audit'],
    summary: '在一个事务中修改产业链图谱（环节、位置、关系、企业、目标、认定），返回撤销用的反向修改',
    input: z.object({
      chainId: id,
      edits: z.array(chainEditSchema).min(1).max(5000),
      /** What the person did, in their words (移动环节, 撤销：粘贴…), kept in the audit entry. */
      label: text(40).default(''),
    }),
    output: chainEditsResultSchema,
  },
});
