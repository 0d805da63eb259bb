import ExcelJS from 'exceljs';
import type { StatsTable, StatsTables } from '../../../../shared/api/stats';
import {
  AUTHORITY_ROW,
  FIRST_DATA_ROW,
  FORM_AUTHORITY,
  FORM_NO_ROW,
  HEADER_ROWS,
  META_ROW,
  NUMBER_FORMATS,
  SHEET_NAMES,
  TITLE_ROW,
  columnsFor,
  type Column,
} from './layout';
import { setText } from './safe-text';

export interface ExportMeta {
  /** 填报单位: the jurisdiction's reporting unit from 设置. */
  reportingUnit: string;
  /** When the file was made, for the document properties. */
  createdAt: Date;
}

const FONT = 'SimSun';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

/** Title, 表号 / 制定机关 at the right, then 填报单位 / 统计期 / 计量单位 on one line, as printed returns have them. */
function writeHeading(ws: ExcelJS.Worksheet, table: StatsTable, tables: StatsTables, meta: ExportMeta, width: number): void {
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = table.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(TITLE_ROW).height = 30;
  const right = (row: number, text: string) => {
    ws.mergeCells(row, width - 2, row, width);
    const cell = ws.getCell(row, width - 2);
    setText(cell, text);
    cell.alignment = { horizontal: 'left' };
  };
  right(FORM_NO_ROW, `表　　号：${table.formNo}`);
  right(AUTHORITY_ROW, `制定机关：${FORM_AUTHORITY}`);
  ws.mergeCells(META_ROW, 1, META_ROW, 5);
  setText(ws.getCell(META_ROW, 1), `填报单位：${meta.reportingUnit}`);
  ws.mergeCells(META_ROW, 6, META_ROW, 8);
  const period = ws.getCell(META_ROW, 6);
  period.value = `统计期：${tables.label}`;
  period.alignment = { horizontal: 'center' };
  ws.mergeCells(META_ROW, width - 2, META_ROW, width);
  ws.getCell(META_ROW, width - 2).value = `计量单位：${tables.unit}`;
}

/** Two header rows: a group heading merged over its columns, the column's own heading under it. */
function writeHeader(ws: ExcelJS.Worksheet, columns: Column[]): void {
  const [top, bottom] = HEADER_ROWS;
  for (let i = 0; i < columns.length; ) {
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]!.group === columns[i]!.group) j++;
    const [first, last] = [i + 1, j + 1];
    const column = columns[i]!;
    if (first === last && column.group === column.heading) ws.mergeCells(top, first, bottom, first);
    else {
      if (last > first) ws.mergeCells(top, first, top, last);
      for (let c = first; c <= last; c++) ws.getCell(bottom, c).value = columns[c - 1]!.heading;
    }
    ws.getCell(top, first).value = column.group;
    i = j + 1;
  }
  for (const r of HEADER_ROWS) {
    ws.getRow(r).height = 20;
    columns.forEach((_, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
  }
}

function writeRows(ws: ExcelJS.Worksheet, table: StatsTable, columns: Column[]): number {
  table.rows.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    columns.forEach((column, c) => {
      const cell = ws.getCell(r, c + 1);
      const value = column.value(row);
      if (typeof value === 'string') setText(cell, value);
      else if (value !== null) cell.value = value;
      if (column.format !== 'text') cell.numFmt = NUMBER_FORMATS[column.format];
      cell.border = BOX;
      cell.font = { name: FONT, size: 10, bold: row.role === 'total' };
      if (c === 1) cell.alignment = { horizontal: 'left', indent: row.level };
      else if (column.format !== 'text') cell.alignment = { horizontal: 'right' };
    });
  });
  return FIRST_DATA_ROW + table.rows.length;
}

/** Notes and the signature line under the table. */
function writeFooter(ws: ExcelJS.Worksheet, firstFreeRow: number, width: number): void {
  const note = firstFreeRow;
  ws.mergeCells(note, 1, note, width);
  ws.getCell(note, 1).value = '注：同比为与上年同期相比的增减百分比，上年同期为0时不计算；占比为占合计的百分比；“其中”项不计入合计。';
  ws.getCell(note, 1).font = { name: FONT, size: 9 };
  const sign = note + 2;
  const parts: Array<[number, string]> = [
    [1, '单位负责人：'],
    [4, '统计负责人：'],
    [7, '填表人：'],
    [width - 2, '报出日期：　　年　　月　　日'],
  ];
  ws.mergeCells(sign, width - 2, sign, width);
  for (const [col, text] of parts) {
    ws.getCell(sign, col).value = text;
    ws.getCell(sign, col).font = { name: FONT, size: 10 };
  }
}

/** One sheet per table in the layout of a printed statistical return, A4 landscape, header repeated on each page. */
function addTableSheet(wb: ExcelJS.Workbook, table: StatsTable, tables: StatsTables, meta: ExportMeta): void {
  const columns = columnsFor(table.id);
  const width = columns.length;
  const ws = wb.addWorksheet(SHEET_NAMES[table.id], {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS[1], topLeftCell: `C${FIRST_DATA_ROW}`, activeCell: `C${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  writeHeading(ws, table, tables, meta, width);
  writeHeader(ws, columns);
  const end = writeRows(ws, table, columns);
  writeFooter(ws, end, width);
  ws.pageSetup.printArea = `A1:${letter(width)}${end + 2}`;
}

/** The whole return: one workbook, a sheet per standard table. */
export function buildStatsWorkbook(tables: StatsTables, meta: ExportMeta): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FDI Desk 外资工作台';
  wb.created = meta.createdAt;
  wb.modified = meta.createdAt;
  wb.title = `外资统计表 ${tables.label}`;
  for (const table of tables.tables) addTableSheet(wb, table, tables, meta);
  return wb;
}
