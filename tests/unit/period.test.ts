import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parsePeriod, periodLabel, periodRange, priorYear, PERIOD_PATTERN } from '../../shared/rules/period';

const DAY_MS = 86400000;
/** The Excel (1900 system) serial of a date from 1900-03-01 on, computed independently of the code under test. */
const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Any real calendar day in the years the rule accepts. */
const validDay = fc
  .record({ y: fc.integer({ min: 1950, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

describe('accepted forms → YYYY-MM', () => {
  it.each<[unknown, string, string | null]>([
    [45731, '2025-03', '2025-03-15'], // Excel serial
    [45731.75, '2025-03', '2025-03-15'], // a date with a time of day
    [new Date(Date.UTC(2025, 2, 15)), '2025-03', '2025-03-15'], // exceljs date cell
    ['2025-03-15', '2025-03', '2025-03-15'],
    ['2025/3/15', '2025-03', '2025-03-15'],
    ['2025.3.15', '2025-03', '2025-03-15'],
    ['2025年3月', '2025-03', null],
    ['2025年3月15日', '2025-03', '2025-03-15'],
    ['2025年3月15号', '2025-03', '2025-03-15'],
    ['2025 年 3 月', '2025-03', null],
    ['２０２５年３月', '2025-03', null],
    ['2025.03', '2025-03', null],
    ['2025.10', '2025-10', null],
    ['2025-03', '2025-03', null],
    ['2025/03', '2025-03', null],
    ['2025-3', '2025-03', null],
    ['202503', '2025-03', null],
    ['20250315', '2025-03', '2025-03-15'],
    [202503, '2025-03', null],
    [20250315, '2025-03', '2025-03-15'],
    [2025.03, '2025-03', null], // a month typed as a decimal number
    [2025.12, '2025-12', null],
    ['  2025-03-15\t', '2025-03', '2025-03-15'],
    ['2024-02-29', '2024-02', '2024-02-29'], // leap day
    ['2000-02-29', '2000-02', '2000-02-29'], // century leap year
    ['1950-01-01', '1950-01', '1950-01-01'],
    ['2100-12-31', '2100-12', '2100-12-31'],
  ])('%j → %s', (cell, period, date) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, period, date });
  });
});

describe('errors, never guesses', () => {
  it.each<unknown>([
    '2025-02-30', // impossible day
    '2023-02-29', // not a leap year
    '2100-02-29', // century non-leap
    '2025-13', // month 13
    '2025年13月',
    '2025-00',
    '202513',
    202513,
    '20250230',
    20250230,
    '2025-04-31',
    '2025.3', // March, or a truncated 2025.30?
    2025.1, // January, or October with its 0 lost?
    '03/15/2025', // US order
    '15/03/2025', // day first
    '25-03-15', // two-digit year
    '2025', // a year is not a month
    2025,
    '2025年',
    '2025年第一季度',
    '2025年3',
    'March 2025',
    '2025-03-15 10:30',
    '2025-3-15-1',
    '1949-12', // before the years the app handles
    '2101-01',
    18263, // the serial of 1949-12-31
    73416.5, // after 2100-12-31
    60, // Excel's 1900-02-29, which never was
    -1,
    0,
    Number.NaN,
    Infinity,
    '',
    '   ',
    null,
    undefined,
    true,
    {},
    new Date(Number.NaN),
  ])('%j is refused', (cell) => {
    const result = parsePeriod(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('PERIOD_INVALID');
      expect(result.reason).toMatch(/[\u4e00-\u9fff]/); // a Chinese reason for the problem list
    }
  });
});

describe('Excel serial dates', () => {
  it('knows the 1900 leap-year bug: 59 is 1900-02-28, 60 the day that never was, 61 is 1900-03-01', () => {
    expect(excelSerialToDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToDate(31)).toEqual({ year: 1900, month: 1, day: 31 });
    expect(excelSerialToDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(excelSerialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToDate(25569)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(excelSerialToDate(18264)).toEqual({ year: 1950, month: 1, day: 1 });
    expect(excelSerialToDate(73415)).toEqual({ year: 2100, month: 12, day: 31 });
  });

  it('serial → date → serial round trip, and the time of day is ignored (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, time) => {
        const d = excelSerialToDate(serial);
        expect(serialOf(d.year, d.month, d.day)).toBe(serial);
        expect(excelSerialToDate(serial + time)).toEqual(d);
      }),
    );
  });

  it('date → serial → date round trip through parsePeriod (property)', () => {
    fc.assert(
      fc.property(validDay, ({ y, m, d }) => {
        expect(parsePeriod(serialOf(y, m, d))).toEqual({ ok: true, period: `${y}-${pad(m)}`, date: `${y}-${pad(m)}-${pad(d)}` });
      }),
    );
  });
});

describe('every accepted form of a valid day parses back to its period (property)', () => {
  it('day forms keep the day', () => {
    fc.assert(
      fc.property(validDay, ({ y, m, d }) => {
        const period = `${y}-${pad(m)}`;
        const date = `${period}-${pad(d)}`;
        const forms: unknown[] = [
          serialOf(y, m, d),
          new Date(Date.UTC(y, m - 1, d)),
          new Date(Date.UTC(y, m - 1, d, 23, 59, 59)),
          `${y}-${pad(m)}-${pad(d)}`,
          `${y}-${m}-${d}`,
          `${y}/${m}/${d}`,
          `${y}/${pad(m)}/${pad(d)}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${y}${pad(m)}${pad(d)}`,
          Number(`${y}${pad(m)}${pad(d)}`),
        ];
        for (const form of forms) expect(parsePeriod(form)).toEqual({ ok: true, period, date });
      }),
    );
  });

  it('month forms give the period without a day', () => {
    fc.assert(
      fc.property(validDay, ({ y, m }) => {
        const period = `${y}-${pad(m)}`;
        const forms: unknown[] = [`${y}年${m}月`, `${y}年${pad(m)}月`, `${y}.${pad(m)}`, `${y}-${pad(m)}`, `${y}/${m}`, `${y}${pad(m)}`, Number(`${y}${pad(m)}`)];
        // a month typed as a decimal number is clear except for October (2025.10 is the number 2025.1)
        if (m !== 10) forms.push(Number(`${y}.${pad(m)}`));
        for (const form of forms) expect(parsePeriod(form)).toEqual({ ok: true, period, date: null });
        expect(PERIOD_PATTERN.test(period)).toBe(true);
      }),
    );
  });

  it('a day past the end of its month is refused in every day form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (y, m, over) => {
        const d = daysIn(y, m) + over;
        fc.pre(d <= 31 || over === 1);
        for (const form of [`${y}-${pad(m)}-${pad(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}${pad(m)}${pad(d)}`]) {
          expect(parsePeriod(form).ok).toBe(false);
        }
      }),
    );
  });
});

describe('period arithmetic', () => {
  it('periodRange lists months inclusive, across years', () => {
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2025-03', '2025-03')).toEqual(['2025-03']);
    expect(periodRange('2025-04', '2025-03')).toEqual([]);
    expect(periodRange('2020-01', '2025-12')).toHaveLength(72);
  });
  it('priorYear is the same month a year before', () => {
    expect(priorYear('2025-03')).toBe('2024-03');
    expect(priorYear('2000-12')).toBe('1999-12');
  });
  it('periodLabel as the returns print it', () => {
    expect(periodLabel('2025-01', '2025-10')).toBe('2025年1-10月');
    expect(periodLabel('2025-03', '2025-03')).toBe('2025年3月');
    expect(periodLabel('2024-11', '2025-02')).toBe('2024年11月-2025年2月');
  });
});
