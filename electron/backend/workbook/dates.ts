/**
 * Dates as spreadsheets store them: a number (days since an epoch) shown through a date format. Shared by the .xlsx
 * and .xls readers, so a date reads the same whichever format a return came in.
 */
import type { CellValue } from './cells';

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, as its 1900 system counts from day 61 on) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** Days from 1904-01-01 (day 0 of the 1904 system, Mac Excel's) to 1970-01-01. */
const EPOCH_1904 = 24_107;
/** 10000-01-01: serials from here on are no date Excel can show. */
const LAST_SERIAL = 2_958_466;

/** Bracketed parts that are elapsed time (`[h]:mm`, `[mm]:ss`); others (`[Red]`, `[$-804]`, `[DBNum1]`) are not. */
const ELAPSED = /^(?:h+|m+|s+)$/i;

/**
 * Whether a number format shows a date or a time — in any case (LibreOffice writes `YYYY-MM-DD`) and with Chinese
 * text around it (`yyyy"年"m"月"`). What does not count: quoted text, `\`-escaped characters, the character after `_`
 * (a space as wide as it) or `*` (a fill), bracketed colours, locales and conditions, `General`, and the `E+`/`E-` of
 * scientific notation.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  let plain = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) break;
      if (ELAPSED.test(code.slice(i + 1, end))) return true;
      i = end;
    } else plain += c;
  }
  plain = plain.replace(/general/gi, '').replace(/e[+-]/gi, '');
  return /[ymdhsegb]|a\/p|am\/pm|上午\/下午/i.test(plain);
}

/**
 * The cell value of a serial shown as a date: a Date at UTC midnight (plus the time of day), as Excel shows it.
 * Excel's 1900 system counts 1900 as a leap year (Lotus's mistake, kept): day 60 is 1900-02-29, which never was, and
 * is given as that text so a check can say so; days 1–59 are one day later than a plain count from 1899-12-30 gives.
 * Day 0 (a time of day without a date) stays on 1899-12-30. A negative serial, or one past 9999, is no date Excel can
 * show: it stays a number.
 */
export function excelDate(serial: number, date1904: boolean): CellValue {
  if (!(serial >= 0 && serial < LAST_SERIAL)) return serial;
  if (date1904) return new Date(Math.round((serial - EPOCH_1904) * DAY_MS));
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  const epoch = day >= 1 && day < 60 ? EPOCH_1900 - 1 : EPOCH_1900;
  return new Date(Math.round((serial - epoch) * DAY_MS));
}

/** `date1904` as XML writes a boolean, in any spelling seen (`1`, `true`, `on`). */
export function isXmlTrue(value: string | undefined): boolean {
  return value !== undefined && /^\s*(?:1|true|on)\s*$/i.test(value);
}
