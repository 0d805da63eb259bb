import type { FdiImportField } from '../../../shared/api/fdiImport';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import type { FdiAmountUnit } from '../../../shared/rules/units';
import type { ColumnAccount } from '../workbook/columns';
import type { PeriodSpan } from '../workbook/context';
import type { TableLayout } from '../workbook/table';
import type { TotalCheck } from '../workbook/totals';
import type { FdiRowView } from './normalize';
import type { UnknownPlace } from './places';

/** How much of a file's findings travel back from the worker. */
export const LIMITS = { problems: 20_000, sample: 50, skipped: 200, head: 25 } as const;

/** Where a file's district came from: chosen for it, its 填报单位 or title, its name, or the run's default. */
export type DistrictSource = 'given' | 'file' | 'fileName' | 'default';

/** A file already imported: its content is a live batch's (same hash), or every row repeats one batch's records. */
export interface AlreadyImported {
  batchId: number;
  fileName: string;
  createdAt: string;
  by: 'hash' | 'rows';
}

/** What one pass over one file found. */
export interface FileFindings {
  file: string;
  sheets: Array<{ name: string; hidden: boolean; isData: boolean; headerRow: number | null }>;
  sheet: string | null;
  needsSheetChoice: boolean;
  layout: TableLayout | null;
  /** The first rows of the sheet read (the data sheet, or the first one), for choosing other header rows. */
  head: Array<{ row: number; cells: string[] }>;
  mapping: Partial<Record<FdiImportField, number | null>>;
  mappingSource: 'detected' | 'remembered' | 'given';
  /** Every non-empty column, imported or not. */
  columns: ColumnAccount[];
  units: { contractedFdi: FdiAmountUnit | null; actualFdi: FdiAmountUnit | null; source: 'given' | 'header' | 'title' | 'assumed' };
  /** The file-level district (a new one has a negative id until committed). */
  district: { id: number; name: string; source: DistrictSource; isNew: boolean } | null;
  /** Records that end up in no district (no column value, no file-level district, no platform's district). */
  districtMissingRows: number;
  /** Records outside the 统计期 the title or 统计期 line names. */
  periodOutsideRows: number;
  period: PeriodSpan | null;
  /** The months of the clean records, first and last. */
  recordPeriods: { from: string; to: string } | null;
  unknownPlaces: UnknownPlace[];
  totals: { checked: number; mismatches: number; checks: TotalCheck[] };
  alreadyImported: AlreadyImported | null;
  counts: { dataRows: number; cleanRows: number; errorRows: number; skippedRows: number };
  skipped: Array<{ row: number; reason: string; text: string }>;
  sample: Array<FdiRowView & { ok: boolean }>;
  /** Every problem up to LIMITS.problems, errors and warnings. */
  problems: Problem[];
  problemCount: number;
  problemsByCode: Record<string, number>;
  /** File-level refusals (no header, missing columns, several data sheets, already imported…). */
  fatal: boolean;
}

export function emptyFindings(file: string): FileFindings {
  return {
    file,
    sheets: [],
    sheet: null,
    needsSheetChoice: false,
    layout: null,
    head: [],
    mapping: {},
    mappingSource: 'detected',
    columns: [],
    units: { contractedFdi: null, actualFdi: null, source: 'assumed' },
    district: null,
    districtMissingRows: 0,
    periodOutsideRows: 0,
    period: null,
    recordPeriods: null,
    unknownPlaces: [],
    totals: { checked: 0, mismatches: 0, checks: [] },
    alreadyImported: null,
    counts: { dataRows: 0, cleanRows: 0, errorRows: 0, skippedRows: 0 },
    skipped: [],
    sample: [],
    problems: [],
    problemCount: 0,
    problemsByCode: {},
    fatal: false,
  };
}

export function fileProblem(
  file: string,
  sheet: string | undefined,
  code: ErrorCode,
  detail?: string,
  severity: 'error' | 'warning' = 'error',
  at: { row?: number; column?: string; value?: string } = {},
): Problem {
  const message = detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code];
  return { file, sheet, ...at, code, message, severity };
}

export function noteProblem(found: FileFindings, p: Problem): void {
  found.problemCount++;
  found.problemsByCode[p.code] = (found.problemsByCode[p.code] ?? 0) + 1;
  if (found.problems.length < LIMITS.problems) found.problems.push(p);
}

/** A row that repeats an earlier record of the run or a stored one (`storedBatch`: the stored record's batch). */
export interface Duplicate {
  row: number;
  description: string;
  storedBatch: number | null;
}

function duplicateProblem(found: FileFindings, d: Duplicate): Problem {
  return { file: found.file, sheet: found.sheet ?? undefined, row: d.row, code: 'DUPLICATE', message: `${ERROR_MESSAGES.DUPLICATE}：${d.description}`, severity: 'error' };
}

/** The batch every row of a file repeats, when each of its data rows (all clean) repeats a record of that one batch. */
function allRowsOf(found: FileFindings, duplicates: readonly Duplicate[]): number | null {
  const { dataRows, errorRows } = found.counts;
  if (dataRows === 0 || errorRows > 0 || duplicates.length !== dataRows) return null;
  const batch = duplicates[0]!.storedBatch;
  return batch !== null && duplicates.every((d) => d.storedBatch === batch) ? batch : null;
}

/**
 * What a file's check found, once the check worker has looked at its clean rows. A file already imported — the same
 * content as a live batch (`sameHash`), or every row a repeat of one batch's records — gets one line saying which
 * batch, instead of a duplicate per row; it is refused whole. Otherwise rows that repeat an earlier or a stored
 * record become error rows with a DUPLICATE problem (problems stay in row order).
 */
export function withDuplicates(
  found: FileFindings,
  duplicates: readonly Duplicate[],
  sameHash: Omit<AlreadyImported, 'by'> | null,
  batchOf: (id: number) => Omit<AlreadyImported, 'by'> | null,
): FileFindings {
  const byRows = sameHash ? null : allRowsOf(found, duplicates);
  const earlier = sameHash ? { ...sameHash, by: 'hash' as const } : byRows !== null ? ((b) => (b ? { ...b, by: 'rows' as const } : null))(batchOf(byRows)) : null;
  if (earlier) {
    found.alreadyImported = earlier;
    found.fatal = true;
    const when = earlier.createdAt.slice(0, 16).replace('T', ' ');
    // the batch number travels as the problem's value: the command line offers to replace that batch
    const line = `已于第 ${earlier.batchId} 批导入（${when}、${earlier.fileName}）`;
    noteProblem(found, fileProblem(found.file, found.sheet ?? undefined, 'ALREADY_IMPORTED', line, 'error', { value: String(earlier.batchId) }));
    return found;
  }
  if (!duplicates.length) return found;
  for (const d of duplicates) noteProblem(found, duplicateProblem(found, d));
  found.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  found.counts.cleanRows -= duplicates.length;
  found.counts.errorRows += duplicates.length;
  const repeated = new Set(duplicates.map((d) => d.row));
  for (const view of found.sample) if (repeated.has(view.row)) view.ok = false;
  return found;
}
