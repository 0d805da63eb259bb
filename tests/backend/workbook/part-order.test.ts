import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { listSheets, readRows } from '../../../electron/backend/workbook';
import { tempDir } from '../../helpers/backend';

/**
 * exceljs writes xl/workbook.xml last; when the shared strings arrive before some sheets, its streaming reader used to
 * read those sheets at once and fail on the missing workbook model (exceljs issue #3064: "reading 'sheets'"). The patch
 * in patches/ defers such sheets like the ones before the shared strings. This file puts the parts in that order.
 */
async function workbookWithLateWorkbookPart(file: string, sheets: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (let s = 1; s <= sheets; s++) {
    const ws = book.addWorksheet(`表${s}`);
    ws.addRow(['企业名称', '实际使用外资（万美元）']);
    for (let r = 1; r <= 20; r++) ws.addRow([`第${s}表企业${r}`, s * 100 + r]);
  }
  const written = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  const names = Object.keys(written.files).filter((n) => !written.files[n]!.dir);
  const sheetParts = names.filter((n) => n.startsWith('xl/worksheets/'));
  const order = [
    ...['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'],
    ...sheetParts,
    ...names.filter((n) => !sheetParts.includes(n) && !['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml'].includes(n)),
    'xl/workbook.xml',
  ];
  const out = new JSZip();
  for (const name of order) out.file(name, await written.file(name)!.async('nodebuffer'));
  fs.writeFileSync(file, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('workbooks whose workbook part comes after the sheets', () => {
  it('are read whole, every sheet under its own name', async () => {
    const file = path.join(tempDir(), 'late-workbook-part.xlsx');
    await workbookWithLateWorkbookPart(file, 7);
    expect((await listSheets(file)).map((s) => s.name)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6', '表7']);
    const rows: Array<{ sheet: string; first: unknown }> = [];
    for await (const row of readRows(file)) rows.push({ sheet: row.sheet, first: row.cells[0] });
    expect(rows).toHaveLength(7 * 21);
    expect(rows.filter((r) => r.sheet === '表7').map((r) => r.first).slice(0, 2)).toEqual(['企业名称', '第7表企业1']);
  });
});
