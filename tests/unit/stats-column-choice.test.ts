import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../renderer/src/features/fdi-stats/tables/columnChoice';

describe('a stored column choice of a standard table', () => {
  it('is read back in the tables’ own order', () => {
    expect(parseChoice(JSON.stringify({ measures: ['actualFdi', 'newEnterprises'], parts: ['yoy', 'current'] }))).toEqual({
      measures: ['newEnterprises', 'actualFdi'],
      parts: ['current', 'yoy'],
    });
  });
  it('drops names it does not know, and is no choice when nothing would be left to show', () => {
    expect(parseChoice(JSON.stringify({ measures: ['actualFdi', 'rent'], parts: ['current', 'total'] }))).toEqual({ measures: ['actualFdi'], parts: ['current'] });
    expect(parseChoice(JSON.stringify({ measures: [], parts: ['current'] }))).toBeNull();
    expect(parseChoice(JSON.stringify({ measures: ['actualFdi'] }))).toBeNull();
  });
  it('is no choice when the stored text is not one', () => {
    expect(parseChoice(null)).toBeNull();
    expect(parseChoice('{not json')).toBeNull();
    expect(parseChoice('"actualFdi"')).toBeNull();
  });
});
