import type { FdiImportField } from '../../../shared/api/fdiImport';
import type { FdiMode } from '../../../shared/domain/fdi';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import { parsePeriod } from '../../../shared/rules/period';
import { parseAmount, toWan, type AmountUnit } from '../../../shared/rules/units';
import { checkUscc, USCC_REASON_ZH } from '../../../shared/rules/uscc';
import { cellText, isBlankCell, type CellValue, type SheetRow } from '../workbook';
import { parseMode } from './fields';
import type { FdiResolvers } from './resolve';

/** One row of a return, read and checked: what gets staged and, once committed, stored. Amounts in 万美元. */
export interface FdiRecordDraft {
  row: number;
  period: string;
  date: string | null;
  enterpriseName: string;
  uscc: string;
  investor: string | null;
  mode: FdiMode;
  contractedFdi: number;
  actualFdi: number;
  industryCode: string;
  countryCode: string;
  districtId: number | null;
  platformId: number | null;
}

/** The row as people will see it in the preview (resolved names, or the raw text when it did not resolve). */
export interface FdiRowView {
  row: number;
  enterpriseName: string;
  uscc: string;
  country: string;
  industry: string;
  mode: string;
  contractedFdi: number | null;
  actualFdi: number | null;
  period: string;
  district: string;
  platform: string;
}

/** What is fixed for a whole table. */
export interface RowSetup {
  file: string;
  sheet: string;
  mapping: Partial<Record<FdiImportField, number>>;
  labels: readonly string[];
  units: { contractedFdi: AmountUnit; actualFdi: AmountUnit };
  /** The file's district (chosen, or named by its 填报单位/title), for rows without a district column. */
  district: { id: number; name: string } | null;
  /** The month of a single-month 统计期, for files without a date column. */
  defaultPeriod: string | null;
  /** This month (YYYY-MM): later periods are flagged. */
  currentPeriod: string;
  resolvers: FdiResolvers;
}

const MODE_ZH: Record<FdiMode, string> = { new: '新设', increase: '增资', merger: '并购', reinvestment: '利润再投资' };

export function normalizeFdiRow(row: SheetRow, setup: RowSetup): { draft: FdiRecordDraft | null; view: FdiRowView; problems: Problem[] } {
  const problems: Problem[] = [];
  let failed = false;
  const cell = (field: FdiImportField): CellValue => {
    const column = setup.mapping[field];
    return column === undefined ? null : (row.cells[column] ?? null);
  };
  const report = (code: ErrorCode, field: FdiImportField | null, value: CellValue, detail?: string, severity: 'error' | 'warning' = 'error') => {
    if (severity === 'error') failed = true;
    const column = field === null ? undefined : setup.mapping[field];
    problems.push({
      file: setup.file,
      sheet: setup.sheet,
      row: row.rowNumber,
      column: column === undefined ? undefined : setup.labels[column] || undefined,
      value: value === null ? undefined : cellText(value),
      code,
      message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code],
      severity,
    });
  };
  const required = (field: FdiImportField): string | null => {
    const value = cell(field);
    if (isBlankCell(value)) {
      report('VALUE_MISSING', field, null, `${setup.labels[setup.mapping[field]!] || field}未填写`);
      return null;
    }
    return cellText(value);
  };

  const enterpriseName = required('enterpriseName');
  const investorCell = cell('investor');
  const investor = isBlankCell(investorCell) ? null : cellText(investorCell);

  let uscc: string | null = null;
  const usccCell = cell('uscc');
  if (typeof usccCell === 'number') {
    report('USCC_INVALID', 'uscc', usccCell, '被存成了数字，末几位已丢失；请把该列设为文本后重新填写');
  } else if (required('uscc') !== null) {
    const check = checkUscc(cellText(usccCell));
    if (!check.valid) report('USCC_INVALID', 'uscc', usccCell, USCC_REASON_ZH[check.reason]);
    else {
      uscc = check.code;
      for (const w of check.warnings) report(w, 'uscc', usccCell, undefined, 'warning');
    }
  }

  let countryCode: string | null = null;
  let countryView = cellText(cell('country'));
  const countryText = required('country');
  if (countryText !== null) {
    const found = setup.resolvers.country(countryText);
    if (found.ok) [countryCode, countryView] = [found.value.code, found.value.name];
    else report('COUNTRY_UNKNOWN', 'country', cell('country'), found.reason);
  }

  let industryCode: string | null = null;
  let industryView = cellText(cell('industry'));
  const industryCell = cell('industry');
  if (required('industry') !== null) {
    const found = setup.resolvers.industry(industryCell as string | number);
    if (found.ok) [industryCode, industryView] = [found.value.code, `${found.value.code} ${found.value.name}`];
    else report('INDUSTRY_UNKNOWN', 'industry', industryCell, found.reason);
  }

  let mode: FdiMode | null = null;
  let modeView = cellText(cell('mode'));
  const modeText = required('mode');
  if (modeText !== null) {
    mode = parseMode(modeText);
    if (mode) modeView = MODE_ZH[mode];
    else report('MODE_UNKNOWN', 'mode', cell('mode'), '应为 新设/增资/并购/利润再投资（或 新设立、追加投资、股权并购、境内再投资）');
  }

  const amount = (field: 'contractedFdi' | 'actualFdi'): number | null => {
    const value = cell(field);
    const parsed = parseAmount(typeof value === 'string' || typeof value === 'number' || value === null ? value : cellText(value));
    if (!parsed.ok) {
      report(parsed.code, field, value, parsed.code === 'AMOUNT_NEGATIVE' ? '核减请另行处理，不能填负数' : '应为数字');
      return null;
    }
    return parsed.value === null ? null : toWan(parsed.value, setup.units[field]);
  };
  const contracted = amount('contractedFdi');
  const actual = amount('actualFdi');
  if (contracted === null && actual === null && !failed) report('AMOUNT_MISSING', null, null, undefined, 'warning');

  let period: string | null = setup.defaultPeriod;
  let date: string | null = null;
  if (setup.mapping.period !== undefined) {
    const value = cell('period');
    if (isBlankCell(value) && setup.defaultPeriod) period = setup.defaultPeriod;
    else {
      const parsed = parsePeriod(value);
      if (parsed.ok) [period, date] = [parsed.period, parsed.date];
      else {
        period = null;
        report(isBlankCell(value) ? 'VALUE_MISSING' : 'PERIOD_INVALID', 'period', value, parsed.reason);
      }
    }
  }
  if (period && period > setup.currentPeriod) report('PERIOD_FUTURE', 'period', cell('period'), `${period} 晚于本月`, 'warning');

  let platformId: number | null = null;
  let platformDistrict: number | null = null;
  const platformCell = cell('platform');
  if (!isBlankCell(platformCell)) {
    const found = setup.resolvers.platform(cellText(platformCell));
    if (found) [platformId, platformDistrict] = [found.id, found.districtId];
    else report('PLATFORM_UNKNOWN', 'platform', platformCell, '请先在“设置—园区”中添加，或把该列设为不导入');
  }

  let districtId = setup.district?.id ?? platformDistrict;
  let districtView = setup.district?.name ?? '';
  const districtCell = cell('district');
  if (!isBlankCell(districtCell)) {
    const found = setup.resolvers.district(cellText(districtCell));
    if (found) [districtId, districtView] = [found.id, found.name];
    else report('DISTRICT_UNKNOWN', 'district', districtCell, '请先在“设置—区县”中添加，或把该列设为不导入');
  }

  const view: FdiRowView = {
    row: row.rowNumber,
    enterpriseName: enterpriseName ?? '',
    uscc: uscc ?? cellText(usccCell),
    country: countryView,
    industry: industryView,
    mode: modeView,
    contractedFdi: contracted,
    actualFdi: actual,
    period: period ?? cellText(cell('period')),
    district: districtView,
    platform: cellText(platformCell),
  };
  if (failed || !enterpriseName || !uscc || !countryCode || !industryCode || !mode || !period) return { draft: null, view, problems };
  return {
    draft: {
      row: row.rowNumber,
      period,
      date,
      enterpriseName,
      uscc,
      investor,
      mode,
      contractedFdi: contracted ?? 0,
      actualFdi: actual ?? 0,
      industryCode,
      countryCode,
      districtId,
      platformId,
    },
    view,
    problems,
  };
}
