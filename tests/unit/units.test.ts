import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnit, parseAmount, toWan } from '../../shared/rules/units';
import { roundStored } from '../../shared/rules/money';

describe('findUnit', () => {
  it.each([
    ['实际使用外资（万美元）', '万美元'],
    ['实际使用外资(万美元)', '万美元'],
    ['单位：美元', '美元'],
    ['单位:美元', '美元'],
    ['合同外资金额 （亿美元）', '亿美元'],
    ['金额单位：千美元', '千美元'],
    ['单位：百万美元', '百万美元'],
    ['单位：千万美元', '千万美元'],
    ['单 位 ： 万 美 元', '万美元'],
    ['单位：万\u3000美元', '万美元'],
    ['2025年1-10月全市外资统计表（单位：美元）', '美元'],
  ])('%s → %s', (text, unit) => {
    expect(findUnit(text)).toBe(unit);
  });

  it('reads full-width text (NFKC)', () => {
    // full-width colon and brackets, and an ideographic space inside
    expect(findUnit('单位：　万美元')).toBe('万美元');
    expect(findUnit('（万美元）')).toBe('万美元');
  });

  it('does not read 万美元 as 美元, nor 百万美元 as 万美元 (longest name wins)', () => {
    expect(findUnit('美元 万美元')).toBe('万美元');
    expect(findUnit('百万美元')).not.toBe('万美元');
  });

  it.each(['实际使用外资', '单位：万元', '金额（人民币）', '', '企业数（家）'])('no dollar unit in %j → null', (text) => {
    expect(findUnit(text)).toBeNull();
  });
});

describe('toWan', () => {
  it('converts each unit to 万美元', () => {
    expect(toWan(12345, '美元')).toBe(1.2345);
    expect(toWan(3, '千美元')).toBe(0.3);
    expect(toWan(250.5, '万美元')).toBe(250.5);
    expect(toWan(2.5, '百万美元')).toBe(250);
    expect(toWan(1.5, '千万美元')).toBe(1500);
    expect(toWan(1.23, '亿美元')).toBe(12300);
    expect(toWan(0, '美元')).toBe(0);
  });

  it('rounds to whole dollars (4 decimals of 万美元), including amounts far below a dollar', () => {
    expect(toWan(1.4, '美元')).toBe(0.0001);
    expect(toWan(0.4, '美元')).toBe(0);
    expect(toWan(0.003, '美元')).toBe(0); // 3e-7 万美元: printed with an exponent
    expect(toWan(123456789012, '美元')).toBe(12345678.9012);
  });

  it('美元 → 万美元 keeps the amount to the dollar (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (dollars) => {
        const wan = toWan(dollars, '美元');
        expect(Number.isFinite(wan)).toBe(true);
        expect(Math.abs(wan * 10000 - dollars)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (dollars) => {
        expect(Math.round(toWan(dollars, '美元') * 10000)).toBe(dollars);
      }),
    );
  });

  it('万美元 → 万美元 is the stored rounding only (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        expect(toWan(x, '万美元')).toBe(roundStored(x));
      }),
    );
  });
});

describe('parseAmount', () => {
  it.each<[unknown, number | null]>([
    [1234.5, 1234.5],
    [0, 0],
    ['1234.5', 1234.5],
    ['1,234.56', 1234.56],
    ['12,345,678', 12345678],
    ['１２３４．５', 1234.5],
    ['１，２３４', 1234],
    ['1 234', 1234],
    ['  88  ', 88],
    ['+12', 12],
    ['0.00', 0],
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
    ['-', null],
    ['--', null],
    ['—', null],
    ['——', null],
    ['–', null],
    ['－', null],
  ])('%j → %j', (cell, value) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value });
  });

  it.each<unknown>([-5, -0.01, '-12', '-1,234.5', '(12)', '(1,234.50)', '（12）', '－12'])('negative %j is refused', (cell) => {
    expect(parseAmount(cell)).toEqual({ ok: false, code: 'AMOUNT_NEGATIVE' });
  });

  it.each<unknown>(['abc', '12abc', '12万', '1.2.3', '1e5', '(abc)', '()', '(12', '12-', 'N/A', NaN, Infinity, -Infinity, true, {}, [], new Date(0)])(
    'junk %j is refused',
    (cell) => {
      expect(parseAmount(cell)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
    },
  );

  it('reads back any non-negative amount written with thousands separators (property)', () => {
    const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => {
        const amount = cents / 100;
        const text = format.format(amount);
        expect(parseAmount(text)).toEqual({ ok: true, value: Number(amount.toFixed(2)) });
      }),
    );
  });
});
