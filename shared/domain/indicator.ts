/**
 * The yearly target indicators (年度目标). The first six are the plan's headline indicators (专栏1) as the bureau
 * tracks them; a bureau adds its own as `custom:<name>`. Order is the order of the KPI cards.
 */
export const STANDARD_INDICATORS = {
  actualFdi: { name: '实际使用外资', unit: '万美元', kind: 'amount' },
  contractedFdi: { name: '合同外资', unit: '万美元', kind: 'amount' },
  newEnterprises: { name: '新设外商投资企业数', unit: '家', kind: 'count' },
  highTechShare: { name: '高技术产业实际使用外资占比', unit: '%', kind: 'share' },
  devZoneShare: { name: '开发区实际使用外资占比', unit: '%', kind: 'share' },
  ftzShare: { name: '自贸试验区实际使用外资占比', unit: '%', kind: 'share' },
} as const;
export type StandardIndicator = keyof typeof STANDARD_INDICATORS;
export const STANDARD_INDICATOR_CODES = Object.keys(STANDARD_INDICATORS) as [StandardIndicator, ...StandardIndicator[]];

export const CUSTOM_PREFIX = 'custom:';
/** A custom indicator code: `custom:` and a short name without spaces at its ends. */
export const CUSTOM_INDICATOR_PATTERN = /^custom:\S(.{0,28}\S)?$/;

export function isStandardIndicator(code: string): code is StandardIndicator {
  return Object.prototype.hasOwnProperty.call(STANDARD_INDICATORS, code);
}

export function isCustomIndicator(code: string): boolean {
  return CUSTOM_INDICATOR_PATTERN.test(code);
}

/**
 * How a share's year-on-year change is read: in percentage points (占比比上年同期提高 N 个百分点), as the bureaus'
 * reports say it; amounts and counts change in percent (同比增长 N%).
 */
export function yoyKindOf(code: string): 'percent' | 'points' {
  return isStandardIndicator(code) && STANDARD_INDICATORS[code].kind === 'share' ? 'points' : 'percent';
}
