import ExcelJS from 'exceljs';
import type { EnterpriseQuery } from '../../../shared/api/enterprises';
import type { ExportDone } from '../../../shared/api/projects';
import type { BackendContext } from '../context';
import type { Db } from '../db/open';
import type { JobControl } from '../jobs';
import { HEADER_FILL, writeCell } from '../projects/xlsxCells';
import { ENTERPRISE_COLUMNS, ENTERPRISE_SHEET, type EnterpriseColumnKey } from './columns';
import { enterpriseIds, enterprisesByIds } from './queries';

const CHUNK = 500;

/** Streams the register to a workbook with one frozen header row; the enterprise import reads it back unchanged. */
export async function writeEnterpriseList(db: Db, ids: readonly number[], file: string, job?: JobControl): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = '外资工作台';
  const sheet = workbook.addWorksheet(ENTERPRISE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    header.getCell(i + 1).fill = HEADER_FILL;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ENTERPRISE_COLUMNS.length } };
  header.commit();
  let rowNo = 2;
  for (let start = 0; start < ids.length; start += CHUNK) {
    job?.throwIfCancelled();
    for (const e of enterprisesByIds(db, ids.slice(start, start + CHUNK))) {
      const values: Record<EnterpriseColumnKey, string | number | null> = {
        name: e.name,
        uscc: e.uscc,
        investor: e.investor || null,
        country: e.countryName,
        industryCode: e.industryCode,
        industryName: e.industryName,
        registeredCapital: e.registeredCapital,
        foreignShare: e.foreignShare,
        setupDate: e.setupDate,
        district: e.district,
        platform: e.platform,
        notes: e.notes || null,
      };
      const row = sheet.getRow(rowNo++);
      ENTERPRISE_COLUMNS.forEach((c, i) => writeCell(row.getCell(i + 1), values[c.key], c.kind));
      row.commit();
    }
    job?.progress(Math.min(1, (start + CHUNK) / Math.max(1, ids.length)) * 0.95, `已写出 ${Math.min(start + CHUNK, ids.length)} / ${ids.length} 家企业`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return ids.length;
}

export function exportEnterprises(ctx: BackendContext, query: EnterpriseQuery): string {
  return ctx.jobs.start('enterprises.export', async (job): Promise<ExportDone> => {
    const ids = enterpriseIds(ctx.db, query);
    const name = `企业名录_${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.xlsx`;
    const file = ctx.files.outputPath(name);
    const rows = await writeEnterpriseList(ctx.db, ids, file, job);
    return { fileId: ctx.files.register(file, name).fileId, name, rows };
  });
}
