import type { PlanEntry } from '../../../../shared/api/projects';
import type { Problem } from '../../../../shared/result';
import { parsePeriod } from '../../../../shared/rules/period';
import { yearOutOfRange } from '../../../../shared/rules/bounds';
import type { Db } from '../../db/open';
import { FdiResolvers } from '../../fdi-import/resolve';
import { cellText, isBlankCell, scanTables, type TableLayout } from '../../workbook';
import type { WorkerControl } from '../../workers/serve';
import type { LayoutChoice } from '../../../../shared/api/importLayout';
import { problemCollector, readRegisterList, type RegisterListFindings } from '../../import-layouts/register-list';
import type { RegisterSheet } from '../../import-layouts/register-sheet';
import { PLAN_COLUMNS, PLAN_SHEET, type ProjectColumnKey } from '../columns';
import { projectFieldSpecs } from './fields';
import { ProjectLookups } from './lookups';
import { cellProblem, nameKey, normalizeProjectRow, readAmount, type ListSetup, type ProjectRowDraft } from './normalize';
import { amountUnit, fieldSpecs, fileProblem } from './sheets';

const PLAN_FIELDS = fieldSpecs(PLAN_COLUMNS, ['name', 'period', 'amount']);

export interface ListFindings extends RegisterListFindings<ProjectRowDraft> {
  /** Planned arrival by project name key (nameKey), when the workbook has a 计划到资 sheet. */
  plans: Map<string, PlanEntry[]> | null;
}

/**
 * Reads a project list through the shared register reader: the first visible sheet with a project header is the
 * list; a sheet with 项目名称/月份/计划到资 columns is the planned arrival. Nothing is written here.
 */
export async function readProjectList(db: Db, path: string, file: string, control: WorkerControl, choice: LayoutChoice = {}): Promise<ListFindings> {
  const resolvers = FdiResolvers.of(db);
  const lookups = new ProjectLookups(db);
  const list = await readRegisterList<ProjectColumnKey, ProjectRowDraft, ListSetup>(db, path, file, control, choice, {
    kind: 'projects',
    fields: projectFieldSpecs(resolvers),
    headerExamples: '项目名称、外方投资者、国别、项目阶段',
    prepare: (sheet, note) => prepareList(sheet, file, resolvers, lookups, note),
    normalize: normalizeProjectRow,
    identity: (draft) => ({ key: nameKey(draft.name), column: 'name', value: draft.name, duplicate: (first) => `与第${first}行的项目同名` }),
  });
  const found: ListFindings = { ...list, plans: null };
  if (!found.fatal) await readPlans(path, file, found, found.firstRows, problemCollector(found), control);
  return found;
}

function prepareList(sheet: RegisterSheet<ProjectColumnKey>, file: string, resolvers: FdiResolvers, lookups: ProjectLookups, note: (p: Problem) => void): ListSetup | null {
  const { layout, columns: mapping } = sheet;
  if (mapping.name === undefined) {
    note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '找不到“项目名称”列'));
    return null;
  }
  const unitOf = (key: 'totalInvestment' | 'contractedFdi') => (mapping[key] === undefined ? '万美元' : amountUnit(layout, mapping[key]!, note, file));
  const total = unitOf('totalInvestment');
  const contracted = unitOf('contractedFdi');
  if (!total || !contracted) return null;
  return { file, sheet: layout.sheet, mapping, labels: layout.labels, units: { totalInvestment: total, contractedFdi: contracted }, resolvers, lookups };
}

/** The 计划到资 sheet, if any: rows name a project of the list, a month and an amount. */
async function readPlans(path: string, file: string, found: ListFindings, names: Map<string, number>, note: (p: Problem) => void, control: WorkerControl): Promise<void> {
  let layout: TableLayout | null = null;
  let unit: ReturnType<typeof amountUnit> = null;
  for await (const event of scanTables(path, PLAN_FIELDS, {
    fileName: file,
    minFields: 3,
    accept: ({ name, hidden, layout: l }) => !!l && name !== found.sheet && (name === PLAN_SHEET || !hidden) && layout === null,
  })) {
    if (event.type === 'sheet') {
      if (!event.accepted || !event.layout) continue;
      layout = event.layout;
      found.plans = new Map();
      unit = amountUnit(layout, layout.mapping.amount!, note, file);
      if (!unit) found.fatal = true;
      continue;
    }
    if (event.type !== 'row' || !layout || !unit || !found.plans) continue;
    const { row } = event;
    const at = (key: string) => row.cells[layout!.mapping[key]!] ?? null;
    const where = (key: string) => ({ file, sheet: layout!.sheet, row: row.rowNumber, column: layout!.labels[layout!.mapping[key]!] });
    let bad = false;
    const report = (key: string) => (code: Parameters<typeof cellProblem>[2], detail?: string, severity: 'error' | 'warning' = 'error') => {
      if (severity === 'error') bad = true;
      note(cellProblem(where(key), at(key), code, detail, severity));
    };
    const name = cellText(at('name'));
    const key = nameKey(name);
    if (!name) report('name')('VALUE_MISSING', '项目名称未填写');
    else if (!names.has(key)) report('name')('NOT_FOUND', '计划到资表中的项目不在项目清单中');
    const period = isBlankCell(at('period')) ? null : parsePeriod(at('period'));
    if (!period) report('period')('VALUE_MISSING', '月份未填写');
    else if (!period.ok) report('period')('PERIOD_INVALID', period.reason);
    else {
      const outOfRange = yearOutOfRange(Number(period.period.slice(0, 4)), { plan: true });
      if (outOfRange) report('period')('PERIOD_OUT_OF_RANGE', outOfRange);
    }
    const amount = readAmount(at('amount'), unit, report('amount'));
    if (amount === null) report('amount')('VALUE_MISSING', '计划到资金额未填写');
    if (bad || !period?.ok || amount === null || amount === undefined) {
      found.counts.errorRows++;
      continue;
    }
    const list = found.plans.get(key) ?? [];
    if (list.some((p) => p.period === period.period)) {
      report('period')('DUPLICATE', `“${name}”的 ${period.period} 已有一行`);
      found.counts.errorRows++;
      continue;
    }
    list.push({ period: period.period, amount });
    found.plans.set(key, list);
    control.throwIfCancelled();
  }
}
