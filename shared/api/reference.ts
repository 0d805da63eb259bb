import { z } from 'zod';
import { defineMethods } from './define';

export const industrySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['section', 'division', 'group', 'class']),
  parent: z.string().nullable(),
  section: z.string(),
});
export type Industry = z.infer<typeof industrySchema>;

export const countrySchema = z.object({
  code: z.string().length(3),
  name: z.string(),
  nameEn: z.string().nullable(),
  isRegion: z.boolean(),
});
export type Country = z.infer<typeof countrySchema>;

export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parent: z.string().nullable(),
});
export type Division = z.infer<typeof divisionSchema>;

export const countryGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  members: z.array(z.object({ code: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() })),
});

export const referenceMethods = defineMethods({
  'reference.versions': {
    summary: '已载入的参考数据及其版本',
    input: z.object({}),
    output: z.array(z.object({ dataset: z.string(), version: z.string(), rows: z.number().int() })),
  },
  'reference.searchIndustries': {
    summary: '按代码或名称查找国民经济行业（GB/T 4754-2017）',
    input: z.object({
      query: z.string().max(50),
      level: z.enum(['section', 'division', 'group', 'class']).optional(),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: z.array(industrySchema),
  },
  'reference.resolveCountry': {
    summary: '把各种写法的国别（地区）解析为代码',
    input: z.object({ text: z.string().max(60) }),
    output: countrySchema.nullable(),
  },
  'reference.listCountries': { summary: '全部国别（地区）', input: z.object({}), output: z.array(countrySchema) },
  'reference.listDivisions': {
    summary: '行政区划的下级（不给上级时为省级）',
    input: z.object({ parent: z.string().nullable().default(null) }),
    output: z.array(divisionSchema),
  },
  'reference.listCountryGroups': {
    summary: '国别（地区）分组：港澳台、自由港、东盟、欧盟、RCEP、金砖',
    input: z.object({}),
    output: z.array(countryGroupSchema),
  },
});

/** An editable reference list: where it came from, its version, whether the bureau changed it, and its items. */
export const refListItemSchema = z.object({
  /** GB/T 4754 division or class, or ISO 3166-1 alpha-3. */
  code: z.string(),
  name: z.string(),
  /** Country groups: the months a member counts from / to (YYYY-MM, null = always). */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export const refListSchema = z.object({
  list: z.string(),
  /** What its codes are: divisions (a scope), countries (a group), classes (a high-tech classification). */
  kind: z.enum(['divisions', 'countries', 'classes']),
  name: z.string(),
  source: z.string(),
  version: z.string(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  items: z.array(refListItemSchema),
});
export type RefList = z.infer<typeof refListSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM');

export const referenceListMethods = defineMethods({
  'reference.lists': {
    summary: '可编辑的参考清单（不含银行证券保险的行业大类、国别分组如一带一路、高技术产业分类），各注明来源与版本',
    input: z.object({}),
    output: z.array(refListSchema),
  },
  'reference.saveList': {
    writes: ['reference', 'audit'],
    summary: '修改一份参考清单（须注明来源与版本）；此后程序升级不再覆盖它',
    input: z.object({
      list: z.string().min(1).max(40),
      items: z.array(z.object({ code: z.string().trim().min(1).max(10), validFrom: month.nullable().optional(), validTo: month.nullable().optional() })).max(2000),
      source: z.string().trim().min(1, '请注明清单的来源（文件名称、发布机关、日期）').max(300),
      version: z.string().trim().min(1, '请注明版本（如发布日期）').max(60),
    }),
    output: refListSchema,
  },
});
