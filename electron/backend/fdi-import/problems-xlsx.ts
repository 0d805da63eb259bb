import ExcelJS from 'exceljs';
import type { Problem } from '../../../shared/result';

const COLUMNS = [
  { header: '文件', key: 'file', width: 28 },
  { header: '工作表', key: 'sheet', width: 14 },
  { header: '行', key: 'row', width: 7 },
  { header: '列', key: 'column', width: 22 },
  { header: '值', key: 'value', width: 24 },
  { header: '级别', key: 'severity', width: 7 },
  { header: '问题', key: 'message', width: 60 },
  { header: '代码', key: 'code', width: 22 },
];

/** Writes a problem list people can sort and filter, errors first, in file/sheet/row order. */
export async function writeProblemsWorkbook(problems: readonly Problem[], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  const sorted = [...problems].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0),
  );
  for (const p of sorted) {
    sheet
      .addRow({
        file: p.file ?? '',
        sheet: p.sheet ?? '',
        row: p.row ?? null,
        column: p.column ?? '',
        // values stay text: a cell that reads "=…" must not become a formula
        value: p.value ?? '',
        severity: p.severity === 'warning' ? '警告' : '错误',
        message: p.message,
        code: p.code,
      })
      .commit();
  }
  sheet.autoFilter = { from: 'A1', to: 'H1' };
  sheet.commit();
  await writer.commit();
}
