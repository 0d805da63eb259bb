import { describe, expect, it } from 'vitest';
import { modeProblem, parseMode } from '../../electron/backend/fdi-import/fields';

describe('parseMode', () => {
  it('reads the wordings of returns, exactly or after NFKC and without spaces', () => {
    expect(parseMode('新设')).toBe('new');
    expect(parseMode(' 新 设 立 ')).toBe('new');
    expect(parseMode('追加投资')).toBe('increase');
    expect(parseMode('ＭＥＲＧＥＲ')).toBe('merger');
  });

  it('tells 利润再投资 from 境内再投资, each in the words bureaus use', () => {
    for (const w of ['利润再投资', '未分配利润再投资', '外国投资者利润再投资', ' 利润 再投资 ']) expect(parseMode(w), w).toBe('profit_reinvestment');
    for (const w of ['境内再投资', '外商投资企业境内再投资', '外资企业境内再投资', '境内投资']) expect(parseMode(w), w).toBe('domestic_reinvestment');
    // the code this app wrote for 利润再投资 before the two were apart
    expect(parseMode('reinvestment')).toBe('profit_reinvestment');
  });

  it('refuses a bare 再投资 with the reason, since it could be either', () => {
    expect(parseMode('再投资')).toBeNull();
    expect(modeProblem('再投资')).toContain('分不清是利润再投资');
    expect(modeProblem('新建')).toContain('应为');
  });

  it('knows nothing else, not even the names an object inherits', () => {
    for (const text of ['新建', '', 'constructor', 'toString', '__proto__']) expect(parseMode(text), text).toBeNull();
  });
});
