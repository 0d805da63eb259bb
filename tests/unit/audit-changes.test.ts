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

  it('says the statistics settings, a rate and a reference list in words', () => {
    expect(auditChanges({ domesticReinvestment: 'excluded' }, { domesticReinvestment: 'byForeignShare' })).toEqual([
      { field: 'domesticReinvestment', label: '境内再投资的计入', before: '境内再投资不计入', after: '境内再投资按外资比例计入' },
    ]);
    expect(auditChanges(null, { period: '2026-03', rate: 7.1, source: '月平均' }).map((c) => [c.label, c.after])).toEqual([
      ['期间', '2026-03'],
      ['汇率（元/美元）', '7.1'],
      ['来源', '月平均'],
    ]);
    const list = auditChanges({ items: [{ code: '66', name: '货币金融服务' }, { code: '67' }] }, { items: [{ code: '66' }] });
    expect(list).toEqual([{ field: 'items', label: '条目', before: '66、67', after: '66' }]);
    expect(auditAreaOf('fx_rate')).toBe('fdi');
    // saved again unchanged: only the time it was saved differs, which the entry itself tells
    expect(auditChanges({ rate: 7.1, updatedAt: '2026-12-07T03:08:07Z' }, { rate: 7.1, updatedAt: '2026-12-07T03:10:21Z' })).toEqual([]);
  });

  it('puts a project-list import batch under 项目库 and an FDI one under 外资统计', () => {
    expect(auditAreaOf('import_batch', { kind: 'projects' })).toBe('projects');
    expect(auditAreaOf('import_batch', { kind: 'fdi' })).toBe('fdi');
    expect(auditAreaOf('import_batch', { file: 'x.xlsx' })).toBe('fdi');
    expect(auditAreaOf('something_new')).toBe('other');
  });
});
