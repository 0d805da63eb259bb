/**
 * Reads the dates and months bureau files hold into a period `YYYY-MM` (and the day where one was given).
 * Accepted: Excel serial dates, JS Dates (exceljs gives these for date cells), `2025-03-15`, `2025/3/15`, `2025.3.15`,
 * `2025年3月`, `2025年3月15日`, `2025.03`, `2025-03`, `2025/03`, `202503`, `20250315`. Anything else is an error:
 * a period is never guessed.
 */
export type PeriodParse =
  | { ok: true; period: string; date: string | null }
  | { ok: false; code: 'PERIOD_INVALID'; reason: string };

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;
/** Excel serials of 1950-01-01 and 2100-12-31 (1900 date system). */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number | null): PeriodParse {
  if (year < MIN_YEAR || year > MAX_YEAR) return bad(`年份应在${MIN_YEAR}-${MAX_YEAR}之间`);
  if (month < 1 || month > 12) return bad('月份应在1-12之间');
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return bad(`${year}年${month}月没有${day}日`);
  const period = `${year}-${pad2(month)}`;
  return { ok: true, period, date: day === null ? null : `${period}-${pad2(day)}` };
}

function bad(reason: string): PeriodParse {
  return { ok: false, code: 'PERIOD_INVALID', reason };
}

export function excelSerialToDate(serial: number): { year: number; month: number; day: number } {
  // Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was (day 60, returned as such so that it is
  // refused as a date): up to day 59, day 0 is 1899-12-31; from day 61 on, day 0 is 1899-12-30.
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const ms = Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86400000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const TEXT_FORMS: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => [number, number, number | null]]> = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [/^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/, (m) => [+m[1]!, +m[2]!, m[3] ? +m[3] : null]],
  [/^(\d{4})[-/](\d{1,2})$/, (m) => [+m[1]!, +m[2]!, null]],
  // 2025.3 is refused below (could be March or a truncated 2025.30); 2025.03 and 2025.10 are clear
  [/^(\d{4})\.(\d{2})$/, (m) => [+m[1]!, +m[2]!, null]],
  [/^(\d{4})(\d{2})$/, (m) => [+m[1]!, +m[2]!, null]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
];

export function parsePeriod(cell: unknown): PeriodParse {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('无效日期');
    return build(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return parseNumber(cell);
  if (typeof cell !== 'string') return bad('空白或不是日期');
  const text = cell
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/(日|号)$/, (s) => (s === '号' ? '日' : s));
  if (text === '') return bad('空白');
  for (const [pattern, pick] of TEXT_FORMS) {
    const m = text.match(pattern);
    if (m) return build(...pick(m));
  }
  if (/^\d{4}\.\d$/.test(text)) return bad('“年.月”请写两位月份（如 2025.03），以免与 2025.30 等混淆');
  return bad('不是可识别的日期或月份格式');
}

function parseNumber(n: number): PeriodParse {
  if (!Number.isFinite(n)) return bad('不是有效数字');
  if (Number.isInteger(n) && n >= MIN_SERIAL && n <= MAX_SERIAL) {
    const d = excelSerialToDate(n);
    return build(d.year, d.month, d.day);
  }
  if (Number.isInteger(n) && n >= MIN_YEAR * 100 && n <= MAX_YEAR * 100 + 12) return build(Math.floor(n / 100), n % 100, null);
  if (Number.isInteger(n) && n >= MIN_YEAR * 10000 && n <= MAX_YEAR * 10000 + 1231) {
    return build(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  // A number like 2025.03 (a month typed as a decimal). 2025.1 is ambiguous: January, or October with its 0 lost.
  const text = String(n);
  const m = text.match(/^(\d{4})\.(\d{1,2})$/);
  if (m) return m[2]!.length === 2 ? build(+m[1]!, +m[2]!, null) : bad('数字“年.月”无法区分1月与10月，请改为文本或日期');
  if (!Number.isInteger(n) && n >= MIN_SERIAL && n <= MAX_SERIAL + 1) {
    const d = excelSerialToDate(n);
    return build(d.year, d.month, d.day);
  }
  return bad('数字不是Excel日期或年月');
}

/** Months between two periods inclusive, in order; both must be `YYYY-MM`. */
export function periodRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${pad2(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The same period one year earlier (for 同比). */
export function priorYear(period: string): string {
  const [y, m] = period.split('-');
  return `${Number(y) - 1}-${m}`;
}

export const PERIOD_PATTERN = /^(19[5-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;

/** `2025-01`..`2025-10` → `2025年1-10月`; one month → `2025年3月`; across years → `2024年11月-2025年2月`. */
export function periodLabel(from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  if (from === to) return `${fy}年${fm}月`;
  if (fy === ty) return `${fy}年${fm}-${tm}月`;
  return `${fy}年${fm}月-${ty}年${tm}月`;
}
