import type { FdiImportOptions } from '../../../shared/api/fdiImport';
import type { Problem } from '../../../shared/result';
// the table and cell modules only: the check worker must not load the .xlsx reader, the parse worker's business
import { cellText, columnLetter, type SheetRow } from '../workbook/cells';
import { accountColumns } from '../workbook/columns';
import type { ClassifiedRow } from '../workbook/scan';
import { SKIP_REASON_ZH, type TableLayout } from '../workbook/table';
import { emptyFindings, fileProblem, LIMITS, noteProblem, type Duplicate, type FileFindings } from './findings';
import { FdiRowNormalizer, type FdiRecordDraft, type RowSetup } from './normalize';
import type { UnknownPlace } from './places';
import type { CheckedRecord } from './record-keys';
import { prepareSheet, type CheckContext } from './sheet-setup';

export { LIMITS, type FileFindings } from './findings';
export type { CheckContext } from './sheet-setup';

export interface FileTask {
  path: string;
  name: string;
  options: FdiImportOptions;
}

/** Where clean records go in the check worker: the preview's stage (duplicates only), or the commit's writer. */
export interface RecordSink {
  /** Takes a clean record; returns what it repeats instead when it repeats an earlier or stored record. */
  accept(fileIndex: number, record: CheckedRecord): Omit<Duplicate, 'row'> | null;
}

const KIND_ZH = { district: '区县', platform: '园区' } as const;

/** The one problem an unknown name gets in a file (a commit not allowed to add it refuses its rows). */
function unknownPlaceProblem(file: string, sheet: string | undefined, u: UnknownPlace): Problem {
  const guess = u.proposal ? `；可能是：${u.proposal.name}` : '';
  const where = u.firstRow === null ? '本文件所属的区县' : `共 ${u.rows} 行`;
  const detail = `“${u.name}”还没有在“设置”中登记（${where}${guess}）`;
  return fileProblem(file, sheet, u.kind === 'district' ? 'DISTRICT_UNKNOWN' : 'PLATFORM_UNKNOWN', detail, 'error', {
    row: u.firstRow ?? undefined,
    column: u.firstRow === null ? undefined : KIND_ZH[u.kind],
    value: u.name,
  });
}

/**
 * Checks one file from the workbook layer's events: works out the sheet's mapping, units and district, reads and
 * checks each row, hands clean rows on, and collects counts, skipped rows, a sample, the file's totals against its
 * rows, the names it uses that are not set up, every column's fate, and the problems. Each clean row counts as clean
 * until the check worker finds it repeats another (withDuplicates).
 */
export class FileChecker {
  readonly found: FileFindings;
  private setup: RowSetup | null = null;
  private normalizer: FdiRowNormalizer | null = null;
  private dataColumns: () => number[] = () => [];
  private readonly currentPeriod = new Date().toISOString().slice(0, 7);

  constructor(
    private readonly task: FileTask,
    private readonly context: CheckContext,
    private readonly onClean: (draft: FdiRecordDraft) => void,
  ) {
    this.found = emptyFindings(task.name);
  }

  private note(p: Problem): void {
    noteProblem(this.found, p);
  }

  /** A sheet was looked at; returns true when its rows will be checked (the commit then opens its batch). */
  sheet(event: { sheet: string; hidden: boolean; layout: TableLayout | null; accepted: boolean; head: readonly SheetRow[]; dataColumns: () => number[] }): boolean {
    const { layout, head } = event;
    const { found } = this;
    found.sheets.push({ name: event.sheet, hidden: event.hidden, isData: layout !== null && !event.hidden, headerRow: layout?.headerRows[0] ?? null });
    const chosen = this.task.options.sheet;
    if (event.accepted || (!found.head.length && !event.hidden && (chosen === undefined || chosen === event.sheet))) {
      found.head = head.slice(0, LIMITS.head).map((r) => ({ row: r.rowNumber, cells: r.cells.map((c) => cellText(c).slice(0, 40)) }));
    }
    if (!event.accepted || !layout) return false;
    found.sheet = event.sheet;
    found.layout = layout;
    this.dataColumns = event.dataColumns;
    this.setup = prepareSheet(this.task, layout, found, this.context, this.currentPeriod, (p) => this.note(p));
    if (!this.setup) {
      found.fatal = true;
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
        if (skip === 'total') setup.totals.total(row);
        found.counts.skippedRows++;
        if (found.skipped.length < LIMITS.skipped) {
          found.skipped.push({ row: row.rowNumber, reason: skip, text: `${SKIP_REASON_ZH[skip]}：${row.cells.map(cellText).filter(Boolean).join(' ').slice(0, 60)}` });
        }
        continue;
      }
      found.counts.dataRows++;
      setup.totals.detail(row.cells);
      const { draft, view, problems } = normalizer.normalize(row, found.sample.length < LIMITS.sample);
      for (const p of problems) this.note(p);
      if (draft) {
        this.onClean(draft);
        found.counts.cleanRows++;
      } else found.counts.errorRows++;
      if (view) found.sample.push({ ...view, ok: draft !== null });
    }
  }

  /** The file has been read to its end: file-level findings and refusals (no table, several data sheets…). */
  finish(): FileFindings {
    const { found } = this;
    const { options } = this.task;
    const file = this.task.name;
    const sheet = found.sheet ?? undefined;
    if (this.setup && this.normalizer) this.finishSheet(this.setup, this.normalizer);
    found.unknownPlaces = this.context.places.endFile().map((u) => (u.firstRow === null ? { ...u, rows: found.counts.dataRows } : u));
    for (const u of found.unknownPlaces) if (u.action === 'refuse') this.note(unknownPlaceProblem(file, sheet, u));
    if (found.layout) {
      const { columns } = accountColumns(found.layout.labels, found.mapping, this.dataColumns(), found.layout.matchedBy);
      found.columns = columns;
    }
    if (!found.layout) {
      found.fatal = true;
      if (options.sheet !== undefined && !found.sheets.some((s) => s.name === options.sheet)) {
        this.note(fileProblem(file, options.sheet, 'SHEET_NOT_FOUND', `“${options.sheet}”；文件中的工作表：${found.sheets.map((s) => s.name).join('、')}`));
      } else if (options.headerRows?.length) {
        this.note(fileProblem(file, options.sheet, 'HEADER_NOT_FOUND', `所选的第 ${options.headerRows.join('、')} 行中没有可识别的列名`));
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

  private finishSheet(setup: RowSetup, normalizer: FdiRowNormalizer): void {
    const { found } = this;
    const file = this.task.name;
    setup.totals.finish();
    const { checks, checked, mismatches } = setup.totals;
    found.totals = { checked, mismatches, checks };
    const unit = [...new Set([found.units.contractedFdi, found.units.actualFdi].filter(Boolean))].join('、');
    for (const c of checks.filter((k) => !k.ok)) {
      const what = c.kind === 'sub' ? '小计行' : '合计行';
      const difference = Math.abs(Math.round((c.stated - c.computed) * 1e6) / 1e6);
      const detail = `第 ${c.row} 行${what} ${columnLetter(c.column + 1)} 列“${c.header}”为 ${c.stated}，它所合计的明细行之和为 ${c.computed}（相差 ${difference}，单位：${unit}）`;
      this.note(fileProblem(file, setup.sheet, 'TOTAL_MISMATCH', detail, 'warning', { row: c.row, column: c.header, value: String(c.stated) }));
    }
    found.districtMissingRows = normalizer.noDistrict;
    found.periodOutsideRows = normalizer.outsidePeriod;
    found.recordPeriods = normalizer.firstPeriod && normalizer.lastPeriod ? { from: normalizer.firstPeriod, to: normalizer.lastPeriod } : null;
    // a file refused as a whole (its own district refused, say) says why once, not as records without a district too
    if (normalizer.noDistrict > 0 && !found.fatal) {
      const why = found.mapping.district != null ? '区县列为空，且' : '文件中没有区县列，';
      this.note(fileProblem(file, setup.sheet, 'DISTRICT_MISSING', `${normalizer.noDistrict} 条记录不归属任何区县（${why}填报单位、标题和文件名中也没有区县名称）；可在导入时指定区县`, 'warning'));
    }
  }
}
