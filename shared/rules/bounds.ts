/**
 * What a plausible value is. Beyond these a number is a typo, a unit mistake (元 for 万美元) or a broken cell, not a
 * record: importers report it as a row problem and the API refuses it as input, so nothing like 1e308 is ever
 * stored, summed or shown.
 */

/** The largest amount one record (or one target) may hold, in 万美元: 1 万亿 US dollars, far beyond any single FDI. */
export const MAX_AMOUNT_WAN = 1e8;

/** The first year a foreign-invested enterprise could be set up in China (the Sino-foreign joint venture law, 1979). */
export const FIRST_YEAR = 1979;

/** Plans (a project's planned start, its arrivals by month) may look further ahead. */
export const PLAN_YEARS_AHEAD = 15;

/** Chain-map coordinates, in canvas pixels: far beyond any map's size, and well inside what a renderer can draw. */
export const MAX_CANVAS_COORD = 1e6;

/** Why an amount in 万美元 is out of range, or null when it is plausible. */
export function amountOutOfRange(wan: number): string | null {
  if (wan > MAX_AMOUNT_WAN) return `超过 ${MAX_AMOUNT_WAN} 万美元，请检查单位`;
  return Number.isFinite(wan) ? null : '不是有效的数字';
}

/**
 * The years a date may fall in: records and past events from FIRST_YEAR to next year (a return may be filed a little
 * ahead); plans (a project's planned start, its arrivals by month) PLAN_YEARS_AHEAD further.
 */
export function plausibleYears(options: { plan?: boolean; today?: Date } = {}): { first: number; last: number; message: string } {
  const year = (options.today ?? new Date()).getFullYear();
  const last = options.plan ? year + PLAN_YEARS_AHEAD : year + 1;
  return { first: FIRST_YEAR, last, message: `年份应在 ${FIRST_YEAR}–${last} 之间` };
}

/** Why a year is out of range, or null when it is plausible. */
export function yearOutOfRange(year: number, options: { plan?: boolean; today?: Date } = {}): string | null {
  const range = plausibleYears(options);
  return year >= range.first && year <= range.last ? null : range.message;
}
