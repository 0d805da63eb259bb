import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { cellText, readMerges, readRows, listSheets, type SheetRow } from '../../../electron/backend/workbook';
import { excelDate, isDateFormat } from '../../../electron/backend/workbook/dates';
import { tempDir } from '../../helpers/backend';
import { convertWithLibreOffice, writeXlsx } from '../../helpers/fdi-fixtures';
import { writeZip } from '../../helpers/hostile-files';
import { MIMIC_ROWS, MIMICS, writeMimic } from '../../helpers/writer-mimics';

async function collect(file: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(file)) rows.push(row);
  return rows;
}

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string; logDetail?: string }> {
  try {
    await run();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

/** Rows as a person reads them: text of each cell, trailing blanks dropped. */
function texts(rows: SheetRow[]): string[][] {
  return rows.map((r) => {
    const t = r.cells.map(cellText);
    while (t.length && t[t.length - 1] === '') t.pop();
    return t;
  });
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('.xlsx as other programs write it', () => {
  it.each(Object.entries(MIMICS))('reads a workbook written as %s does to the same rows', async (_writer, options) => {
    const rows = await collect(await writeMimic(path.join(tempDir(), 'mimic.xlsx'), options));
    expect(texts(rows)).toEqual(MIMIC_ROWS.map((r) => r.map((v) => (v === null ? '' : String(v))).filter((v, i, all) => v !== '' || i < all.length - 1)));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
    // the date is a date, in whichever date system; the amount a number
    expect(rows[1]!.cells[1]).toEqual(utc('2025-03-15'));
    expect(rows[1]!.cells[2]).toBe(1234.5);
  });

  it('reads dates by the format that shows them: upper case, Chinese text around them, elapsed time; not escapes or colours', () => {
    for (const code of ['YYYY-MM-DD', 'yyyy"年"m"月"d"日"', '[$-804]YYYY/M/D', 'DD.MM.YYYY', '[h]:mm', 'h:mm AM/PM', 'mmm-yy']) expect(isDateFormat(code), code).toBe(true);
    for (const code of ['General', '0.00E+00', '#,##0.00_);[Red](#,##0.00)', '"年度"0', '\\M\\B0', '0%', '@', '[DBNum1][$-804]General', '#,##0 "万美元"']) {
      expect(isDateFormat(code), code).toBe(false);
    }
    // SheetJS's own rule agrees on these (it is the reference the rule was checked against)
    for (const code of ['YYYY-MM-DD', 'yyyy"年"m"月"d"日"', 'General', '0.00E+00', '\\M\\B0', '[h]:mm']) expect(isDateFormat(code)).toBe(XLSX.SSF.is_date(code));
  });

  it("counts Excel's 1900 serials as Excel shows them: day 60 is the 1900-02-29 that never was", () => {
    expect(excelDate(1, false)).toEqual(utc('1900-01-01'));
    expect(excelDate(59, false)).toEqual(utc('1900-02-28'));
    expect(excelDate(60, false)).toBe('1900-02-29');
    expect(excelDate(61, false)).toEqual(utc('1900-03-01'));
    expect(excelDate(45731, false)).toEqual(utc('2025-03-15'));
    expect(excelDate(45731.5, false)).toEqual(new Date('2025-03-15T12:00:00Z'));
    expect(excelDate(0, true)).toEqual(utc('1904-01-01'));
    expect(excelDate(44269, true)).toEqual(utc('2025-03-15'));
    expect(excelDate(-1, false)).toBe(-1);
    expect(excelDate(3e6, false)).toBe(3e6);
  });

  it('reads what LibreOffice writes: .xlsx and .xls converted from one workbook read back the same', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const source = await writeXlsx(path.join(dir, 'source.xlsx'), [
      { name: '外资', rows: [['企业名称', '金额', null, null, null, null, null, '到资日期'], ['华瑞电子', 12.5, null, null, null, null, null, utc('2025-03-15')], ['第一行\r\n第二行', 3, null, null, null, null, null, utc('2024-02-29')]], merges: ['B3:C3'] },
      { name: '说明', rows: [['本表说明']], state: 'hidden' },
    ]);
    const out = path.join(dir, 'lo');
    for (const to of ['xls', 'xlsx'] as const) convertWithLibreOffice([source], out, to);
    const expected = [['企业名称', '金额', '', '', '', '', '', '到资日期'], ['华瑞电子', '12.5', '', '', '', '', '', '2025-03-15'], ['第一行\n第二行', '3', '', '', '', '', '', '2024-02-29'], ['本表说明']];
    for (const name of ['source.xls', 'source.xlsx']) {
      const file = path.join(out, name);
      expect(texts(await collect(file)), name).toEqual(expected);
      expect(await listSheets(file), name).toEqual([{ name: '外资', hidden: false }, { name: '说明', hidden: true }]);
      expect((await readMerges(file)).get('外资'), name).toEqual([{ top: 3, left: 2, bottom: 3, right: 3 }]);
    }
    // the same .xls under WPS's extension, and an .xls saved with a name that says .xlsx: read by what they are
    fs.copyFileSync(path.join(out, 'source.xls'), path.join(dir, 'wps.et'));
    fs.copyFileSync(path.join(out, 'source.xls'), path.join(dir, 'renamed.xlsx'));
    expect(texts(await collect(path.join(dir, 'wps.et')))).toEqual(expected);
    expect(texts(await collect(path.join(dir, 'renamed.xlsx')))).toEqual(expected);
  });

  it('reads an .xls written by SheetJS (BIFF8): 1904 dates, booleans, errors, line breaks', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['名称', '日期', '是否', '错误'], ['华瑞\r\n电子', 44269, true, null]]);
    sheet.B2!.z = 'yyyy-mm-dd';
    sheet.D2 = { t: 'e', v: 0x2a };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '外资');
    book.Workbook = { WBProps: { date1904: true } };
    const file = path.join(tempDir(), 'sheetjs.xls');
    fs.writeFileSync(file, XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const rows = await collect(file);
    expect(rows[1]!.cells).toEqual(['华瑞\n电子', utc('2025-03-15'), true, '#N/A']);
  });

  it('refuses an .xls that is damaged, or an OLE2 file that holds no workbook, in Chinese with the library text aside', async () => {
    const dir = tempDir();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['名称'], ...Array.from({ length: 500 }, (_, i) => [`企业${i}`])]), 'S');
    const bytes = XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer;
    fs.writeFileSync(path.join(dir, 'cut.xls'), bytes.subarray(0, 1600));
    const cut = await refusal(() => collect(path.join(dir, 'cut.xls')));
    expect(cut.code).toBe('FILE_UNREADABLE');
    expect(cut.message).toMatch(/cut\.xls：.*\.xls/);
    expect(cut.message).not.toMatch(/[A-Za-z]{6,}/);
    expect(cut.logDetail).toBeTruthy();
  });

  it('reads a workbook whose parts are stored uncompressed (zip method 0), as some exporters write them', async () => {
    const dir = tempDir();
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const { workbookEntries } = await import('../../helpers/hostile-files');
    const entries = workbookEntries(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>企业</t></is></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>`).map((e) => ({ ...e, stored: true }));
    const file = writeZip(path.join(dir, 'stored.xlsx'), entries);
    expect((await collect(file)).map((r) => r.cells)).toEqual([['企业', 7]]);
  });
});
