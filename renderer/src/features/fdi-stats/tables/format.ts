/** Amounts in 万美元 with thousands separators and 2 decimals; percents with 1 decimal; blank where there is none. */
export const formatAmount = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatPercent = (n: number | null) => (n === null ? '' : n.toFixed(1));
