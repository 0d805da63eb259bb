import { describe, expect, it } from 'vitest';
import { auditAreaOf, auditChanges } from '../../shared/domain/audit';

describe('auditChanges', () => {
  it('an edit shows the fields it sent that changed, not the ones it did not send', () => {
    const before = { name: '甲项目', totalInvestment: 6000, updatedAt: '2026-01-01', policy: { negativeList: null } };
    const after = { name: '甲项目', totalInvestment: 88000 };
    expect(auditChanges(before, after)).toEqual([{ field: 'totalInvestment', label: '总投资', before: '6000', after: '88000' }]);
  });

  it('a creation shows what was set, leaving out empty fields; a deletion what was there', () => {
    expect(auditChanges(null, { id: 1, name: '江北区', code: null }).map((c) => [c.label, c.after])).toEqual([
      ['id', '1'],
      ['名称', '江北区'],
    ]);
    expect(auditChanges({ name: '江北区', code: '320111' }, null).map((c) => [c.label, c.before, c.after])).toEqual([
      ['名称', '江北区', ''],
      ['代码', '320111', ''],
    ]);
  });

  it('says a judgement and a chosen item in words, and names an import kind', () => {
    const judged = auditChanges({ policy: null }, { policy: { status: 'prohibited', measureNo: 14, reason: '含中国法律事务' } });
    expect(judged).toEqual([{ field: 'policy', label: '准入认定', before: '', after: '禁止（第14条）：含中国法律事务' }]);
    expect(auditChanges({ encouraged: null }, { encouraged: { itemId: 3, text: '某条目', catalogue: '2025年版' } })[0]!.after).toBe('某条目');
    expect(auditChanges(null, { kind: 'projects' })[0]!.after).toBe('项目清单');
    expect(auditChanges('a', 'b')).toEqual([{ field: '', label: '', before: 'a', after: 'b' }]);
  });

  it('puts a project-list import batch under 项目库 and an FDI one under 外资统计', () => {
    expect(auditAreaOf('import_batch', { kind: 'projects' })).toBe('projects');
    expect(auditAreaOf('import_batch', { kind: 'fdi' })).toBe('fdi');
    expect(auditAreaOf('import_batch', { file: 'x.xlsx' })).toBe('fdi');
    expect(auditAreaOf('something_new')).toBe('other');
  });
});
