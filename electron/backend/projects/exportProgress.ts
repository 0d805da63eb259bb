import ExcelJS from 'exceljs';
import { EVENT_KINDS, ISSUE_CATEGORIES, type EventKind, type IssueCategory } from '../../../shared/domain/project';
import { roundStored } from '../../../shared/rules/money';
import { priorityWord, stageWord } from '../../../shared/rules/projectWords';
import type { Db } from '../db/open';
import type { JobControl } from '../jobs';
import { readJurisdiction } from '../settings/jurisdiction';
import type { AlertClock } from './alerts';
import type { CellKind } from './columns';
import { cumulativeArrival } from './queries';
import { projectsByIds } from './rows';
import { AMOUNT_FORMAT, HEADER_FILL, THIN_BORDER, writeCell, type CellValue } from './xlsxCells';

/** The columns of 重点外资项目推进情况表, in the order the provincial template prints them. */
const COLUMNS: ReadonlyArray<{ header: string; width: number; kind: CellKind }> = [
  { header: '序号', width: 6, kind: 'text' },
  { header: '项目名称', width: 30, kind: 'text' },
  { header: '外方投资者', width: 22, kind: 'text' },
  { header: '国别（地区）', width: 10, kind: 'text' },
  { header: '所属行业', width: 16, kind: 'text' },
  { header: '所在区县', width: 10, kind: 'text' },
  { header: '所在园区', width: 16, kind: 'text' },
  { header: '总投资（万美元）', width: 12, kind: 'amount' },
  { header: '合同外资（万美元）', width: 12, kind: 'amount' },
  { header: '累计到资（万美元）', width: 12, kind: 'amount' },
  { header: '项目阶段', width: 8, kind: 'text' },
  { header: '重点级别', width: 8, kind: 'text' },
  { header: '最新进展', width: 34, kind: 'text' },
  { header: '存在问题', width: 34, kind: 'text' },
  { header: '责任单位', width: 14, kind: 'text' },
  { header: '责任人', width: 8, kind: 'text' },
  { header: '包联领导', width: 8, kind: 'text' },
];
const HEADER_ROW = 3;

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The progress report in its official layout: a title, 填报单位 and 日期 line, a frozen header row repeated on every
 * printed page, A4 landscape fitted to the page width, and a 合计 row. Latest progress and open problems are written
 * out as text from the follow-up log.
 */
export async function writeProgressReport(db: Db, ids: readonly number[], clock: AlertClock, file: string, job?: JobControl): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '外资工作台';
  const year = clock.today.slice(0, 4);
  const sheet = workbook.addWorksheet('推进情况表', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = COLUMNS.length;
  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = `${year}年重点外资项目推进情况表`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const split = Math.floor(last / 2);
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, last);
  writeCell(sheet.getCell(2, 1), `填报单位：${readJurisdiction(db).reportingUnit || '（未设置）'}`, 'text');
  writeCell(sheet.getCell(2, split + 1), `日期：${chineseDate(clock.today)}　　单位：万美元`, 'text');
  sheet.getCell(2, split + 1).alignment = { horizontal: 'right' };
  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;

  const latestEvent = db.prepare('SELECT date, kind, notes FROM project_event WHERE project_id = ? ORDER BY date DESC, id DESC LIMIT 1');
  const openIssues = db.prepare(`SELECT category, description, owner, due_date FROM project_issue WHERE project_id = ? AND status = 'open' ORDER BY due_date IS NULL, due_date, id`);
  const totals: [number, number, number] = [0, 0, 0];
  let rowNo = HEADER_ROW + 1;
  const projects = projectsByIds(db, ids, clock);
  for (const [index, p] of projects.entries()) {
    if (index % 200 === 0) {
      job?.throwIfCancelled();
      job?.progress((index / Math.max(1, projects.length)) * 0.9, `已写出 ${index} / ${projects.length} 个项目`);
    }
    const event = latestEvent.get(p.id) as { date: string; kind: EventKind; notes: string } | undefined;
    const issues = openIssues.all(p.id) as { category: IssueCategory; description: string; owner: string; due_date: string | null }[];
    const arrived = cumulativeArrival(db, p, clock);
    const values: CellValue[] = [
      String(index + 1),
      p.name,
      p.investor,
      p.countryName,
      p.industryName,
      p.district,
      p.platform,
      p.totalInvestment,
      p.contractedFdi,
      arrived,
      stageWord(p.stage),
      priorityWord(p.priority),
      event ? `${event.date} ${EVENT_KINDS[event.kind]}：${event.notes}` : null,
      issues
        .map((i) => `【${ISSUE_CATEGORIES[i.category]}】${i.description}${i.owner || i.due_date ? `（${[i.owner && `责任：${i.owner}`, i.due_date && `期限：${i.due_date}`].filter(Boolean).join('，')}）` : ''}`)
        .join('\n') || null,
      p.ownerUnit,
      p.ownerPerson,
      p.leader,
    ];
    totals[0] += p.totalInvestment ?? 0;
    totals[1] += p.contractedFdi ?? 0;
    totals[2] += arrived ?? 0;
    const row = sheet.getRow(rowNo++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      writeCell(cell, v, COLUMNS[i]!.kind);
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const total = sheet.getRow(rowNo);
  total.getCell(1).value = '合计';
  sheet.mergeCells(rowNo, 1, rowNo, 7);
  total.getCell(1).alignment = { horizontal: 'center' };
  [8, 9, 10].forEach((col, i) => {
    total.getCell(col).value = roundStored(totals[i]!);
    total.getCell(col).numFmt = AMOUNT_FORMAT;
  });
  for (let c = 1; c <= last; c++) {
    total.getCell(c).border = THIN_BORDER;
    total.getCell(c).font = { bold: true };
  }
  await workbook.xlsx.writeFile(file);
  return projects.length;
}
