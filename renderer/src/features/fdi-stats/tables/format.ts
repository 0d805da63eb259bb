/** The app's one number format (shared/format.ts): amounts with 2 decimals, percents with 1, blank where there is none. */
export { formatAmount, formatCount, formatPercentNumber as formatPercent } from '../../../../../shared/format';
