import type { FdiImportField, FdiImportOptions } from '../../../shared/api/fdiImport';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import { parsePeriod } from '../../../shared/rules/period';
import { findCnyUnit, type FdiAmountUnit } from '../../../shared/rules/units';
import { AppError } from '../errors';
// the table and cell modules only: the check worker must not load the .xlsx reader, the parse worker's business
import { cellText } from '../workbook/cells';
import type { ClassifiedRow } from '../workbook/scan';
import { SKIP_REASON_ZH, type TableLayout } from '../workbook/table';
import { FDI_FIELD_SPECS } from './fields';
import type { StoredMapping } from './mapping';
import { FdiRowNormalizer, type FdiRecordDraft, type FdiRowView, type RowSetup } from './normalize';
import type { CheckedRecord } from './record-keys';
import type { FdiResolvers } from './resolve';

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
  units: { contractedFdi: FdiAmountUnit | null; actualFdi: FdiAmountUnit | null; source: 'given' | 'header' | 'title' | 'assumed' };
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

/** What a file is checked against: the resolvers, and the mappings remembered by header signature. */
export interface CheckContext {
  resolvers: FdiResolvers;
  mappings: Readonly<Record<string, StoredMapping>>;
}

/** The mapping in force: given entries over a remembered mapping over the detected one; null entries unmap. */
function effectiveMapping(mappings: CheckContext['mappings'], layout: TableLayout, given: FdiImportOptions['mapping']) {
  const remembered = Object.hasOwn(mappings, layout.signature) ? mappings[layout.signature]! : null;
  const base: Partial<Record<FdiImportField, number | null>> = remembered ?? { ...(layout.mapping as Partial<Record<FdiImportField, number>>) };
  const mapping = { ...base, ...(given ?? {}) };
  const source: FileFindings['mappingSource'] = given && Object.keys(given).length ? 'given' : remembered ? 'remembered' : 'detected';
  return { mapping, source };
}

/** Where clean records go in the check worker: the preview's stage (duplicates only), or the commit's writer. */
export interface RecordSink {
  /** Takes a clean record; returns a duplicate's description instead when it repeats an earlier or stored record. */
  accept(fileIndex: number, record: CheckedRecord): string | null;
}

function noteProblem(found: FileFindings, p: Problem): void {
  found.problemCount++;
  found.problemsByCode[p.code] = (found.problemsByCode[p.code] ?? 0) + 1;
  if (found.problems.length < LIMITS.problems) found.problems.push(p);
}

function duplicateProblem(found: FileFindings, row: number, description: string): Problem {
  return { file: found.file, sheet: found.sheet ?? undefined, row, code: 'DUPLICATE', message: `${ERROR_MESSAGES.DUPLICATE}：${description}`, severity: 'error' };
}

/**
 * What a file's check found, once the sink has looked at its clean rows: rows that repeat an earlier or a stored
 * record become error rows with a DUPLICATE problem (problems stay in row order). The parse worker checks the rows and
 * the check worker finds the duplicates, each on its own core.
 */
export function withDuplicates(found: FileFindings, duplicates: ReadonlyArray<{ row: number; description: string }>): FileFindings {
  if (!duplicates.length) return found;
  for (const d of duplicates) noteProblem(found, duplicateProblem(found, d.row, d.description));
  found.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  found.counts.cleanRows -= duplicates.length;
  found.counts.errorRows += duplicates.length;
  const repeated = new Set(duplicates.map((d) => d.row));
  for (const view of found.sample) if (repeated.has(view.row)) view.ok = false;
  return found;
}

/**
 * Checks one file from the workbook layer's events: works out the sheet's mapping, units and district, reads and
 * checks each row, hands clean rows on, and collects counts, skipped rows, a sample and the problems. Each clean row
 * counts as clean until the check worker finds it repeats another (withDuplicates).
 */
export class FileChecker {
  readonly found: FileFindings;
  private setup: RowSetup | null = null;
  private normalizer: FdiRowNormalizer | null = null;
  private readonly currentPeriod = new Date().toISOString().slice(0, 7);

  constructor(
    private readonly task: FileTask,
    private readonly context: CheckContext,
    private readonly onClean: (draft: FdiRecordDraft) => void,
  ) {
    const { options } = task;
    const givenDistrict = options.district ? context.resolvers.district(options.district) : null;
    if (options.district && !givenDistrict) throw new AppError('DISTRICT_UNKNOWN', `“${options.district}”不在“设置—区县”中`);
    this.found = {
      file: task.name,
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
  }

  private note(p: Problem): void {
    noteProblem(this.found, p);
  }

  /** A sheet was looked at; returns true when its rows will be checked (the commit then opens its batch). */
  sheet(event: { sheet: string; hidden: boolean; layout: TableLayout | null; accepted: boolean }): boolean {
    const { layout } = event;
    this.found.sheets.push({ name: event.sheet, hidden: event.hidden, isData: layout !== null && !event.hidden, headerRow: layout?.headerRows[0] ?? null });
    if (!event.accepted || !layout) return false;
    this.found.sheet = event.sheet;
    this.found.layout = layout;
    this.setup = prepareSheet(this.task, layout, this.found, this.context, this.currentPeriod, (p) => this.note(p));
    if (!this.setup) {
      this.found.fatal = true;
      return false;
    }
    this.normalizer = new FdiRowNormalizer(this.setup);
    return true;
  }

  rows(rows: readonly ClassifiedRow[]): void {
    const { found, normalizer, setup } = this;
    if (!normalizer || !setup) return; // a sheet refused as a whole: its rows are not checked
    for (const { row, skip } of rows) {
      if (skip) {
        found.counts.skippedRows++;
        if (found.skipped.length < LIMITS.skipped) {
          found.skipped.push({ row: row.rowNumber, reason: skip, text: `${SKIP_REASON_ZH[skip]}：${row.cells.map(cellText).filter(Boolean).join(' ').slice(0, 60)}` });
        }
        continue;
      }
      found.counts.dataRows++;
      const { draft, view, problems } = normalizer.normalize(row, found.sample.length < LIMITS.sample);
      for (const p of problems) this.note(p);
      const ok = draft !== null;
      if (draft) this.onClean(draft);
      if (ok) found.counts.cleanRows++;
      else found.counts.errorRows++;
      if (view) found.sample.push({ ...view, ok });
    }
  }

  /** The file has been read to its end: file-level refusals (no table, several data sheets). */
  finish(): FileFindings {
    const { found } = this;
    const { options } = this.task;
    const file = this.task.name;
    if (!found.layout) {
      found.fatal = true;
      if (options.sheet !== undefined && !found.sheets.some((s) => s.name === options.sheet)) {
        this.note(fileProblem(file, options.sheet, 'SHEET_NOT_FOUND', `“${options.sheet}”；文件中的工作表：${found.sheets.map((s) => s.name).join('、')}`));
      } else {
        this.note(fileProblem(file, options.sheet, 'HEADER_NOT_FOUND', `${options.sheet ?? file}的前30行中没有“企业名称、统一社会信用代码、国别、行业、投资方式”等列名`));
      }
    }
    const dataSheets = found.sheets.filter((s) => s.isData);
    if (options.sheet === undefined && dataSheets.length > 1) {
      found.needsSheetChoice = true;
      found.fatal = true;
      this.note(fileProblem(file, undefined, 'SHEET_CHOICE_REQUIRED', dataSheets.map((s) => s.name).join('、')));
    }
    return found;
  }
}

/** Works out the mapping, units, district and default period of an accepted sheet; null when it cannot be read. */
function prepareSheet(
  task: FileTask,
  layout: TableLayout,
  found: FileFindings,
  { resolvers, mappings }: CheckContext,
  currentPeriod: string,
  note: (p: Problem) => void,
): RowSetup | null {
  const file = task.name;
  const { mapping, source } = effectiveMapping(mappings, layout, task.options.mapping);
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
  // units: chosen > the column's header > a line above the table > assumed 万美元 (with a warning); 人民币 units
  // (元/万元/亿元) are converted row by row at the rate of the row's month (normalize.ts)
  const given = task.options.unit as FdiAmountUnit | undefined;
  const headerUnit = (c: number | undefined) => (c === undefined ? null : (layout.columnUnits[c] ?? findCnyUnit(layout.labels[c] ?? '')));
  const lineUnit = layout.unit ?? layout.context.lines.filter((l) => /单位/.test(l)).map(findCnyUnit).find((u) => u !== null) ?? null;
  const unitOf = (field: 'contractedFdi' | 'actualFdi'): FdiAmountUnit | null => {
    const column = columns[field];
    if (column === undefined) return null;
    return given ?? headerUnit(column) ?? lineUnit ?? '万美元';
  };
  found.units = {
    contractedFdi: unitOf('contractedFdi'),
    actualFdi: unitOf('actualFdi'),
    source: given ? 'given' : [columns.contractedFdi, columns.actualFdi].some((c) => headerUnit(c)) ? 'header' : lineUnit ? 'title' : 'assumed',
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
