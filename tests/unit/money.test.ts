import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundReported, roundStored, roundTo, sharePercent, yoyPercent } from '../../shared/rules/money';

describe('roundTo', () => {
  it('rounds decimal halves up, as people do on paper (not as binary floats do)', () => {
    expect(roundTo(1.005, 2)).toBe(1.01); // 1.005 is 1.00499999… in binary
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(1.00005, 4)).toBe(1.0001);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(1234.5, 0)).toBe(1235);
  });

  it('is symmetric for negatives and never returns -0', () => {
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it('handles numbers JavaScript prints with an exponent', () => {
    expect(roundTo(1e-7, 4)).toBe(0);
    expect(roundTo(5e-5, 4)).toBe(0.0001);
    expect(roundTo(1.23456e-3, 4)).toBe(0.0012);
    expect(roundTo(1e21, 2)).toBe(1e21);
    expect(roundTo(-3e-9, 2)).toBe(0);
  });

  it('gives what rounding the decimal text gives, on its fast path too (property)', () => {
    // the rule written plainly: shift the decimal text, round, shift back
    const shift = (v: number, by: number) => {
      const [m, e = '0'] = String(v).split('e');
      return Number(`${m}e${Number(e) + by}`);
    };
    const reference = (v: number, d: number) => {
      const r = Math.round(shift(Math.abs(v), d));
      return r === 0 ? 0 : Math.sign(v) * shift(r, -d);
    };
    const nearHalves = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 })).map(([k, d, e]) => [(k + 0.5) / 10 ** d + e * 1e-12, d] as const);
    const anyDouble = fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }));
    fc.assert(fc.property(fc.oneof(nearHalves, anyDouble), ([x, d]) => {
      expect(roundTo(x, d)).toBe(reference(x, d));
    }), { numRuns: 5000 });
  });

  it('passes NaN and infinities through', () => {
    expect(roundTo(Number.NaN, 2)).toBeNaN();
    expect(roundTo(Infinity, 2)).toBe(Infinity);
  });

  it('lands within half a unit of the last digit, is idempotent and symmetric (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, digits) => {
        const r = roundTo(x, digits);
        expect(Number.isFinite(r)).toBe(true);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -digits * (1 + 1e-9) + Math.abs(x) * 1e-15);
        expect(roundTo(r, digits)).toBe(r);
        expect(roundTo(-x, digits)).toBe(r === 0 ? 0 : -r);
      }),
    );
  });

  it('stores 4 decimals (whole dollars of 万美元) and reports 2', () => {
    expect(roundStored(1.23456)).toBe(1.2346);
    expect(roundStored(0.00004)).toBe(0);
    expect(roundReported(1234.565)).toBe(1234.57);
    expect(roundReported(1.005)).toBe(1.01);
  });

  it('rounds a sum of amounts in whole dollars as the decimal sum rounds, whatever binary noise the adding left', () => {
    // amounts of 4 decimals (whole dollars in 万美元), some weighted by a share, added up in doubles
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9_000_000 }), fc.constantFrom(100, 60, 40, 25)), { minLength: 1, maxLength: 400 }), (items) => {
        const sum = items.reduce((n, [dollars, share]) => n + (dollars / 10_000) * (share / 100), 0);
        // the exact sum in units of 10⁻⁶ 万美元, as integers
        const exact = items.reduce((n, [dollars, share]) => n + BigInt(dollars) * BigInt(share), 0n);
        const cents = (exact + 5_000n) / 10_000n; // half up, to 0.01 万美元
        expect(roundReported(sum)).toBe(Number(cents) / 100);
      }),
      { numRuns: 300 },
    );
    expect(roundReported(74507.17499999999)).toBe(74507.18);
  });
});

describe('yoyPercent', () => {
  it('growth in percent, one decimal', () => {
    expect(yoyPercent(120, 100)).toBe(20);
    expect(yoyPercent(80, 100)).toBe(-20);
    expect(yoyPercent(100, 300)).toBe(-66.7);
    expect(yoyPercent(0, 50)).toBe(-100);
    expect(yoyPercent(1.5, 1.5)).toBe(0);
  });
  it('blank (null) when the prior figure is 0, as the returns leave it', () => {
    expect(yoyPercent(5, 0)).toBeNull();
    expect(yoyPercent(0, 0)).toBeNull();
  });
  it('against a negative prior, growth is measured on its size', () => {
    expect(yoyPercent(50, -100)).toBe(150);
  });
});

describe('sharePercent', () => {
  it('share of a whole in percent, one decimal', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(5, 5)).toBe(100);
    expect(sharePercent(0, 5)).toBe(0);
  });
  it('null when the whole is 0', () => {
    expect(sharePercent(0, 0)).toBeNull();
    expect(sharePercent(3, 0)).toBeNull();
  });
  it('shares of parts that add up to the whole add up to about 100 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 10 }), (parts) => {
        const whole = parts.reduce((a, b) => a + b, 0);
        fc.pre(whole > 0);
        const total = parts.reduce((sum, p) => sum + sharePercent(p, whole)!, 0);
        expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.05 * parts.length + 1e-9);
      }),
    );
  });
});
