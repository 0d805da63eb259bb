import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundReported, roundStored, roundTo } from '../../shared/rules/money';

describe('roundTo with numbers JavaScript prints in exponent form', () => {
  it('rounds tiny float residues (sums that should be 0) to 0, not NaN', () => {
    expect(roundReported(1.4551915228366852e-11)).toBe(0);
    expect(Object.is(roundReported(-1.4e-11), 0)).toBe(true);
    expect(roundTo(2.5e-7, 7)).toBe(3e-7);
    expect(roundTo(1e21, 2)).toBe(1e21);
    expect(roundReported(1.005)).toBe(1.01);
  });

  it('stays within half a unit of the last kept decimal for any finite amount', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const r = roundReported(x);
        expect(Number.isFinite(r)).toBe(true);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + Math.abs(x) * 1e-15);
        expect(Math.abs(roundStored(x) - x)).toBeLessThanOrEqual(0.00005 + Math.abs(x) * 1e-15);
      }),
    );
  });
});
