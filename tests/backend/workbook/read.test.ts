import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
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

  it('reads sheet XML as minimal writers produce it: inline strings in runs, no cell references, formula dates, booleans, errors', async () => {
    // written by hand, part by part: the forms exceljs's own writer never produces
    const zip = new JSZip();
    zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
    zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="外资" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>企业名称</t></si><si><r><t>华瑞</t></r><r><rPr><b/></rPr><t>电子</t></r></si></sst>`);
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>到资</t></is></c><c t="inlineStr"><is><t>日期</t></is></c></row>
      <row><c t="s"><v>1</v></c><c><v>1234.5</v></c><c s="1"><f>DATE(2025,3,15)</f><v>45731</v></c><c t="b"><v>1</v></c></row>
      <row r="5"><c r="B5" t="inlineStr"><is><r><t>苏州</t></r><r><t>工业园区</t></r></is></c><c r="D5" t="e"><v>#N/A</v></c><c r="E5"><f>A1</f></c><c r="F5" t="str"><f>"x"</f><v>算出</v></c></row>
    </sheetData></worksheet>`);
    const file = path.join(tempDir(), 'minimal-writer.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const rows = await collect(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 5]);
    expect(rows[0]!.cells).toEqual(['企业名称', '到资', '日期']);
    expect(rows[1]!.cells.slice(0, 2)).toEqual(['华瑞电子', 1234.5]);
    expect((rows[1]!.cells[2] as Date).toISOString()).toBe('2025-03-15T00:00:00.000Z');
    expect(rows[1]!.cells[3]).toBe(true);
    expect(rows[2]!.cells).toEqual([null, '苏州工业园区', null, '#N/A', null, '算出']);
  });

  it('finds the parts through their relationships, in tab order, and knows built-in Chinese date formats and the 1904 system', async () => {
    // written by hand: parts under unusual names and in an unusual order, prefixed SpreadsheetML, phonetic guides
    const zip = new JSZip();
    const rels = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    zip.file('xl/ws/second.xml', sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row>'));
    zip.file('xl/ws/first.xml', sheet('<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" s="1"><x:v>45731</x:v></x:c><x:c r="C2" s="2"><x:v>45731</x:v></x:c><x:c r="D2" s="3"><x:v>45731</x:v></x:c></x:row>'));
    zip.file('_rels/.rels', rels(rel('rId1', 'officeDocument', '/xl/book.xml')));
    zip.file('xl/_rels/book.xml.rels', rels(rel('r7', 'worksheet', 'ws/second.xml') + rel('r3', 'worksheet', 'ws/first.xml') + rel('r9', 'sharedStrings', 'strings.xml') + rel('r10', 'styles', 'look.xml')));
    zip.file('xl/book.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="数据" sheetId="2" r:id="r3"/><sheet name="隐藏" sheetId="1" state="hidden" r:id="r7"/></sheets></workbook>`);
    zip.file('xl/Strings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>苏州_x000D_工业园区</t><rPh sb="0" eb="2"><t>スージョウ</t></rPh></si><si><r><t xml:space="preserve">华瑞 </t></r><r><t>电子</t></r></si></sst>`);
    zip.file('xl/look.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="4"/></cellXfs></styleSheet>`);
    const file = path.join(tempDir(), 'unusual-parts.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    expect(await listSheets(file)).toEqual([
      { name: '数据', hidden: false },
      { name: '隐藏', hidden: true },
    ]);
    const rows = await collect(file);
    expect(rows.map((r) => [r.sheet, r.rowNumber])).toEqual([['数据', 2], ['隐藏', 1]]);
    const [name, builtInDate, customDate, amount] = rows[0]!.cells;
    // a line break comes out as \n, however it was escaped
    expect(name).toBe('苏州\n工业园区');
    // serial 45731 in the 1904 system is four years and a day after 2025-03-15
    expect((builtInDate as Date).toISOString()).toBe('2029-03-16T00:00:00.000Z');
    expect((customDate as Date).toISOString()).toBe('2029-03-16T00:00:00.000Z');
    expect(amount).toBe(45731);
    expect(rows[1]!.cells).toEqual(['华瑞 电子']);
    expect((await readMerges(file)).get('隐藏')).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
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
    fs.writeFileSync(path.join(dir, 'page.xls'), '<html><body><table><tr><td>企业</td></tr></table></body></html>');
    fs.writeFileSync(path.join(dir, 'book.numbers'), bytes);
    const cut = await refusal(() => collect(path.join(dir, 'cut.xlsx')));
    expect(cut.code).toBe('FILE_UNREADABLE');
    expect(cut.message).toMatch(/cut\.xlsx.*不完整/);
    // the zip library's own words come in Chinese, the original kept in brackets for support
    expect(cut.message).toContain('找不到 zip 目录');
    const text = await refusal(() => collect(path.join(dir, 'text.xlsx')));
    expect(text.code).toBe('FILE_UNREADABLE');
    expect(text.message).toContain('不是 Excel 工作簿');
    const page = await refusal(() => collect(path.join(dir, 'page.xls')));
    expect(page.code).toBe('FILE_UNREADABLE');
    expect(page.message).toMatch(/page\.xls.*网页（HTML）.*另存为 \.xlsx/);
    const other = await refusal(() => collect(path.join(dir, 'book.numbers')));
    expect(other.code).toBe('FILE_UNSUPPORTED');
    expect(other.message).toContain('.xlsx、.xls');
    for (const gone of ['gone.xlsx', 'gone.csv']) expect(await refusal(() => collect(path.join(dir, gone)))).toMatchObject({ code: 'FILE_NOT_FOUND', message: expect.stringContaining(gone) });
  });

  it('reads a workbook by what its bytes are, whatever its name says: an .xlsx saved as .xls or .et', async () => {
    const dir = tempDir();
    const bytes = fs.readFileSync(await writeXlsx(path.join(dir, 'good.xlsx'), [{ name: 'S', rows: [['企业', '金额'], ['华瑞', 12]] }]));
    for (const name of ['old.xls', 'wps.et']) {
      fs.writeFileSync(path.join(dir, name), bytes);
      expect((await collect(path.join(dir, name))).map((r) => r.cells.slice(0, 2))).toEqual([['企业', '金额'], ['华瑞', 12]]);
    }
  });

  it('refuses a workbook whose zip is intact but whose sheet data is damaged, naming the file', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`).join('');
    const zip = await JSZip.loadAsync(fs.readFileSync(await writeXlsx(path.join(dir, 'base.xlsx'), [{ name: 'S', rows: [['x']] }])));
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // the sheet's deflate data follows its local header: overwrite a stretch of it, leaving the central directory whole
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 200;
    bytes.fill(0xff, at, at + 64);
    const corrupt = path.join(dir, 'corrupt.xlsx');
    fs.writeFileSync(corrupt, bytes);
    const refused = await refusal(() => collect(corrupt));
    expect(refused.code).toBe('FILE_UNREADABLE');
    expect(refused.message).toMatch(/corrupt\.xlsx.*不完整或已损坏/);
    expect(refused.message).toMatch(/压缩数据已损坏|文件在中途结束/);
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
