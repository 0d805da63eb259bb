import { FDI_IMPORT_FIELDS, type FdiImportField, type FdiImportOptions } from '../../../shared/api/fdiImport';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import { parsePeriod } from '../../../shared/rules/period';
import type { AmountUnit } from '../../../shared/rules/units';
import { AppError } from '../errors';
import type { Db } from '../db/open';
import { cellText, scanTables, SKIP_REASON_ZH, type TableLayout } from '../workbook';
import type { WorkerControl } from '../workers/serve';
import { FDI_FIELD_SPECS } from './fields';
import { readRememberedMapping } from './mapping';
import { normalizeFdiRow, type FdiRowView, type RowSetup } from './normalize';
import type { FdiResolvers } from './resolve';
import type { FdiStage } from './stage';

/** How much of a file's findings travel back from the worker. */
export const LIMITS = { problems: 20_000, sample: 50, skipped: 200 } as const;

export interface FileTask {
  path: string;
  name: string;
  options: FdiImportOptions;
}

/** What one pass over one file found. */
export interface FileFindings {
  file: string;
  sheets: Array<{ name: string; hidden: boolean; isData: boolean; headerRow: number | null }>;
  sheet: string | null;
  needsSheetChoice: boolean;
  layout: TableLayout | null;
  mapping: Partial<Record<FdiImportField, number | null>>;
  mappingSource: 'detected' | 'remembered' | 'given';
  units: { contractedFdi: AmountUnit | null; actualFdi: AmountUnit | null; source: 'given' | 'header' | 'title' | 'assumed' };
  district: { id: number; name: string; source: 'given' | 'file' } | null;
  counts: { dataRows: number; cleanRows: number; errorRows: number; skippedRows: number };
  skipped: Array<{ row: number; reason: string; text: string }>;
  sample: Array<FdiRowView & { ok: boolean }>;
  /** Every problem up to LIMITS.problems, errors and warnings. */
  problems: Problem[];
  problemCount: number;
  problemsByCode: Record<string, number>;
  /** File-level refusals (no header, missing columns, several data sheets…). */
  fatal: boolean;
}

function fileProblem(file: string, sheet: string | undefined, code: ErrorCode, detail?: string, severity: 'error' | 'warning' = 'error'): Problem {
  return { file, sheet, code, message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code], severity };
}

/** The mapping in force: given entries over a remembered mapping over the detected one; null entries unmap. */
function effectiveMapping(db: Db, layout: TableLayout, given: FdiImportOptions['mapping']) {
  const remembered = readRememberedMapping(db, layout.signature);
  const base: Partial<Record<FdiImportField, number | null>> = remembered ?? { ...(layout.mapping as Partial<Record<FdiImportField, number>>) };
  const mapping = { ...base, ...(given ?? {}) };
  const source: FileFindings['mappingSource'] = given && Object.keys(given).length ? 'given' : remembered ? 'remembered' : 'detected';
  return { mapping, source };
}

/** Reads one file through its data sheet: every row checked, clean rows staged, problems and counts collected. */
export async function passFile(
  db: Db,
  task: FileTask,
  fileIndex: number,
  stage: FdiStage,
  resolvers: FdiResolvers,
  control: WorkerControl,
  report: (fraction: number, message: string) => void,
): Promise<FileFindings> {
  const file = task.name;
  const { options } = task;
  const givenDistrict = options.district ? resolvers.district(options.district) : null;
  if (options.district && !givenDistrict) throw new AppError('DISTRICT_UNKNOWN', `“${options.district}”不在“设置—区县”中`);
  const found: FileFindings = {
    file,
    sheets: [],
    sheet: null,
    needsSheetChoice: false,
    layout: null,
    mapping: {},
    mappingSource: 'detected',
    units: { contractedFdi: null, actualFdi: null, source: 'assumed' },
    district: givenDistrict ? { ...givenDistrict, source: 'given' } : null,
    counts: { dataRows: 0, cleanRows: 0, errorRows: 0, skippedRows: 0 },
    skipped: [],
    sample: [],
    problems: [],
    problemCount: 0,
    problemsByCode: {},
    fatal: false,
  };
  const note = (p: Problem) => {
    found.problemCount++;
    found.problemsByCode[p.code] = (found.problemsByCode[p.code] ?? 0) + 1;
    if (found.problems.length < LIMITS.problems) found.problems.push(p);
  };
  let setup: RowSetup | null = null;
  let sheetProgress: () => number = () => 0;
  const currentPeriod = new Date().toISOString().slice(0, 7);

  for await (const event of scanTables(task.path, FDI_FIELD_SPECS, {
    fileName: file,
    minFields: 3,
    accept: ({ name, hidden, layout }) => {
      if (!layout) return false;
      if (options.sheet !== undefined) return name === options.sheet;
      return !hidden && found.sheet === null;
    },
  })) {
    if (event.type === 'sheet') {
      const { layout } = event;
      found.sheets.push({ name: event.sheet, hidden: event.hidden, isData: layout !== null && !event.hidden, headerRow: layout?.headerRows[0] ?? null });
      if (!event.accepted || !layout) continue;
      found.sheet = event.sheet;
      found.layout = layout;
      setup = prepareSheet(db, task, layout, found, resolvers, currentPeriod, note);
      if (!setup) found.fatal = true;
      sheetProgress = event.progress;
      continue;
    }
    if (!setup) continue; // a sheet refused as a whole: its rows are not checked
    const { row } = event;
    if (event.type === 'skip') {
      found.counts.skippedRows++;
      if (found.skipped.length < LIMITS.skipped) {
        found.skipped.push({ row: row.rowNumber, reason: event.reason, text: `${SKIP_REASON_ZH[event.reason]}：${row.cells.map(cellText).filter(Boolean).join(' ').slice(0, 60)}` });
      }
      continue;
    }
    found.counts.dataRows++;
    const { draft, view, problems } = normalizeFdiRow(row, setup);
    for (const p of problems) note(p);
    let ok = draft !== null;
    if (draft) {
      const stored = stage.findStored(draft);
      if (stored) {
        ok = false;
        note({ ...rowProblem(setup, row.rowNumber, 'DUPLICATE'), message: `${ERROR_MESSAGES.DUPLICATE}：与已导入的记录相同（第${stored.batchId ?? '?'}批《${stored.fileName ?? ''}》第${stored.row ?? '?'}行）` });
      } else {
        const first = stage.add(fileIndex, draft);
        if (first) {
          ok = false;
          const where = first.file === fileIndex ? `本文件第${first.row}行` : `同批导入的另一文件第${first.row}行`;
          note({ ...rowProblem(setup, row.rowNumber, 'DUPLICATE'), message: `${ERROR_MESSAGES.DUPLICATE}：与${where}相同（统一社会信用代码、月份、投资方式和金额都一样）` });
        }
      }
    }
    if (ok) found.counts.cleanRows++;
    else found.counts.errorRows++;
    if (found.sample.length < LIMITS.sample) found.sample.push({ ...view, ok });
    if ((found.counts.dataRows & 255) === 0) {
      control.throwIfCancelled();
      report(sheetProgress(), `${file}：已检查 ${found.counts.dataRows} 行`);
    }
  }
  stage.flush();
  if (!found.layout) {
    found.fatal = true;
    if (options.sheet !== undefined && !found.sheets.some((s) => s.name === options.sheet)) {
      note(fileProblem(file, options.sheet, 'SHEET_NOT_FOUND', `“${options.sheet}”；文件中的工作表：${found.sheets.map((s) => s.name).join('、')}`));
    } else {
      note(fileProblem(file, options.sheet, 'HEADER_NOT_FOUND', `${options.sheet ?? file}的前30行中没有“企业名称、统一社会信用代码、国别、行业、投资方式”等列名`));
    }
  }
  const dataSheets = found.sheets.filter((s) => s.isData);
  if (options.sheet === undefined && dataSheets.length > 1) {
    found.needsSheetChoice = true;
    found.fatal = true;
    note(fileProblem(file, undefined, 'SHEET_CHOICE_REQUIRED', dataSheets.map((s) => s.name).join('、')));
  }
  return found;
}

function rowProblem(setup: RowSetup, row: number, code: ErrorCode): Problem {
  return { file: setup.file, sheet: setup.sheet, row, code, message: ERROR_MESSAGES[code], severity: 'error' };
}

/** Works out the mapping, units, district and default period of an accepted sheet; null when it cannot be read. */
function prepareSheet(
  db: Db,
  task: FileTask,
  layout: TableLayout,
  found: FileFindings,
  resolvers: FdiResolvers,
  currentPeriod: string,
  note: (p: Problem) => void,
): RowSetup | null {
  const file = task.name;
  const { mapping, source } = effectiveMapping(db, layout, task.options.mapping);
  found.mapping = mapping;
  found.mappingSource = source;
  const columns = Object.fromEntries(Object.entries(mapping).filter(([, c]) => c !== null && c !== undefined)) as Partial<Record<FdiImportField, number>>;
  let ok = true;
  for (const spec of FDI_FIELD_SPECS) {
    if (spec.required && columns[spec.key as FdiImportField] === undefined) {
      ok = false;
      note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', `找不到“${spec.label}”列，请在列对应中指定`));
    }
  }
  if (columns.contractedFdi === undefined && columns.actualFdi === undefined) {
    ok = false;
    note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '合同外资、实际使用外资两列至少要有一列'));
  }
  // the month of a single-month 统计期 or title stands in for a missing date column
  const periodHint = [layout.context.periodText, layout.context.title].map((t) => (t ? t.match(/\d{4}年\d{1,2}月(?!\s*[-—~至到]\s*\d)/)?.[0] : null)).find(Boolean);
  const defaultPeriod = periodHint ? ((p) => (p.ok ? p.period : null))(parsePeriod(periodHint)) : null;
  if (columns.period === undefined && !defaultPeriod) {
    ok = false;
    note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '找不到“到资日期/月份”列，且统计期不是单一月份'));
  }
  // units: chosen > the column's header > a line above the table > assumed 万美元 (with a warning)
  const given = task.options.unit as AmountUnit | undefined;
  const unitOf = (field: 'contractedFdi' | 'actualFdi'): AmountUnit | null => {
    const column = columns[field];
    if (column === undefined) return null;
    return given ?? layout.columnUnits[column] ?? layout.unit ?? '万美元';
  };
  found.units = {
    contractedFdi: unitOf('contractedFdi'),
    actualFdi: unitOf('actualFdi'),
    source: given ? 'given' : [columns.contractedFdi, columns.actualFdi].some((c) => c !== undefined && layout.columnUnits[c]) ? 'header' : layout.unit ? 'title' : 'assumed',
  };
  if (found.units.source === 'assumed') note(fileProblem(file, layout.sheet, 'UNIT_ASSUMED', undefined, 'warning'));
  if (!found.district) {
    const named = resolvers.districtIn([layout.context.reportingUnit, layout.context.title]);
    if (named) found.district = { ...named, source: 'file' };
    else if (layout.context.reportingUnit && columns.district === undefined) {
      note(fileProblem(file, layout.sheet, 'DISTRICT_UNKNOWN', `填报单位“${layout.context.reportingUnit}”中没有“设置—区县”里的区县，本批记录不归属区县（可在导入时选择区县）`, 'warning'));
    }
  }
  if (!ok) return null;
  return {
    file,
    sheet: layout.sheet,
    mapping: columns,
    labels: layout.labels,
    units: { contractedFdi: found.units.contractedFdi ?? '万美元', actualFdi: found.units.actualFdi ?? '万美元' },
    district: found.district ? { id: found.district.id, name: found.district.name } : null,
    defaultPeriod,
    currentPeriod,
    resolvers,
  };
}
