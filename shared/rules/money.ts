/**
 * Amounts are stored in 万美元 as REAL rounded on write to 4 decimals (whole US dollars), and reported rounded to 2.
 * Decimal rounding goes through the exponent so that 1.005 rounds to 1.01, not 1.00.
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(shiftDecimal(Math.abs(value), digits));
  return sign * shiftDecimal(shifted, -digits) + 0; // + 0: no -0
}

/** x × 10^n done on the decimal text; numbers that print in exponent form (1.4e-11, 1e+21) keep their exponent. */
function shiftDecimal(x: number, n: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + n}`);
}

/** Rounding applied to every amount before it is stored. */
export const roundStored = (wan: number): number => roundTo(wan, 4);
/** Rounding applied to every amount before it is shown or exported. */
export const roundReported = (wan: number): number => roundTo(wan, 2);

/** Year-on-year growth in percent (1 decimal), or null when the prior figure is 0 (the returns leave it blank). */
export function yoyPercent(current: number, prior: number): number | null {
  if (prior === 0) return null;
  return roundTo(((current - prior) / Math.abs(prior)) * 100, 1);
}

/** A share in percent (1 decimal), or null when the whole is 0. */
export function sharePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return roundTo((part / whole) * 100, 1);
}
