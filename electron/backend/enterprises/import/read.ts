import type { EnterprisePatch } from '../../../../shared/api/enterprises';
import type { Problem } from '../../../../shared/result';
import { checkUscc, USCC_REASON_ZH } from '../../../../shared/rules/uscc';
import type { AmountUnit } from '../../../../shared/rules/units';
import type { Db } from '../../db/open';
import { FdiResolvers } from '../../fdi-import/resolve';
import { cellProblem, nameKey, readAmount, readDate, type Report } from '../../projects/import/normalize';
import { amountUnit, fileProblem } from '../../projects/import/sheets';
import type { RegisterFindings } from '../../projects/import/kinds';
import type { LayoutChoice } from '../../../../shared/api/importLayout';
import { readRememberedLayouts } from '../../import-layouts/remembered';
import { registerScan, RegisterSheet } from '../../import-layouts/register-sheet';
import { enterpriseFieldSpecs } from './fields';
import { cellText, isBlankCell, scanTables, type CellValue, type SheetRow, type TableLayout } from '../../workbook';
import type { WorkerControl } from '../../workers/serve';
import type { EnterpriseColumnKey } from '../columns';

const MAX_PROBLEMS = 20_000;

/** One row of an enterprise list: blank cells are left out of `patch` (an import fills in, it does not erase). */
export interface EnterpriseRowDraft {
  row: number;
  name: string;
  uscc: string | null;
  patch: EnterprisePatch;
}

export interface EnterpriseFindings extends RegisterFindings {
  drafts: EnterpriseRowDraft[];
}

interface Setup {
  file: string;
  layout: TableLayout;
  mapping: Partial<Record<EnterpriseColumnKey, number>>;
  unit: AmountUnit;
  resolvers: FdiResolvers;
}

function normalizeRow(row: SheetRow, s: Setup): { draft: EnterpriseRowDraft | null; problems: Problem[] } {
  const problems: Problem[] = [];
  let failed = false;
  const has = (k: EnterpriseColumnKey) => s.mapping[k] !== undefined;
  const cell = (k: EnterpriseColumnKey): CellValue => (has(k) ? (row.cells[s.mapping[k]!] ?? null) : null);
  const text = (k: EnterpriseColumnKey) => cellText(cell(k));
  const filled = (k: EnterpriseColumnKey) => has(k) && !isBlankCell(cell(k));
  const report =
    (k: EnterpriseColumnKey): Report =>
    (code, detail, severity = 'error') => {
      if (severity === 'error') failed = true;
      problems.push(cellProblem({ file: s.file, sheet: s.layout.sheet, row: row.rowNumber, column: s.layout.labels[s.mapping[k]!] || undefined }, cell(k), code, detail, severity));
    };
  const patch: EnterprisePatch = {};
  const name = text('name');
  if (!name) report('name')('VALUE_MISSING', '企业名称未填写');
  else patch.name = name;
  let uscc: string | null = null;
  if (filled('uscc')) {
    const raw = cell('uscc');
    if (typeof raw === 'number') report('uscc')('USCC_INVALID', '被存成了数字，末几位已丢失；请把该列设为文本后重新填写');
    else {
      const check = checkUscc(cellText(raw));
      if (!check.valid) report('uscc')('USCC_INVALID', USCC_REASON_ZH[check.reason]);
      else {
        uscc = check.code;
        patch.uscc = uscc;
        for (const w of check.warnings) report('uscc')(w, undefined, 'warning');
      }
    }
  }
  for (const [k, max] of [['investor', 200], ['notes', 2000]] as const) {
    if (!filled(k)) continue;
    if (text(k).length > max) report(k)('INVALID_INPUT', `超过${max}字`);
    else patch[k] = text(k);
  }
  if (filled('country')) {
    const found = s.resolvers.country(text('country'));
    if (found.ok) patch.countryCode = found.value.code;
    else report('country')('COUNTRY_UNKNOWN', found.reason);
  }
  const industryKey = filled('industryCode') ? 'industryCode' : filled('industryName') ? 'industryName' : null;
  if (industryKey) {
    const raw = cell(industryKey);
    const found = s.resolvers.industry(typeof raw === 'number' ? raw : cellText(raw));
    if (found.ok) patch.industryCode = found.value.code;
    else report(industryKey)('INDUSTRY_UNKNOWN', found.reason);
  }
  if (filled('platform')) {
    const found = s.resolvers.platform(text('platform'));
    if (found) {
      patch.platformId = found.id;
      if (found.districtId !== null) patch.districtId = found.districtId;
    } else report('platform')('PLATFORM_UNKNOWN', `“${text('platform')}”不在“设置—园区”中`);
  }
  if (filled('district')) {
    const found = s.resolvers.district(text('district'));
    if (found) patch.districtId = found.id;
    else report('district')('DISTRICT_UNKNOWN', `“${text('district')}”不在“设置—区县”中`);
  }
  if (filled('registeredCapital')) {
    const amount = readAmount(cell('registeredCapital'), s.unit, report('registeredCapital'));
    if (amount !== undefined && amount !== null) patch.registeredCapital = amount;
  }
  if (filled('foreignShare')) {
    const share = readShare(cell('foreignShare'), report('foreignShare'));
    if (share !== undefined) patch.foreignShare = share;
  }
  if (filled('setupDate')) {
    const date = readDate(cell('setupDate'), report('setupDate'));
    if (date) patch.setupDate = date;
  }
  if (failed || !name) return { draft: null, problems };
  return { draft: { row: row.rowNumber, name, uscc, patch }, problems };
}

/**
 * A foreign share in per cent (81, 81%, ８１％). A fraction below 1 is what a cell formatted as a percentage holds
 * (0.81 shown as 81%): it is read as that percentage, with a warning saying so.
 */
function readShare(value: CellValue, report: Report): number | undefined {
  const text = typeof value === 'number' ? String(value) : cellText(value).normalize('NFKC').trim();
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 100) {
    report('INVALID_INPUT', '外资比例应为大于0、不超过100的百分数');
    return undefined;
  }
  if (n < 1 && !match![2]) {
    report('INVALID_INPUT', `按 ${+(n * 100).toFixed(4)}% 读取（单元格是百分比格式时存的是小数）`, 'warning');
    return +(n * 100).toFixed(4);
  }
  return n;
}

/** Reads an enterprise list (the register's export, or a bureau's own roster) through the shared workbook layer. */
export async function readEnterpriseList(db: Db, path: string, file: string, control: WorkerControl, choice: LayoutChoice = {}): Promise<EnterpriseFindings> {
  const found: EnterpriseFindings = { file, sheet: null, drafts: [], problems: [], counts: { dataRows: 0, errorRows: 0, skippedRows: 0 }, fatal: false, layout: null, ignoredColumns: [], remember: null };
  const note = (p: Problem) => {
    if (found.problems.length < MAX_PROBLEMS) found.problems.push(p);
  };
  const resolvers = FdiResolvers.of(db);
  const fields = enterpriseFieldSpecs(resolvers);
  const remembered = readRememberedLayouts(db, 'enterprises');
  let sheet: RegisterSheet<EnterpriseColumnKey> | null = null;
  let setup: Setup | null = null;
  let progress = () => 0;
  const seen = new Map<string, number>();
  for await (const event of scanTables(path, fields, registerScan(file, choice, remembered, () => found.sheet !== null))) {
    if (event.type === 'sheet') {
      if (!event.accepted || !event.layout) continue;
      found.sheet = event.sheet;
      progress = event.progress;
      sheet = new RegisterSheet<EnterpriseColumnKey>({ ...event, layout: event.layout }, fields, remembered, choice);
      sheet.warnings(file).forEach(note);
      const { layout, columns: mapping } = sheet;
      if (mapping.name === undefined) {
        note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '找不到“企业名称”列'));
        found.fatal = true;
        continue;
      }
      const unit = mapping.registeredCapital === undefined ? '万美元' : amountUnit(layout, mapping.registeredCapital, note, file);
      if (!unit) found.fatal = true;
      else setup = { file, layout, mapping, unit, resolvers };
      continue;
    }
    if (!setup) continue;
    if (event.type === 'skip') {
      found.counts.skippedRows++;
      continue;
    }
    found.counts.dataRows++;
    const { draft, problems } = normalizeRow(event.row, setup);
    problems.forEach(note);
    if (!draft) {
      found.counts.errorRows++;
      continue;
    }
    const key = draft.uscc ?? `name:${nameKey(draft.name)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const column = setup.layout.labels[setup.mapping[draft.uscc ? 'uscc' : 'name']!];
      note(cellProblem({ file, sheet: setup.layout.sheet, row: draft.row, column }, draft.uscc ?? draft.name, 'DUPLICATE', `与第${first}行是同一家企业`));
      found.counts.errorRows++;
      continue;
    }
    seen.set(key, draft.row);
    found.drafts.push(draft);
    if ((found.counts.dataRows & 127) === 0) {
      control.throwIfCancelled();
      control.progress(progress() * 0.7, `已检查 ${found.counts.dataRows} 行`);
    }
  }
  if (!sheet) {
    found.fatal = true;
    note(fileProblem(file, undefined, 'HEADER_NOT_FOUND', '前30行中没有“企业名称、统一社会信用代码、国别”等列名'));
    return found;
  }
  Object.assign(found, sheet.findings(choice));
  return found;
}
