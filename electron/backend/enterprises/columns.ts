import type { CellKind } from '../projects/columns';

/** The enterprise register's columns, as exported and imported (with the other names bureaus give them). */
export const ENTERPRISE_COLUMNS = [
  { key: 'name', header: '企业名称', synonyms: ['名称', '企业', '外商投资企业名称', '企业（单位）名称', '单位名称', '公司名称'], kind: 'text', width: 36 },
  { key: 'uscc', header: '统一社会信用代码', synonyms: ['信用代码', '社会信用代码', '统一代码', '组织机构代码'], kind: 'text', width: 22 },
  { key: 'investor', header: '外方投资者', synonyms: ['投资方', '外方投资方', '外方股东', '投资者', '外国投资者'], kind: 'text', width: 28 },
  { key: 'country', header: '国别（地区）', synonyms: ['国别', '国家', '国别地区', '国家（地区）', '来源地', '投资来源地'], kind: 'text', width: 12 },
  { key: 'industryCode', header: '行业代码', synonyms: ['国民经济行业代码', '行业分类代码'], kind: 'text', width: 10 },
  { key: 'industryName', header: '所属行业', synonyms: ['行业', '行业名称', '国民经济行业', '行业类别'], kind: 'text', width: 20 },
  { key: 'registeredCapital', header: '注册资本（万美元）', synonyms: ['注册资本', '注册资金'], kind: 'amount', width: 14 },
  { key: 'foreignShare', header: '外资比例（%）', synonyms: ['外资比例', '外资股比', '外方持股比例', '外方股比', '外资占比', '外方出资比例', '外资持股比例'], kind: 'percent', width: 12 },
  { key: 'setupDate', header: '成立日期', synonyms: ['设立日期', '成立时间', '注册日期', '登记日期', '设立时间'], kind: 'date', width: 12 },
  { key: 'district', header: '所在区县', synonyms: ['区县', '属地', '所在地', '县（市、区）', '所属区县'], kind: 'text', width: 12 },
  { key: 'platform', header: '所在园区', synonyms: ['园区', '载体', '平台', '开发区', '所属园区'], kind: 'text', width: 22 },
  { key: 'notes', header: '备注', synonyms: ['说明'], kind: 'text', width: 30 },
] as const satisfies readonly { key: string; header: string; synonyms: readonly string[]; kind: CellKind; width: number }[];

export type EnterpriseColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];
export const ENTERPRISE_SHEET = '企业名录';
