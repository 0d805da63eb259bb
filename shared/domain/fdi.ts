/**
 * Investment modes (投资方式) with stable codes. 利润再投资 is a foreign investor reinvesting its profits in China (part
 * of FDI); 境内再投资 is a foreign-invested enterprise investing in another enterprise in China — not FDI by the
 * national definition, counted by some provinces (see DOMESTIC_REINVESTMENT_RULES).
 */
export const FDI_MODES = {
  new: '新设',
  increase: '增资',
  merger: '并购',
  profit_reinvestment: '利润再投资',
  domestic_reinvestment: '境内再投资',
} as const;
export type FdiMode = keyof typeof FDI_MODES;
export const FDI_MODE_CODES = Object.keys(FDI_MODES) as [FdiMode, ...FdiMode[]];

/**
 * How 境内再投资 counts in 实际使用外资 and 合同外资 (口径): not at all (the national FDI definition, the default), in
 * full, or by the foreign share of the investing enterprise, kept on the enterprise that received the investment (the
 * return names the investor only as text).
 */
export const DOMESTIC_REINVESTMENT_RULES = {
  excluded: '境内再投资不计入',
  included: '境内再投资全额计入',
  byForeignShare: '境内再投资按外资比例计入',
} as const;
export type DomesticReinvestmentRule = keyof typeof DOMESTIC_REINVESTMENT_RULES;
export const DOMESTIC_REINVESTMENT_RULE_CODES = Object.keys(DOMESTIC_REINVESTMENT_RULES) as [DomesticReinvestmentRule, ...DomesticReinvestmentRule[]];

/**
 * Which records a figure covers: all of them, or without banking, securities and insurance (the plan's headline
 * indicators: 《"十四五"利用外资发展规划》专栏1 注; the divisions are reference data, `scope-excl-finance.csv`).
 */
export const STATS_SCOPES = {
  all: '全口径',
  'excl-finance': '不含银行、证券、保险',
} as const;
export type StatsScope = keyof typeof STATS_SCOPES;
export const STATS_SCOPE_CODES = Object.keys(STATS_SCOPES) as [StatsScope, ...StatsScope[]];

/** The currencies tables are shown in: amounts are stored in 万美元; 人民币 goes through the bureau's rate table. */
export const CURRENCY_UNITS = { usd: '万美元', cny: '亿元人民币' } as const;
export type Currency = keyof typeof CURRENCY_UNITS;
export const CURRENCY_CODES = Object.keys(CURRENCY_UNITS) as [Currency, ...Currency[]];

/** The unit every amount is stored and reported in. */
export const AMOUNT_UNIT = '万美元';
