/**
 * Amounts are stored in 万美元 as REAL rounded on write to 4 decimals (whole US dollars), and reported rounded to 2.
 * Decimal rounding goes through the exponent so that 1.005 rounds to 1.01, not 1.00.
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const scale = 10 ** digits;
  const x = abs * scale;
  // the common case, far from a half: the binary product rounds as the decimal does, and dividing an integer by an
  // exact power of ten gives the same double as the decimal text (the tables round thousands of figures per call)
  const fast = x < 2 ** 40 && Math.abs(x - Math.floor(x) - 0.5) > 1e-3;
  const shifted = fast ? Math.round(x) : Math.round(shiftDecimal(abs, digits));
  // so large it has no decimals to round (and shifting it overflows)
  if (!Number.isFinite(shifted)) return value;
  // 0 rather than -0 when a small negative rounds away
  if (shifted === 0) return 0;
  return Math.sign(value) * (fast ? shifted / scale : shiftDecimal(shifted, -digits));
}

/** value × 10^by done on the decimal text, so no binary error creeps in; handles values printed as `1e-7`. */
function shiftDecimal(value: number, by: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + by}`);
}

/** Rounding applied to every amount before it is stored. */
export const roundStored = (wan: number): number => roundTo(wan, 4);
/**
 * Rounding applied to every amount before it is shown or exported. A sum arrives with binary noise (74,507.175 added up
 * from amounts in whole dollars comes as 74,507.17499999999): it is first taken to 6 decimals, which no real figure has
 * more of that matter (amounts are whole dollars; a foreign share's weight adds a few), so a half rounds up as the
 * decimal figure does.
 */
export const roundReported = (wan: number): number => roundTo(Math.abs(wan) < 1e9 ? Math.round(wan * 1e6) / 1e6 : wan, 2);

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
