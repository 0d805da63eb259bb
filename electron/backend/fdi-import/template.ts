import ExcelJS from 'exceljs';
import { FDI_IMPORT_FIELDS, type FdiImportField } from '../../../shared/api/fdiImport';
import { FDI_MODES } from '../../../shared/domain/fdi';
import { EXCEL_FORMATS } from '../../../shared/format';

/** Template columns, in order, with the header text the importer reads back (units inside, as returns write them). */
export const TEMPLATE_HEADERS: Array<[FdiImportField, string]> = (Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[]).map((key) => [
  key,
  key === 'contractedFdi' || key === 'actualFdi' ? `${FDI_IMPORT_FIELDS[key]}（万美元）` : FDI_IMPORT_FIELDS[key],
]);

const WIDTHS: Record<FdiImportField, number> = {
  enterpriseName: 32, uscc: 22, investor: 24, country: 14, industry: 12, mode: 12, contractedFdi: 16, actualFdi: 18,
  period: 13, district: 14, platform: 24,
};

const NOTES = [
  '填写说明',
  '1. 每行一条到资记录：同一企业不同月份、不同投资方式分行填写。金额单位为万美元（如按美元填报，请把第2行的“单位：万美元”改为“单位：美元”，并改表头）。',
  '2. 统一社会信用代码为18位，请以文本填写（本列已设为文本格式），程序会校验校验位。',
  `3. 投资方式填：${Object.values(FDI_MODES).join('、')}（也可写 新设立、追加投资、股权并购、境内再投资）。`,
  '4. 国别（地区）填中文名称或常用简称（如 香港、新加坡、英属维尔京群岛），或ISO代码（HKG、SGP）。',
  '5. 行业代码填 GB/T 4754-2017 的4位小类代码，可带门类字母（如 3670 或 C3670），也可填小类名称。',
  '6. 到资日期填日期（2025-03-15）或月份（2025年3月、2025-03）。',
  '7. 所属区县、所属园区须与“设置”中的名称一致；不填所属区县时，按“填报单位”中的区县或导入时的选择。',
  '8. 合计、小计行与表下的注释、签名行会被自动跳过。',
];

/** A clean import template: title, 填报单位/统计期/单位 line, the header, formats and a mode list; a notes sheet. */
export async function writeFdiTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FDI Desk 外资工作台';
  const sheet = workbook.addWorksheet('外资统计', { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = TEMPLATE_HEADERS.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = '外商投资企业到资情况表';
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = '填报单位：';
  sheet.getCell(2, 5).value = '统计期：';
  sheet.getCell(2, width - 1).value = '单位：万美元';
  const header = sheet.getRow(3);
  TEMPLATE_HEADERS.forEach(([key, text], i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    const column = sheet.getColumn(i + 1);
    column.width = WIDTHS[key];
    if (key === 'uscc' || key === 'industry') column.numFmt = '@';
    if (key === 'contractedFdi' || key === 'actualFdi') column.numFmt = EXCEL_FORMATS.amount;
    if (key === 'period') column.numFmt = 'yyyy-mm-dd';
  });
  const modeColumn = TEMPLATE_HEADERS.findIndex(([key]) => key === 'mode') + 1;
  const letter = String.fromCharCode(64 + modeColumn);
  (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}4:${letter}5000`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.values(FDI_MODES).join(',')}"`],
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 110;
  NOTES.forEach((line, i) => {
    notes.getCell(i + 1, 1).value = line;
    if (i === 0) notes.getCell(1, 1).font = { bold: true, size: 14 };
  });
  await workbook.xlsx.writeFile(file);
}
