import { describe, expect, it } from 'vitest';
import { defaultRange, rangeFromQuery } from '../../renderer/src/features/fdi-stats/tables/range';

describe('the tables view’s month range', () => {
  it('defaults to January of this year up to last month, or all of last year in January', () => {
    expect(defaultRange(new Date(2026, 10, 28))).toEqual({ from: '2026-01', to: '2026-10' });
    expect(defaultRange(new Date(2026, 1, 3))).toEqual({ from: '2026-01', to: '2026-01' });
    expect(defaultRange(new Date(2026, 0, 15))).toEqual({ from: '2025-01', to: '2025-12' });
  });

  it('takes a range from the address only when both months are well formed and in order', () => {
    expect(rangeFromQuery({ from: '2025-01', to: '2025-06' })).toEqual({ from: '2025-01', to: '2025-06' });
    expect(rangeFromQuery({ from: '2025-07', to: '2025-06' })).toBeNull();
    expect(rangeFromQuery({ from: '2025-1', to: '2025-06' })).toBeNull();
    expect(rangeFromQuery({ from: '2025-01' })).toBeNull();
  });
});
