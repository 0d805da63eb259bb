import ExcelJS from 'exceljs';
import type { StatsTable, StatsTables } from '../../../../shared/api/stats';
import { FORM_FIELDS, SIGNATURE_FIELDS, type FormField, type StatsSettings } from '../../../../shared/api/statsSettings';
import { BASIS_ROW, FIRST_DATA_ROW, FORM_META_ROWS, HEADER_ROWS, META_ROW, NUMBER_FORMATS, SHEET_NAMES, TITLE_ROW, columnsFor, type Column } from './layout';
import { setText } from './safe-text';

export interface ExportMeta {
  /** 填报单位: the jurisdiction's reporting unit from 设置. */
  reportingUnit: string;
  /** 表号… per table and the signature line, from 统计设置 (blank where the bureau set nothing). */
  forms: StatsSettings['forms'];
  signature: StatsSettings['signature'];
  /** When the file was made, for the document properties. */
  createdAt: Date;
}

/** `表　　号` and the like: labels spaced to one width, as printed forms align them. */
function spaced(label: string): string {
  return label.length === 2 ? `${label[0]}　　${label[1]}` : label;
}

/** The title with its amount unit: 外商投资企业总表（金额单位：亿元人民币）. */
export function sheetTitle(table: StatsTable, tables: StatsTables): string {
  return `${table.title}（金额单位：${tables.unit}）`;
}

const FONT = 'SimSun';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

/** Title, the form's metadata at the right, 填报单位 / 统计期 / 计量单位 on one line and the 口径 under it. */
function writeHeading(ws: ExcelJS.Worksheet, table: StatsTable, tables: StatsTables, meta: ExportMeta, width: number): void {
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = sheetTitle(table, tables);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(TITLE_ROW).height = 30;
  const right = (row: number, text: string) => {
    ws.mergeCells(row, width - 2, row, width);
    const cell = ws.getCell(row, width - 2);
    setText(cell, text);
    cell.alignment = { horizontal: 'left' };
  };
  const form = meta.forms[table.id];
  (Object.keys(FORM_FIELDS) as FormField[]).forEach((field, i) => right(FORM_META_ROWS[i]!, `${spaced(FORM_FIELDS[field])}：${form[field]}`));
  ws.mergeCells(META_ROW, 1, META_ROW, 5);
  setText(ws.getCell(META_ROW, 1), `填报单位：${meta.reportingUnit}`);
  ws.mergeCells(META_ROW, 6, META_ROW, 8);
  const period = ws.getCell(META_ROW, 6);
  period.value = `统计期：${tables.label}`;
  period.alignment = { horizontal: 'center' };
  ws.mergeCells(META_ROW, width - 2, META_ROW, width);
  ws.getCell(META_ROW, width - 2).value = `计量单位：${tables.unit}`;
  ws.mergeCells(BASIS_ROW, 1, BASIS_ROW, width);
  ws.getCell(BASIS_ROW, 1).value = `统计口径：${tables.basis}`;
}

/** Two header rows: a group heading merged over its columns, the column's own heading under it. */
function writeHeader(ws: ExcelJS.Worksheet, columns: Column[], priorIncomplete: boolean): void {
  const [top, bottom] = HEADER_ROWS;
  for (let i = 0; i < columns.length; ) {
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]!.group === columns[i]!.group) j++;
    const [first, last] = [i + 1, j + 1];
    const column = columns[i]!;
    if (first === last && column.group === column.heading) ws.mergeCells(top, first, bottom, first);
    else {
      if (last > first) ws.mergeCells(top, first, top, last);
      // 同比 of a prior period lacking districts carries a mark, explained in the note under the table
      for (let c = first; c <= last; c++) ws.getCell(bottom, c).value = `${columns[c - 1]!.heading}${priorIncomplete && columns[c - 1]!.heading.startsWith('同比') ? '※' : ''}`;
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

/** What a reader must know to read 同比: the districts the prior period lacks (unless 同比 is comparable). */
export function coverageNote(tables: StatsTables): string {
  const { missingPrior, missingCurrent } = tables.coverage;
  if (tables.comparable) {
    const left = [...missingPrior, ...missingCurrent];
    return left.length ? `可比口径：两期均有数据的区县，未含 ${left.join('、')}。` : '可比口径：两期区县相同。';
  }
  return missingPrior.length ? `※上年同期缺少 ${missingPrior.join('、')} 的数据，同比非可比口径。` : '';
}

/** Notes and the signature line under the table. */
function writeFooter(ws: ExcelJS.Worksheet, tables: StatsTables, meta: ExportMeta, firstFreeRow: number, width: number): void {
  const note = firstFreeRow;
  ws.mergeCells(note, 1, note, width);
  ws.getCell(note, 1).value = `注：同比为与上年同期相比的增减百分比，上年同期为0时不计算；占比为占合计的百分比；“其中”项不计入合计，“附”项不计入合计。${coverageNote(tables)}`;
  ws.getCell(note, 1).font = { name: FONT, size: 9 };
  const sign = note + 2;
  const s = meta.signature;
  const parts: Array<[number, string]> = [
    [1, `${SIGNATURE_FIELDS.unitHead}：${s.unitHead}`],
    [3, `${SIGNATURE_FIELDS.statsHead}：${s.statsHead}`],
    [5, `${SIGNATURE_FIELDS.preparer}：${s.preparer}`],
    [7, `${SIGNATURE_FIELDS.phone}：${s.phone}`],
    [width - 2, '报出日期：　　年　　月　　日'],
  ];
  ws.mergeCells(sign, width - 2, sign, width);
  for (const [col, text] of parts) {
    setText(ws.getCell(sign, col), text);
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
  writeHeader(ws, columns, !tables.comparable && tables.coverage.missingPrior.length > 0);
  const end = writeRows(ws, table, columns);
  writeFooter(ws, tables, meta, end, width);
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
