/**
 * The counts a file declares before any row (issue 13 item 2): sheets and shared strings past LIMITS are refused
 * with FILE_LIMIT and a Chinese message naming the limit, in an .xlsx and (sheets) in an .xls; a file at the limit
 * is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../electron/backend/workbook';
import { LIMITS } from '../../../electron/backend/workbook/limits';
import { tempDir } from '../../helpers/backend';
import { manySheetsWorkbook, manyStringsWorkbook } from '../../helpers/hostile-files';

async function outcome(file: string): Promise<{ rows: number } | { code: string; message: string }> {
  let rows = 0;
  try {
    for await (const _row of readRows(file)) rows++;
    return { rows };
  } catch (err) {
    const { code, message } = err as { code: string; message: string };
    return { code, message };
  }
}

describe('limits a file declares up front', () => {
  it('refuses an .xlsx with more sheets than LIMITS.sheets, and reads one with exactly that many', async () => {
    const dir = tempDir();
    const over = await outcome(manySheetsWorkbook(path.join(dir, '多表.xlsx'), LIMITS.sheets + 1));
    expect(over).toEqual({ code: 'FILE_LIMIT', message: expect.stringMatching(/多表\.xlsx：工作表超过 1,000 个/) });
    expect(await outcome(manySheetsWorkbook(path.join(dir, '千表.xlsx'), LIMITS.sheets))).toEqual({ rows: 0 });
  });

  it('refuses an .xls with more sheets than LIMITS.sheets (read by SheetJS in its thread)', async () => {
    const dir = tempDir();
    const book = XLSX.utils.book_new();
    for (let i = 0; i <= LIMITS.sheets; i++) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[`企业${i}`, i]]), `表${i}`);
    const file = path.join(dir, '多表.xls');
    fs.writeFileSync(file, XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    expect(await outcome(file)).toEqual({ code: 'FILE_LIMIT', message: expect.stringMatching(/多表\.xls：工作表超过 1,000 个/) });
  }, 60_000);

  it('refuses an .xlsx whose shared-string table passes LIMITS.sharedStrings, before any row', async () => {
    const file = manyStringsWorkbook(path.join(tempDir(), '字符串.xlsx'), LIMITS.sharedStrings + 1);
    expect(await outcome(file)).toEqual({ code: 'FILE_LIMIT', message: expect.stringMatching(/字符串\.xlsx：共享字符串超过 5,000,000 个/) });
  }, 120_000);

  it('reads an .xlsx whose shared-string table is large but within the limit', async () => {
    const file = manyStringsWorkbook(path.join(tempDir(), '字符串.xlsx'), 200_000);
    expect(await outcome(file)).toEqual({ rows: 1 });
  }, 60_000);
});
