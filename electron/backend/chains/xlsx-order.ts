import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** The parts a streaming reader needs before any worksheet, in the order Excel itself writes them. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * Writes a workbook with its parts in Excel's order. exceljs puts xl/workbook.xml last, and exceljs's own streaming
 * reader (the shared workbook layer) then loses it at random on workbooks of several sheets (exceljs issue #3064:
 * "Cannot read properties of undefined (reading 'sheets')"), so an exported chain would not import back.
 */
export async function writeXlsxInReadingOrder(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const written = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const names = Object.keys(written.files).filter((name) => !written.files[name]!.dir);
  const ordered = new JSZip();
  for (const name of [...FIRST.filter((f) => names.includes(f)), ...names.filter((f) => !FIRST.includes(f))]) {
    ordered.file(name, await written.file(name)!.async('nodebuffer'));
  }
  fs.writeFileSync(file, await ordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}
