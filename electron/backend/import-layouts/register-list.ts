import type { LayoutChoice } from '../../../shared/api/importLayout';
import type { Problem } from '../../../shared/result';
import type { Db } from '../db/open';
import { cellProblem } from '../projects/import/normalize';
import { fileProblem } from '../projects/import/sheets';
import type { RegisterFindings } from '../projects/import/kinds';
import { scanTables, type SheetRow } from '../workbook';
import type { WorkerControl } from '../workers/serve';
import { readRememberedLayouts } from './remembered';
import { registerScan, RegisterField, RegisterSheet } from './register-sheet';

const MAX_PROBLEMS = 20_000;

/** Collects problems into findings, up to a bound (a file of errors says enough long before every cell is listed). */
export function problemCollector(found: { problems: Problem[] }): (p: Problem) => void {
  return (p) => {
    if (found.problems.length < MAX_PROBLEMS) found.problems.push(p);
  };
}

/** What a register (project list, enterprise register) does its own way; the reading around it is the same. */
export interface RegisterListSpec<K extends string, D extends { row: number }, S> {
  kind: 'projects' | 'enterprises';
  fields: readonly RegisterField[];
  /** The column names the HEADER_NOT_FOUND message gives as examples (项目名称、外方投资者…). */
  headerExamples: string;
  /** The sheet's setup (units, lookups), or null when the file cannot be read as this register (said through `note`). */
  prepare(sheet: RegisterSheet<K>, note: (p: Problem) => void): S | null;
  normalize(row: SheetRow, setup: S): { draft: D | null; problems: Problem[] };
  /** Which rows are the same record: the key, the column that says so and what to call a second one. */
  identity(draft: D): { key: string; column: K; value: string; duplicate(firstRow: number): string };
}

export interface RegisterListFindings<D> extends RegisterFindings {
  drafts: D[];
  /** The first row of each record by its identity key. */
  firstRows: Map<string, number>;
}

/**
 * Reads a register list as bureaus keep it — title and 填报单位 lines, one- or two-row headers, 合计 rows, notes —
 * through the shared workbook layer: the first visible sheet with the register's header (or the sheet chosen), with
 * the header rows and mapping chosen, remembered or detected; every problem collected, a record twice refused as a
 * duplicate, every column accounted for. Nothing is written here.
 */
export async function readRegisterList<K extends string, D extends { row: number }, S>(
  db: Db,
  path: string,
  file: string,
  control: WorkerControl,
  choice: LayoutChoice,
  spec: RegisterListSpec<K, D, S>,
): Promise<RegisterListFindings<D>> {
  const found: RegisterListFindings<D> = {
    file,
    sheet: null,
    drafts: [],
    firstRows: new Map(),
    problems: [],
    counts: { dataRows: 0, errorRows: 0, skippedRows: 0 },
    fatal: false,
    layout: null,
    ignoredColumns: [],
    remember: null,
  };
  const note = problemCollector(found);
  const remembered = readRememberedLayouts(db, spec.kind);
  let sheet: RegisterSheet<K> | null = null;
  let setup: S | null = null;
  let progress = () => 0;
  for await (const event of scanTables(path, spec.fields, registerScan(file, choice, remembered, () => found.sheet !== null))) {
    if (event.type === 'sheet') {
      if (!event.accepted || !event.layout) continue;
      found.sheet = event.sheet;
      progress = event.progress;
      sheet = new RegisterSheet<K>({ ...event, layout: event.layout }, spec.fields, remembered, choice);
      sheet.warnings(file).forEach(note);
      setup = spec.prepare(sheet, note);
      if (!setup) found.fatal = true;
      continue;
    }
    if (!setup || !sheet) continue;
    if (event.type === 'skip') {
      found.counts.skippedRows++;
      continue;
    }
    found.counts.dataRows++;
    const { draft, problems } = spec.normalize(event.row, setup);
    problems.forEach(note);
    if (!draft) found.counts.errorRows++;
    else {
      const id = spec.identity(draft);
      const first = found.firstRows.get(id.key);
      if (first !== undefined) {
        const column = sheet.layout.labels[sheet.columns[id.column]!];
        note(cellProblem({ file, sheet: sheet.layout.sheet, row: draft.row, column }, id.value, 'DUPLICATE', id.duplicate(first)));
        found.counts.errorRows++;
      } else {
        found.firstRows.set(id.key, draft.row);
        found.drafts.push(draft);
      }
    }
    if ((found.counts.dataRows & 127) === 0) {
      control.throwIfCancelled();
      control.progress(progress() * 0.7, `已检查 ${found.counts.dataRows} 行`);
    }
  }
  if (!sheet) {
    found.fatal = true;
    note(fileProblem(file, undefined, 'HEADER_NOT_FOUND', `前30行中没有“${spec.headerExamples}”等列名`));
    return found;
  }
  Object.assign(found, sheet.findings(choice));
  return found;
}
