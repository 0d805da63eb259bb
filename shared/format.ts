import { roundTo } from './rules/money';

/**
 * The one way numbers are shown, on every screen and in every picture: amounts in 万美元 with thousands separators
 * and two decimals (175,797.10), percentages with one decimal (48.6%), counts with separators (9,286). Excel exports
 * carry the same as cell formats (EXCEL_FORMATS), so a figure reads alike in the app and in the workbook.
 */

const AMOUNT = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** An amount in 万美元: “175,797.10”; empty when unknown. Rounded half away from zero, as the returns are. */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return AMOUNT.format(roundTo(value, 2));
}

/** A percentage: “48.6%”; empty when unknown. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${ONE_DECIMAL.format(roundTo(value, 1))}%`;
}

/** A percentage's number alone, one decimal (“48.6”), for tables whose header carries the %. */
export function formatPercentNumber(value: number | null | undefined): string {
  return formatPercent(value).replace(/%$/, '');
}

/** A count of firms, projects, records: “9,286”. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return COUNT.format(Math.round(value));
}

/** A figure in its unit: 万美元 amounts, % shares, counts (家, 个…); a bureau's own unit shows decimals when it has them. */
export function formatInUnit(value: number | null | undefined, unit: string): string {
  if (unit === '%') return formatPercent(value);
  if (unit === '万美元' || (value !== null && value !== undefined && !Number.isInteger(value))) return formatAmount(value);
  return formatCount(value);
}

/** The same formats as Excel number formats, for exported workbooks. */
export const EXCEL_FORMATS = { amount: '#,##0.00', percent: '0.0', count: '#,##0' } as const;
