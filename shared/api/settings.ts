import { z } from 'zod';
import { PLATFORM_TYPE_CODES } from '../domain/platform';
import { defineMethods } from './define';

export const districtSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string().nullable(),
});
export type District = z.infer<typeof districtSchema>;

export const platformSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(PLATFORM_TYPE_CODES),
  districtId: z.number().int().nullable(),
});
export type Platform = z.infer<typeof platformSchema>;

export const jurisdictionSchema = z.object({
  /** The bureau's own area: the deepest chosen division code (province, city or county). */
  code: z.string().nullable(),
  name: z.string(),
  /** 填报单位 as printed on the returns, e.g. 某某市商务局. */
  reportingUnit: z.string(),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const preferencesSchema = z.object({
  userName: z.string().max(40),
  locale: z.enum(['zh-CN', 'en-US']),
  /** Alert thresholds used by the projects area. */
  followUpDays: z.number().int().min(1).max(365),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const nameInput = z.string().trim().min(1, '名称不能为空').max(60);

export const settingsMethods = defineMethods({
  'settings.get': {
    summary: '读取辖区、区县、园区与偏好设置',
    input: z.object({}),
    output: z.object({
      jurisdiction: jurisdictionSchema,
      districts: z.array(districtSchema),
      platforms: z.array(platformSchema),
      preferences: preferencesSchema,
    }),
  },
  'settings.setJurisdiction': {
    writes: ['settings', 'audit'],
    summary: '设置本辖区',
    input: z.object({ code: z.string().regex(/^\d{2,12}$/), reportingUnit: z.string().trim().max(60).optional() }),
    output: jurisdictionSchema,
  },
  'settings.setPreferences': { writes: ['settings', 'audit'], summary: '设置偏好', input: preferencesSchema.partial(), output: preferencesSchema },
  'settings.saveDistrict': {
    writes: ['settings', 'audit'],
    summary: '新增或修改区县',
    input: z.object({ id: z.number().int().optional(), name: nameInput, code: z.string().nullable().default(null) }),
    output: districtSchema,
  },
  'settings.deleteDistrict': { writes: ['settings', 'audit'], summary: '删除区县', input: z.object({ id: z.number().int() }), output: z.object({}) },
  'settings.savePlatform': {
    writes: ['settings', 'audit'],
    summary: '新增或修改园区',
    input: z.object({
      id: z.number().int().optional(),
      name: nameInput,
      type: z.enum(PLATFORM_TYPE_CODES),
      districtId: z.number().int().nullable().default(null),
    }),
    output: platformSchema,
  },
  'settings.deletePlatform': { writes: ['settings', 'audit'], summary: '删除园区', input: z.object({ id: z.number().int() }), output: z.object({}) },
});
