import { describe, expect, it } from 'vitest';
import { accountColumns, findTable, matchColumns, normalizeLabel, RowClassifier, unusedLookalikes, type CellValue, type FieldSpec, type SheetRow } from '../../../electron/backend/workbook';

const FIELDS: FieldSpec[] = [
  { key: 'name', label: '企业名称', synonyms: ['企业名称', '外商投资企业名称'], required: true },
  { key: 'uscc', label: '统一社会信用代码', synonyms: ['统一社会信用代码', '信用代码'], required: true },
  { key: 'country', label: '国别（地区）', synonyms: ['国别（地区）', '投资者国别', '来源地'] },
  { key: 'district', label: '区县', synonyms: ['区县', '地区'] },
  { key: 'contracted', label: '合同外资', synonyms: ['合同外资', '协议外资'] },
  { key: 'actual', label: '实际使用外资', synonyms: ['实际使用外资', '实际到资', '实到外资'] },
];

const rows = (...cells: CellValue[][]): SheetRow[] => cells.map((c, i) => ({ sheet: 'S', rowNumber: i + 1, cells: c }));

describe('header labels', () => {
  it('normalises widths, spaces, line breaks, required marks and bracketed units', () => {
    expect(normalizeLabel(' 实际使用外资\n（万美元） ')).toBe('实际使用外资');
    expect(normalizeLabel('*国别（地区）')).toBe('国别(地区)');
    expect(normalizeLabel('合同外资【美元】')).toBe('合同外资');
    expect(normalizeLabel('ＵＳＣＣ')).toBe('uscc');
  });

  it('gives each field its best column, exact wording before a contained one', () => {
    const { mapping } = matchColumns(['序号', '外商投资企业名称', '国别(地区)', '本年实际到资（美元）', '统一社会信用代码'], FIELDS);
    expect(mapping).toEqual({ name: 1, country: 2, actual: 3, uscc: 4 });
  });
});

describe('findTable', () => {
  it('skips title, 填报单位 and unit lines, and reads them as context', () => {
    const layout = findTable(
      rows(
        ['江北区2025年1-9月外商投资情况表'],
        ['填报单位：江北区商务局（盖章）', null, null, '统计期：2025年1-9月', null, '单位：美元'],
        ['企业名称', '统一社会信用代码', '实际使用外资'],
        ['甲公司', '91320111MA1234567X', 12],
      ),
      FIELDS,
    )!;
    expect(layout.headerRows).toEqual([3]);
    expect(layout.mapping).toEqual({ name: 0, uscc: 1, actual: 2 });
    expect(layout.unit).toBe('美元');
    expect(layout.context).toMatchObject({ title: '江北区2025年1-9月外商投资情况表', reportingUnit: '江北区商务局', periodText: '2025年1-9月' });
  });

  it('combines a two-row header as 父/子, by merge ranges or, without them, by position', () => {
    const head = rows(
      ['企业名称', '统一社会信用代码', '外资金额（万美元）', null, '到资日期'],
      [null, null, '合同外资', '实际使用外资', null],
      ['甲公司', '91320111MA1234567X', 10, 5, '2025-03'],
    );
    const byPosition = findTable(head, FIELDS)!;
    expect(byPosition.headerRows).toEqual([1, 2]);
    expect(byPosition.labels).toEqual(['企业名称', '统一社会信用代码', '外资金额（万美元）/合同外资', '外资金额（万美元）/实际使用外资', '到资日期']);
    expect(byPosition.mapping).toMatchObject({ contracted: 2, actual: 3 });
    expect(byPosition.columnUnits).toEqual([null, null, '万美元', '万美元', null]);
    // with merges, a column beside the parent that is not under it keeps its own label
    const merged = findTable(
      rows(['企业名称', '外资金额', null, null], [null, '合同外资', '实际使用外资', '实到外资']),
      FIELDS,
      { merges: [{ top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 1, right: 3 }] },
    )!;
    expect(merged.labels).toEqual(['企业名称', '外资金额/合同外资', '外资金额/实际使用外资', '实到外资']);
  });

  it('returns null for a sheet without a header of this kind', () => {
    expect(findTable(rows(['填写说明'], ['1. 金额单位为万美元']), FIELDS)).toBeNull();
  });
});

describe('RowClassifier', () => {
  it('skips blank, total, numbering, repeated header, note and signature rows, and keeps data', () => {
    const layout = findTable(rows(['企业名称', '统一社会信用代码', '实际使用外资']), FIELDS)!;
    const classifier = new RowClassifier(layout);
    const verdicts = [
      ['甲', '乙', 1],
      ['华瑞电子有限公司', '91320111MA1234567X', 12],
      [],
      ['江北街道小计', null, 12],
      ['合 计', null, 12],
      ['企业名称', '统一社会信用代码', '实际使用外资'],
      ['一、江北街道'],
      ['注：1. 按结汇口径'],
      ['2. 次月5日前报送'],
      ['单位负责人：张三', null, '填表人：王五'],
    ].map((cells, i) => {
      const v = classifier.classify({ sheet: 'S', rowNumber: i + 2, cells: cells as CellValue[] });
      return v.kind === 'data' ? 'data' : v.reason;
    });
    expect(verdicts).toEqual(['numbering', 'data', 'blank', 'total', 'total', 'header', 'label', 'note', 'note', 'note']);
  });
});

describe('columns read by content, and defaults never taken silently', () => {
  const STAGES = new Set(['签约', '洽谈', '开工', '投产']);
  const FLAG = new Set(['是', '否']);
  const fields: FieldSpec[] = [
    { key: 'name', label: '项目名称', synonyms: ['项目名称'], required: true },
    { key: 'stage', label: '项目阶段', synonyms: ['项目阶段'], looksLike: (v) => STAGES.has(String(v)) },
    { key: 'flag', label: '是否再投资', synonyms: ['是否再投资'], looksLike: (v) => FLAG.has(String(v)), byContent: 'suggest' },
    { key: 'notes', label: '备注', synonyms: ['备注', '项目进展'], givesWayToContent: true },
  ];
  const list = (stageHeader: string) =>
    rows(['项目名称', stageHeader, '是否外资', '联系人'], ['甲项目', '签约', '是', '王'], ['乙项目', '洽谈', '否', '李'], ['丙项目', '投产', '否', '张']);

  it('gives a column of stage words to the stage, even under a header that names 备注; a flag is only suggested', () => {
    const layout = findTable(list('项目进展情况'), fields)!;
    expect(layout.mapping).toEqual({ name: 0, stage: 1 });
    expect(layout.matchedBy).toMatchObject({ name: 'header', stage: 'content' });
    expect(unusedLookalikes(layout.lookalikes, layout.mapping, fields)).toEqual([{ field: 'flag', column: 2, share: 1 }]);
  });

  it('names the stage column a mapping leaves to 备注, and nothing once the flag is mapped', () => {
    const layout = findTable(list('项目进展情况'), fields)!;
    expect(unusedLookalikes(layout.lookalikes, { name: 0, notes: 1, flag: null }, fields).map((l) => [l.field, l.column])).toEqual([
      ['stage', 1],
      ['flag', 2],
    ]);
    expect(unusedLookalikes(layout.lookalikes, { name: 0, stage: 1, flag: 2 }, fields)).toEqual([]);
    // a column another field imports is that field's: it is not a look-alike of the stage
    expect(unusedLookalikes(layout.lookalikes, { name: 1 }, fields).map((l) => l.field)).toEqual(['flag']);
  });

  it('lists the columns no field takes', () => {
    const layout = findTable(list('项目进展情况'), fields)!;
    expect(accountColumns(layout.labels, layout.mapping).ignored).toEqual([
      { column: 'C', header: '是否外资' },
      { column: 'D', header: '联系人' },
    ]);
  });
});
