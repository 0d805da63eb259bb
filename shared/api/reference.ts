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
