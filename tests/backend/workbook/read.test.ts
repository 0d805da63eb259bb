import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectCsvFormat, listSheets, readMerges, readRows, type SheetRow } from '../../../electron/backend/workbook';
import { tempDir } from '../../helpers/backend';
import { writeXlsx } from '../../helpers/fdi-fixtures';

async function collect(file: string, fileName?: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(file, { fileName })) rows.push(row);
  return rows;
}

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

const TEXT = [
  ['企业名称', '国别（地区）', '金额'],
  ['苏州华瑞电子（中国）有限公司', '香港特别行政区', '1,234.50'],
  ['昆山“精密”制造有限公司', '大韩民国', '88'],
];
const csvText = TEXT.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe('workbook rows', () => {
  it('reads an .xlsx with sheet names, Excel row numbers, dates and rich text reduced to values', async () => {
    const dir = tempDir();
    const file = await writeXlsx(path.join(dir, 'a.xlsx'), [
      { name: '说明', rows: [['本表说明']] },
      { name: '数据', rows: [['名称', '日期'], [], [{ richText: [{ text: '华瑞' }, { text: '电子' }] }, new Date(Date.UTC(2025, 2, 15))], ['合计', { formula: '1+1', result: 2 }]] },
    ]);
    expect(await listSheets(file)).toEqual([
      { name: '说明', hidden: false },
      { name: '数据', hidden: false },
    ]);
    const rows = await collect(file);
    expect(rows.map((r) => [r.sheet, r.rowNumber])).toEqual([['说明', 1], ['数据', 1], ['数据', 3], ['数据', 4]]);
    expect(rows[2]!.cells[0]).toBe('华瑞电子');
    expect((rows[2]!.cells[1] as Date).toISOString()).toBe('2025-03-15T00:00:00.000Z');
    expect(rows[3]!.cells[1]).toBe(2);
  });

  it('reads merged ranges of each sheet', async () => {
    const file = await writeXlsx(path.join(tempDir(), 'm.xlsx'), [{ name: 'S', rows: [['标题'], ['a', 'b', 'c']], merges: ['A1:C1', 'B2:C2'] }]);
    expect((await readMerges(file)).get('S')).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 2, bottom: 2, right: 3 },
    ]);
  });

  it.each([
    ['GBK without BOM', 'gb18030', () => iconv.encode(csvText, 'gbk')],
    ['UTF-8 with BOM', 'utf8', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText)])],
    ['UTF-8 without BOM', 'utf8', () => Buffer.from(csvText)],
    ['UTF-16LE with BOM', 'utf16le', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csvText, 'utf16le')])],
  ])('reads a CSV saved as %s', async (_label, encoding, bytes) => {
    const file = path.join(tempDir(), '江北区.csv');
    fs.writeFileSync(file, bytes());
    expect((await detectCsvFormat(file)).encoding).toBe(encoding);
    const rows = await collect(file);
    expect(rows.map((r) => r.cells)).toEqual(TEXT);
    expect(rows.map((r) => r.sheet)).toEqual(['江北区', '江北区', '江北区']);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
  });

  it('detects GBK when the first Chinese text comes after a long ASCII start, split across read chunks', async () => {
    // 64 KiB of ASCII, then GBK: the sample ends inside the file's first Chinese character
    const file = path.join(tempDir(), 'late.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${'a,b\r\n'.repeat(13107)}a`), iconv.encode(',苏州\r\n', 'gbk')]));
    expect((await detectCsvFormat(file)).encoding).toBe('gb18030');
    const rows = await collect(file);
    expect(rows.at(-1)!.cells).toEqual(['a', '苏州']);
  });

  it('detects a tab- or semicolon-separated file', async () => {
    const file = path.join(tempDir(), 't.csv');
    fs.writeFileSync(file, '名称\t金额\n华瑞\t12\n');
    expect((await collect(file)).map((r) => r.cells)).toEqual([['名称', '金额'], ['华瑞', '12']]);
  });

  it('refuses a truncated .xlsx, a file that is not a workbook, and other extensions with Chinese messages', async () => {
    const dir = tempDir();
    const good = await writeXlsx(path.join(dir, 'good.xlsx'), [{ name: 'S', rows: Array.from({ length: 300 }, (_, i) => [`企业${i}`, i]) }]);
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    fs.writeFileSync(path.join(dir, 'text.xlsx'), '这不是工作簿');
    fs.writeFileSync(path.join(dir, 'old.xls'), bytes);
    const cut = await refusal(() => collect(path.join(dir, 'cut.xlsx')));
    expect(cut.code).toBe('FILE_UNREADABLE');
    expect(cut.message).toMatch(/cut\.xlsx.*不完整/);
    const text = await refusal(() => collect(path.join(dir, 'text.xlsx')));
    expect(text.code).toBe('FILE_UNREADABLE');
    expect(text.message).toContain('不是 .xlsx 工作簿');
    const xls = await refusal(() => collect(path.join(dir, 'old.xls')));
    expect(xls.code).toBe('FILE_UNSUPPORTED');
    expect(xls.message).toContain('另存为 .xlsx');
  });

  it('skips the unread rest of a sheet and goes on with the next', async () => {
    const { openSheets } = await import('../../../electron/backend/workbook');
    const file = await writeXlsx(path.join(tempDir(), 'two.xlsx'), [
      { name: 'A', rows: Array.from({ length: 2000 }, (_, i) => [`甲${i}`]) },
      { name: 'B', rows: [['乙0'], ['乙1']] },
    ]);
    const seen: string[] = [];
    for await (const sheet of openSheets(file)) {
      for await (const row of sheet.rows()) {
        seen.push(String(row.cells[0]));
        if (sheet.name === 'A') break;
      }
    }
    expect(seen).toEqual(['甲0', '乙0', '乙1']);
  });
});
