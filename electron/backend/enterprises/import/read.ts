import type { EnterprisePatch } from '../../../../shared/api/enterprises';
import type { Problem } from '../../../../shared/result';
import { checkUscc, USCC_REASON_ZH } from '../../../../shared/rules/uscc';
import type { AmountUnit } from '../../../../shared/rules/units';
import type { Db } from '../../db/open';
import { FdiResolvers } from '../../fdi-import/resolve';
import { cellProblem, nameKey, readAmount, readDate, type Report } from '../../projects/import/normalize';
import { amountUnit, fileProblem } from '../../projects/import/sheets';
import type { LayoutChoice } from '../../../../shared/api/importLayout';
import { readRegisterList, type RegisterListFindings } from '../../import-layouts/register-list';
import { enterpriseFieldSpecs } from './fields';
import { cellText, isBlankCell, type CellValue, type SheetRow, type TableLayout } from '../../workbook';
import type { WorkerControl } from '../../workers/serve';
import type { EnterpriseColumnKey } from '../columns';

/** One row of an enterprise list: blank cells are left out of `patch` (an import fills in, it does not erase). */
export interface EnterpriseRowDraft {
  row: number;
  name: string;
  uscc: string | null;
  patch: EnterprisePatch;
}

export type EnterpriseFindings = RegisterListFindings<EnterpriseRowDraft>;

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

/** Reads an enterprise list (the register's export, or a bureau's own roster) through the shared register reader. */
export async function readEnterpriseList(db: Db, path: string, file: string, control: WorkerControl, choice: LayoutChoice = {}): Promise<EnterpriseFindings> {
  const resolvers = FdiResolvers.of(db);
  return readRegisterList<EnterpriseColumnKey, EnterpriseRowDraft, Setup>(db, path, file, control, choice, {
    kind: 'enterprises',
    fields: enterpriseFieldSpecs(resolvers),
    headerExamples: '企业名称、统一社会信用代码、国别',
    prepare(sheet, note) {
      const { layout, columns: mapping } = sheet;
      if (mapping.name === undefined) {
        note(fileProblem(file, layout.sheet, 'COLUMN_MISSING', '找不到“企业名称”列'));
        return null;
      }
      const unit = mapping.registeredCapital === undefined ? '万美元' : amountUnit(layout, mapping.registeredCapital, note, file);
      return unit ? { file, layout, mapping, unit, resolvers } : null;
    },
    normalize: normalizeRow,
    // the same enterprise: by its USCC, else by its name
    identity: (draft) =>
      draft.uscc
        ? { key: draft.uscc, column: 'uscc', value: draft.uscc, duplicate: (first) => `与第${first}行是同一家企业` }
        : { key: `name:${nameKey(draft.name)}`, column: 'name', value: draft.name, duplicate: (first) => `与第${first}行是同一家企业` },
  });
}
