import { printedCode, rowLabel, type StatsRow, type StatsTableId } from '../../../../shared/api/stats';

/** Where each table's rows start and how its columns are laid out, shared by the writer and the tests that read back. */

/** Sheet names (short, no characters Excel forbids) per table. */
export const SHEET_NAMES: Record<StatsTableId, string> = {
  summary: '总表',
  industry: '分行业',
  country: '分国别（地区）',
  mode: '分投资方式',
  district: '分区县',
  platform: '分园区',
};

/** The heading of the 项目 column per table. */
export const ITEM_HEADINGS: Record<StatsTableId, string> = {
  summary: '指标',
  industry: '行业',
  country: '国别（地区）',
  mode: '投资方式',
  district: '区县',
  platform: '园区',
};

/**
 * The top of a sheet, as printed statistical returns lay it out: the title (with the amount unit), the form's
 * metadata at the top right — 表号, 制定机关, 批准机关, 批准文号, 有效期至, each as the bureau set it in 统计设置 and blank
 * otherwise — then 填报单位 / 统计期 / 计量单位 on one line and the 口径 on the next. The current 外商投资统计调查制度's
 * own forms could not be found to copy a layout from (see shared/reference/README.md); this follows the common form
 * of the 部门统计调查制度 returns, e.g. 《对外直接投资统计制度》(2002) 表 FDI305: 表号, 制表机关, 文号 and 有效期截止 at the
 * top, 计量单位 beside the 统计期, 填报人 / 单位负责人 / 联系电话 / 报出日期 under the table
 * (https://code.fabao365.com/law_215124_9.html).
 */
export const TITLE_ROW = 1;
export const FORM_META_ROWS = [2, 3, 4, 5, 6] as const;
export const META_ROW = 7;
export const BASIS_ROW = 8;
export const HEADER_ROWS = [9, 10] as const;
export const FIRST_DATA_ROW = 11;

export type Format = 'text' | 'count' | 'amount' | 'percent';

export interface Column {
  /** Group heading (row 5), merged over the group's columns; the column's own heading (row 6). */
  group: string;
  heading: string;
  width: number;
  format: Format;
  value(row: StatsRow): string | number | null;
}

/** 代码 | 名称 | 新设企业数 本期/上年同期/同比 | 合同外资 本期/上年同期/同比 | 实际使用外资 本期/上年同期/同比/占比. */
export function columnsFor(id: StatsTableId): Column[] {
  return [
    { group: '代码', heading: '代码', width: 10, format: 'text', value: (r) => printedCode(id, r) },
    { group: ITEM_HEADINGS[id], heading: ITEM_HEADINGS[id], width: 36, format: 'text', value: rowLabel },
    { group: '新设外商投资企业数（家）', heading: '本期', width: 10, format: 'count', value: (r) => r.current.newEnterprises },
    { group: '新设外商投资企业数（家）', heading: '上年同期', width: 10, format: 'count', value: (r) => r.prior.newEnterprises },
    { group: '新设外商投资企业数（家）', heading: '同比±%', width: 9, format: 'percent', value: (r) => r.yoy.newEnterprises },
    { group: '合同外资', heading: '本期', width: 14, format: 'amount', value: (r) => r.current.contractedFdi },
    { group: '合同外资', heading: '上年同期', width: 14, format: 'amount', value: (r) => r.prior.contractedFdi },
    { group: '合同外资', heading: '同比±%', width: 9, format: 'percent', value: (r) => r.yoy.contractedFdi },
    { group: '实际使用外资', heading: '本期', width: 14, format: 'amount', value: (r) => r.current.actualFdi },
    { group: '实际使用外资', heading: '上年同期', width: 14, format: 'amount', value: (r) => r.prior.actualFdi },
    { group: '实际使用外资', heading: '同比±%', width: 9, format: 'percent', value: (r) => r.yoy.actualFdi },
    { group: '实际使用外资', heading: '占比%', width: 9, format: 'percent', value: (r) => r.share.actualFdi },
  ];
}

export const NUMBER_FORMATS: Record<Format, string> = {
  text: '@',
  count: '#,##0',
  amount: '#,##0.00',
  percent: '0.0',
};
