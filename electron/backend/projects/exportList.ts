import ExcelJS from 'exceljs';
import type { Db } from '../db/open';
import type { JobControl } from '../jobs';
import type { AlertClock } from './alerts';
import { LIST_SHEET, PLAN_COLUMNS, PLAN_SHEET, POLICY_EXPORT_COLUMNS, PROJECT_COLUMNS } from './columns';
import { planSheetRows, projectSheetRows } from './sheetRows';
import { HEADER_FILL, writeCell } from './xlsxCells';

const CHUNK = 500;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes the project list (one header row, frozen, with a filter) and the planned arrival by month on a second
 * sheet, streaming so 100k projects fit in memory. The import reads this file back to the same projects.
 */
export async function writeProjectList(db: Db, ids: readonly number[], clock: AlertClock, file: string, job?: JobControl): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = '外资工作台';
  const sheet = workbook.addWorksheet(LIST_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [...PROJECT_COLUMNS, ...POLICY_EXPORT_COLUMNS];
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  header.commit();
  let rowNo = 2;
  for (let start = 0; start < ids.length; start += CHUNK) {
    job?.throwIfCancelled();
    for (const r of projectSheetRows(db, ids.slice(start, start + CHUNK), clock)) {
      const row = sheet.getRow(rowNo++);
      PROJECT_COLUMNS.forEach((c, i) => writeCell(row.getCell(i + 1), r[c.key], c.kind));
      POLICY_EXPORT_COLUMNS.forEach((c, i) => writeCell(row.getCell(PROJECT_COLUMNS.length + i + 1), r.policy[c.key], 'text'));
      row.commit();
    }
    job?.progress(Math.min(start + CHUNK, ids.length) / ids.length * 0.9, `已写出 ${Math.min(start + CHUNK, ids.length)} / ${ids.length} 个项目`);
    await nextTick();
  }
  sheet.commit();

  const plan = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  plan.columns = PLAN_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const planHeader = plan.getRow(1);
  PLAN_COLUMNS.forEach((c, i) => {
    planHeader.getCell(i + 1).value = c.header;
    planHeader.getCell(i + 1).font = { bold: true };
  });
  planHeader.commit();
  let planRow = 2;
  for (let start = 0; start < ids.length; start += CHUNK) {
    job?.throwIfCancelled();
    for (const [name, period, amount] of planSheetRows(db, ids.slice(start, start + CHUNK))) {
      const row = plan.getRow(planRow++);
      writeCell(row.getCell(1), name, 'text');
      writeCell(row.getCell(2), period, 'text');
      writeCell(row.getCell(3), amount, 'amount');
      row.commit();
    }
  }
  plan.commit();
  await workbook.commit();
  return ids.length;
}
