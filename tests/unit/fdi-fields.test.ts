import { describe, expect, it } from 'vitest';
import { parseMode } from '../../electron/backend/fdi-import/fields';

describe('parseMode', () => {
  it('reads the wordings of returns, exactly or after NFKC and without spaces', () => {
    expect(parseMode('新设')).toBe('new');
    expect(parseMode(' 新 设 立 ')).toBe('new');
    expect(parseMode('追加投资')).toBe('increase');
    expect(parseMode('ＭＥＲＧＥＲ')).toBe('merger');
    expect(parseMode('境内再投资')).toBe('reinvestment');
  });

  it('knows nothing else, not even the names an object inherits', () => {
    for (const text of ['新建', '', 'constructor', 'toString', '__proto__']) expect(parseMode(text), text).toBeNull();
  });
});
