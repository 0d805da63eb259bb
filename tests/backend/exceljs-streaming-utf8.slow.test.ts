/**
 * SLOW (a few seconds): guards patches/exceljs+4.4.0.patch. exceljs 4.4.0's streaming reader decoded each zlib chunk
 * on its own, so a Chinese character whose UTF-8 bytes straddled two chunks came back as U+FFFD (upstream issues
 * #2063/#2084/#2316). Without the patch, 60 000 rows of short Chinese cells corrupt dozens of cells in either layout
 * (inline strings in the sheet, or a shared-strings table); with it, every cell reads back exactly. The bench's
 * baseline reads with it. The app's own reader (workbook/xlsx.ts) is held to the same files.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../electron/backend/workbook';
import { tempDir } from '../helpers/backend';

const ROWS = 60_000;
const CHARS = '外商投资企业实际使用外资合同新设增资并购利润再投资国别地区行业代码苏州工业园区';

/** A deterministic 6-character Chinese text per row, varied so shared strings do not collapse into a few. */
function cellText(i: number): string {
  let s = '';
  let x = i;
  for (let k = 0; k < 6; k++) {
    s += CHARS[x % CHARS.length];
    x = Math.floor(x / 7) + k * 13 + (i % 11);
  }
  return s;
}

async function writeWorkbook(file: string, useSharedStrings: boolean): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const sheet = writer.addWorksheet('数据');
  for (let i = 0; i < ROWS; i++) sheet.addRow([cellText(i), i]).commit();
  sheet.commit();
  await writer.commit();
}

/** Each row's (text, index) pair, as exceljs's streaming reader or the app's reader gives it. */
async function* exceljsPairs(file: string): AsyncGenerator<[unknown, unknown]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) for await (const row of sheet) yield [row.getCell(1).value, row.getCell(2).value];
}

async function* appPairs(file: string): AsyncGenerator<[unknown, unknown]> {
  for await (const row of readRows(file)) yield [row.cells[0], row.cells[1]];
}

async function readMismatches(pairs: AsyncIterable<[unknown, unknown]>): Promise<{ rows: number; mismatches: number; replacementChars: number }> {
  let rows = 0;
  let mismatches = 0;
  let replacementChars = 0;
  for await (const [text, index] of pairs) {
    if (typeof text === 'string' && text.includes('\uFFFD')) replacementChars++;
    if (text !== cellText(index as number)) mismatches++;
    rows++;
  }
  return { rows, mismatches, replacementChars };
}

describe('exceljs streaming reader keeps Chinese text split across zlib chunks [slow]', () => {
  for (const useSharedStrings of [false, true]) {
    it(`reads ${ROWS} Chinese cells back exactly (${useSharedStrings ? 'shared strings' : 'inline strings'})`, async () => {
      const file = path.join(tempDir(), `chinese-${useSharedStrings ? 'shared' : 'inline'}.xlsx`);
      await writeWorkbook(file, useSharedStrings);
      expect(await readMismatches(exceljsPairs(file))).toEqual({ rows: ROWS, mismatches: 0, replacementChars: 0 });
      expect(await readMismatches(appPairs(file))).toEqual({ rows: ROWS, mismatches: 0, replacementChars: 0 });
    }, 60_000);
  }
});
