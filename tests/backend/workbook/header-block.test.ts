/** Header blocks as bureaus draw them, the columns accounted for, the 统计期 of a title, and a table's own totals. */
import { describe, expect, it } from 'vitest';
import {
  accountColumns,
  findTable,
  periodSpan,
  RowClassifier,
  TotalsCheck,
  type CellRange,
  type CellValue,
  type FieldSpec,
  type SheetRow,
} from '../../../electron/backend/workbook';

const FIELDS: FieldSpec[] = [
  { key: 'name', label: '企业名称', synonyms: ['企业名称'], required: true },
  { key: 'uscc', label: '统一社会信用代码', synonyms: ['统一社会信用代码'], required: true },
  { key: 'country', label: '国别', synonyms: ['国别（地区）', '国别'] },
  { key: 'industry', label: '行业代码', synonyms: ['行业代码', '所属行业', '行业名称'] },
  { key: 'mode', label: '投资方式', synonyms: ['投资方式'], looksLike: (v) => typeof v === 'string' && /^(新设|增资|并购)$/.test(v) },
  { key: 'contracted', label: '合同外资', synonyms: ['合同外资'] },
  { key: 'actual', label: '实际使用外资', synonyms: ['实际使用外资'] },
  { key: 'date', label: '到资日期', synonyms: ['到资日期'] },
];

const rows = (start: number, ...cells: CellValue[][]): SheetRow[] => cells.map((c, i) => ({ sheet: 'S', rowNumber: start + i, cells: c }));
const range = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

// 所属行业 merged over 行业代码 | 行业名称, every other label merged down over both rows (issue 12)
const INDUSTRY_HEADER: CellValue[][] = [
  ['企业名称', '统一社会信用代码', '国别（地区）', '所属行业', null, '投资方式', '合同外资', '实际使用外资', '到资日期'],
  [null, null, null, '行业代码', '行业名称', null, null, null, null],
];
const INDUSTRY_MERGES = [range(3, 1, 4, 1), range(3, 2, 4, 2), range(3, 3, 4, 3), range(3, 4, 3, 5), range(3, 6, 4, 6), range(3, 7, 4, 7), range(3, 8, 4, 8), range(3, 9, 4, 9)];
const DATA: CellValue[] = ['华瑞电子有限公司', '91320111MA1234567X', '香港', '3670', '汽车零部件', '新设', 10, 5, new Date(Date.UTC(2025, 2, 1))];

describe('header blocks', () => {
  it('takes a child row that names no new field as header, with merge ranges and without (the row issue 12 read as data)', () => {
    const head = rows(1, ['江北区外资表'], ['填报单位：江北区商务局'], ...INDUSTRY_HEADER, DATA);
    for (const merges of [INDUSTRY_MERGES, [], null]) {
      const layout = findTable(head, FIELDS, { merges })!;
      expect(layout.headerRows).toEqual([3, 4]);
      expect(layout.labels.slice(3, 5)).toEqual(['所属行业/行业代码', '所属行业/行业名称']);
      expect(layout.mapping).toMatchObject({ name: 0, industry: 3, mode: 5, date: 8 });
      expect(layout.context).toMatchObject({ title: '江北区外资表', reportingUnit: '江北区商务局' });
      const classifier = new RowClassifier(layout);
      expect(classifier.classify(head[4]!)).toEqual({ kind: 'data' });
    }
  });

  it('reads three levels, a units row and a row of column numbers as one block', () => {
    const head = rows(
      1,
      ['企业名称', '统一社会信用代码', '外资金额', null, null, null, '到资日期'],
      [null, null, '合同外资', null, '实际使用外资', null, null],
      [null, null, '本期', '累计', '本期', '累计', null],
      [null, null, '万美元', '万美元', '万美元', '万美元', null],
      ['甲', '乙', '1', '2', '3', '4', '丙'],
      ['华瑞电子有限公司', '91320111MA1234567X', 10, 20, 5, 6, '2025-03'],
    );
    const merges = [range(1, 1, 3, 1), range(1, 2, 3, 2), range(1, 3, 1, 6), range(2, 3, 2, 4), range(2, 5, 2, 6), range(1, 7, 3, 7)];
    for (const m of [merges, [], null]) {
      const layout = findTable(head, FIELDS, { merges: m })!;
      expect(layout.headerRows).toEqual([1, 2, 3, 4, 5]);
      expect(layout.labelRows).toEqual([1, 2, 3]);
      expect(layout.labels).toEqual(['企业名称', '统一社会信用代码', '外资金额/合同外资/本期', '外资金额/合同外资/累计', '外资金额/实际使用外资/本期', '外资金额/实际使用外资/累计', '到资日期']);
      expect(layout.mapping).toMatchObject({ contracted: 2, actual: 4 });
      expect(layout.columnUnits.slice(2, 6)).toEqual(['万美元', '万美元', '万美元', '万美元']);
    }
  });

  it('never takes a title merged across the table, nor a 填报单位 line, for a parent row; takes a row of parents', () => {
    const titled = findTable(rows(1, ['外商投资企业到资情况表'], ['企业名称', '统一社会信用代码', '国别（地区）'], ['甲公司', '91320111MA1234567X', '香港']), FIELDS, { merges: [range(1, 1, 1, 3)] })!;
    expect(titled.headerRows).toEqual([2]);
    expect(titled.labels).toEqual(['企业名称', '统一社会信用代码', '国别（地区）']);
    const parents = findTable(
      rows(1, ['企业情况', null, null, '外资金额', null], ['企业名称', '统一社会信用代码', '国别（地区）', '合同外资', '实际使用外资'], ['甲公司', '91320111MA1234567X', '香港', 1, 2]),
      FIELDS,
      { merges: [range(1, 1, 1, 3), range(1, 4, 1, 5)] },
    )!;
    expect(parents.headerRows).toEqual([1, 2]);
    expect(parents.labels).toEqual(['企业情况/企业名称', '企业情况/统一社会信用代码', '企业情况/国别（地区）', '外资金额/合同外资', '外资金额/实际使用外资']);
  });

  it('uses header rows a person chose, and a choice remembered for the same layout', () => {
    // a header no field list knows: found only when chosen
    const head = rows(1, ['单位名称', '代码', '类别'], ['华瑞电子有限公司', '91320111MA1234567X', '新设'], ['凯丰医药有限公司', '91320111MA7654321Y', '增资']);
    const fields: FieldSpec[] = [...FIELDS, { key: 'name2', label: '单位名称', synonyms: ['单位名称'] }];
    expect(findTable(head, fields, { minFields: 2 })).toBeNull();
    const chosen = findTable(head, fields, { headerRows: [1], minFields: 2 })!;
    expect(chosen).toMatchObject({ headerRows: [1], headerSource: 'given', mapping: { name2: 0, mode: 2 }, matchedBy: { name2: 'header', mode: 'content' } });
    const again = findTable(head, fields, { rememberedHeaders: [{ rows: [1], signature: chosen.signature }], minFields: 2 })!;
    expect(again).toMatchObject({ headerRows: [1], headerSource: 'remembered' });
    expect(findTable(rows(1, ['别的表头'], ...head.slice(1).map((r) => r.cells)), fields, { rememberedHeaders: [{ rows: [1], signature: chosen.signature }] })).toBeNull();
  });

  it('recognises a column by its content where no header names the field', () => {
    const layout = findTable(rows(1, ['企业名称', '统一社会信用代码', '类别'], ['甲公司', '91320111MA1234567X', '新设'], ['乙公司', '91320111MA7654321Y', '增资'], ['丙公司', '91320111MA7654322Y', '并购']), FIELDS)!;
    expect(layout.mapping).toMatchObject({ mode: 2 });
    expect(layout.matchedBy).toMatchObject({ name: 'header', mode: 'content' });
  });

  it('does not take a column for a field its cells contradict: 国家/地区 full of country names is not the 地区 column', () => {
    const fields: FieldSpec[] = [
      ...FIELDS.filter((f) => f.key !== 'country'),
      { key: 'country', label: '国别', synonyms: ['国别（地区）', '国别'], looksLike: (v) => typeof v === 'string' && /^(香港|新加坡|日本)$/.test(v) },
      { key: 'district', label: '区县', synonyms: ['区县', '地区'], looksLike: (v) => typeof v === 'string' && /(区|县)$/.test(v) },
    ];
    const head = rows(1, ['企业名称', '统一社会信用代码', '国家/地区'], ['甲公司', '91320111MA1234567X', '香港'], ['乙公司', '91320111MA7654321Y', '新加坡'], ['丙公司', '91320111MA7654322Y', '日本']);
    const layout = findTable(head, fields)!;
    expect(layout.mapping).toEqual({ name: 0, uscc: 1, country: 2 });
    expect(layout.matchedBy).toEqual({ name: 'header', uscc: 'header', country: 'content' });
  });
});

describe('column accounting', () => {
  it('lists every non-empty column: mapped, or not imported with its header; data without a header too', () => {
    const layout = findTable(rows(1, ['序号', '企业名称', '统一社会信用代码', null, '备注']), FIELDS)!;
    const classifier = new RowClassifier(layout);
    classifier.classify({ sheet: 'S', rowNumber: 2, cells: [1, '甲公司', '91320111MA1234567X', '手写的说明', null] });
    classifier.classify({ sheet: 'S', rowNumber: 3, cells: [null, '合计', null, 99] }); // not data: its cells do not count
    const { columns, ignored } = accountColumns(layout.labels, { ...layout.mapping, uscc: null }, classifier.dataColumns, layout.matchedBy);
    expect(columns.map((c) => [c.column, c.field])).toEqual([['A', null], ['B', 'name'], ['C', null], ['D', null], ['E', null]]);
    expect(ignored).toEqual([
      { column: 'A', header: '序号' },
      { column: 'C', header: '统一社会信用代码' },
      { column: 'D', header: '' },
      { column: 'E', header: '备注' },
    ]);
  });
});

describe('statistical period of a title', () => {
  it.each([
    ['江北区2025年1-10月外商直接投资到位情况表', '2025-01', '2025-10'],
    ['统计期：2025年1月-6月', '2025-01', '2025-06'],
    ['2024年12月至2025年3月', '2024-12', '2025-03'],
    ['2025年3月外资到资表', '2025-03', '2025-03'],
    ['2025年上半年', '2025-01', '2025-06'],
    ['2025年第三季度', '2025-07', '2025-09'],
    ['2025年前三季度', '2025-01', '2025-09'],
    ['2025年度外商投资情况', '2025-01', '2025-12'],
  ])('%s → %s to %s', (text, from, to) => {
    expect(periodSpan(text)).toMatchObject({ from, to });
  });

  it('names none in a title without a year, or with months out of order', () => {
    expect(periodSpan('外商投资企业到资情况表')).toBeNull();
    expect(periodSpan('2025年10-3月')).toBeNull();
  });
});

describe('totals against their rows', () => {
  const cols = [
    { index: 1, header: '合同外资' },
    { index: 2, header: '实际使用外资' },
  ];
  const feed = (check: TotalsCheck, lines: CellValue[][]) =>
    lines.forEach((cells, i) => {
      const row = { sheet: 'S', rowNumber: i + 5, cells };
      if (typeof cells[0] === 'string' && /计|其中/.test(cells[0])) check.total(row);
      else check.detail(cells);
    });

  it('checks each 小计 against its group and the 合计 against all, 其中 rows aside; reports the one that disagrees', () => {
    const check = new TotalsCheck('S', cols);
    feed(check, [['甲', 1.1, 2], ['乙', 2.2, '1,000.50'], ['一片小计', 3.3, 1002.5], ['丙', 4, 5], ['二片小计', 4, 5.02], ['合计', 7.3, 1007.5], ['其中：新设', 1, 1]]);
    check.finish();
    expect(check.checked).toBe(6);
    expect(check.checks.filter((c) => !c.ok)).toEqual([{ sheet: 'S', row: 9, kind: 'sub', column: 2, header: '实际使用外资', stated: 5.02, computed: 5, ok: false }]);
  });

  it('checks a 合计 right under the header and 小计 rows that lead their group against the rows after them', () => {
    const check = new TotalsCheck('S', cols);
    feed(check, [['合计', 10, 20], ['一片小计', 3, 8], ['甲', 1, 3], ['乙', 2, 5], ['二片小计', 7, 12], ['丙', 7, 12]]);
    check.finish();
    expect(check.checks.map((c) => [c.row, c.kind, c.ok])).toEqual([
      [6, 'sub', true], [6, 'sub', true], [9, 'sub', true], [9, 'sub', true], [5, 'grand', true], [5, 'grand', true],
    ]);
  });

  it('a difference of 0.01 is rounding; more is a mismatch', () => {
    const check = new TotalsCheck('S', cols);
    feed(check, [['甲', 0.1, 0.2], ['乙', 0.2, 0.1], ['合计', 0.31, 0.32]]);
    check.finish();
    expect(check.checks.map((c) => c.ok)).toEqual([true, false]);
  });
});

describe('rows under the header', () => {
  it('skips 其中 rows as part of a total', () => {
    const layout = findTable(rows(1, ['企业名称', '统一社会信用代码', '实际使用外资']), FIELDS)!;
    const classifier = new RowClassifier(layout);
    expect(classifier.classify({ sheet: 'S', rowNumber: 2, cells: ['其中：新设', null, 5] })).toEqual({ kind: 'skip', reason: 'total' });
  });
});
