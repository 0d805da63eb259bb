import { z } from 'zod';
import { DOMESTIC_REINVESTMENT_RULE_CODES } from '../domain/fdi';
import { STATS_TABLE_IDS } from './stats';
import { defineMethods } from './define';

/**
 * The official metadata a return prints at its top right. Empty until the bureau fills them from the 统计调查制度 it
 * reports under: the app makes none up (the current 外商投资统计调查制度's forms could not be found to copy from).
 */
export const FORM_FIELDS = { formNo: '表号', authority: '制定机关', approvedBy: '批准机关', approvalNo: '批准文号', validUntil: '有效期至' } as const;
export type FormField = keyof typeof FORM_FIELDS;

const text = (max: number) => z.string().trim().max(max).default('');
export const formMetaSchema = z.object({ formNo: text(40), authority: text(60), approvedBy: text(60), approvalNo: text(60), validUntil: text(30) });
export type FormMeta = z.infer<typeof formMetaSchema>;

/** The signature line under every table; a name left empty prints as a blank to sign. 报出日期 is written by hand. */
export const SIGNATURE_FIELDS = { unitHead: '单位负责人', statsHead: '统计负责人', preparer: '填表人', phone: '联系电话' } as const;
export const signatureSchema = z.object({ unitHead: text(30), statsHead: text(30), preparer: text(30), phone: text(30) });
export type Signature = z.infer<typeof signatureSchema>;

export const statsSettingsSchema = z.object({
  /** How 境内再投资 counts in 实际使用外资 unless a call says otherwise. */
  domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES),
  forms: z.object(Object.fromEntries(STATS_TABLE_IDS.map((id) => [id, formMetaSchema])) as Record<(typeof STATS_TABLE_IDS)[number], typeof formMetaSchema>),
  signature: signatureSchema,
});
export type StatsSettings = z.infer<typeof statsSettingsSchema>;

const ratePeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应写作 YYYY（年平均）或 YYYY-MM（月平均）');
export const fxRateSchema = z.object({
  /** YYYY-MM: that month's average; YYYY: the year's, used for its months without one of their own. */
  period: z.string(),
  /** 人民币元 per 美元. */
  rate: z.number(),
  source: z.string(),
  updatedAt: z.string(),
});
export type FxRate = z.infer<typeof fxRateSchema>;

export const statsSettingsMethods = defineMethods({
  'stats.settings': { summary: '统计设置：境内再投资口径、各表表号等报表信息、签署栏', input: z.object({}), output: statsSettingsSchema },
  'stats.saveSettings': {
    writes: ['stats', 'audit'],
    summary: '保存统计设置（只改给出的项）',
    input: z.object({
      domesticReinvestment: z.enum(DOMESTIC_REINVESTMENT_RULE_CODES).optional(),
      forms: z.partialRecord(z.enum(STATS_TABLE_IDS), formMetaSchema).optional(),
      signature: signatureSchema.optional(),
    }),
    output: statsSettingsSchema,
  },
  'stats.rates': { summary: '美元兑人民币汇率表（本局维护，注明来源）', input: z.object({}), output: z.array(fxRateSchema) },
  'stats.saveRate': {
    writes: ['stats', 'audit'],
    summary: '设置某月或某年的美元兑人民币平均汇率',
    input: z.object({
      period: ratePeriod,
      rate: z.number().finite().gt(1, '汇率为每1美元折合人民币元数，如 7.1').lt(100, '汇率为每1美元折合人民币元数，如 7.1'),
      source: z.string().trim().min(1, '请注明汇率来源（如 国家外汇管理局公布的月平均汇率）').max(120),
    }),
    output: fxRateSchema,
  },
  'stats.deleteRate': { writes: ['stats', 'audit'], summary: '删除某期汇率', input: z.object({ period: ratePeriod }), output: z.object({}) },
});
