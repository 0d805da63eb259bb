import type { ProjectPatch } from '../../../../shared/api/projects';
import type { ProjectStage } from '../../../../shared/domain/project';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../shared/errors';
import type { Problem } from '../../../../shared/result';
import { parsePeriod } from '../../../../shared/rules/period';
import { flagFromWord, priorityFromWord, stageFromWord } from '../../../../shared/rules/projectWords';
import { parseAmount, toWan, type AmountUnit } from '../../../../shared/rules/units';
import { amountOutOfRange, yearOutOfRange } from '../../../../shared/rules/bounds';
import { cellText, isBlankCell, type CellValue, type SheetRow } from '../../workbook';
import type { FdiResolvers } from '../../fdi-import/resolve';
import type { ProjectColumnKey } from '../columns';
import type { ProjectLookups } from './lookups';

/** One row of a project list, read and checked. `patch` holds only the fields whose column the file has. */
export interface ProjectRowDraft {
  row: number;
  name: string;
  patch: ProjectPatch;
  /** The stage the row names; null when the column is missing or the cell blank (a new project starts as 线索). */
  stage: ProjectStage | null;
  /** 最近跟进日期 when the file has it: moves the project's last follow-up forward, never back. */
  lastFollowUpDate: string | null;
}

/** The key names are matched by (a file may write （二期） for (二期) or add spaces); the name itself is kept as written. */
export const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** What is fixed for a whole list sheet. */
export interface ListSetup {
  file: string;
  sheet: string;
  mapping: Partial<Record<ProjectColumnKey, number>>;
  labels: readonly string[];
  units: { totalInvestment: AmountUnit; contractedFdi: AmountUnit };
  resolvers: FdiResolvers;
  lookups: ProjectLookups;
}

export type Report = (code: ErrorCode, detail?: string, severity?: 'error' | 'warning') => void;

/** A problem at one cell, in the shape every importer reports. */
export function cellProblem(
  where: { file: string; sheet: string; row: number; column?: string },
  value: CellValue,
  code: ErrorCode,
  detail?: string,
  severity: 'error' | 'warning' = 'error',
): Problem {
  return {
    file: where.file,
    sheet: where.sheet,
    row: where.row,
    column: where.column,
    value: value === null || cellText(value) === '' ? undefined : cellText(value),
    code,
    message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code],
    severity,
  };
}

/**
 * A date cell as YYYY-MM-DD; a month alone (2025年3月) is read as its first day, with a warning. A date outside the
 * plausible years (shared/rules/bounds: up to next year, or further ahead for a `plan`) is an error.
 */
export function readDate(value: CellValue, report: Report, options: { plan?: boolean } = {}): string | null | undefined {
  if (isBlankCell(value)) return null;
  const parsed = parsePeriod(value);
  if (!parsed.ok) {
    report('PERIOD_INVALID', parsed.reason);
    return undefined;
  }
  const outOfRange = yearOutOfRange(Number(parsed.period.slice(0, 4)), options);
  if (outOfRange) {
    report('PERIOD_OUT_OF_RANGE', outOfRange);
    return undefined;
  }
  if (parsed.date) return parsed.date;
  report('PERIOD_INVALID', `只有年月，按${parsed.period}-01记`, 'warning');
  return `${parsed.period}-01`;
}

/** An amount cell in the column's unit, converted to 万美元; undefined after a reported error (unreadable, negative, implausible). */
export function readAmount(value: CellValue, unit: AmountUnit, report: Report): number | null | undefined {
  const parsed = parseAmount(typeof value === 'boolean' || value instanceof Date ? String(value) : value);
  if (!parsed.ok) {
    report(parsed.code);
    return undefined;
  }
  if (parsed.value === null) return null;
  const wan = toWan(parsed.value, unit);
  const outOfRange = amountOutOfRange(wan);
  if (!outOfRange) return wan;
  report('AMOUNT_OUT_OF_RANGE', outOfRange);
  return undefined;
}

export function normalizeProjectRow(row: SheetRow, setup: ListSetup): { draft: ProjectRowDraft | null; problems: Problem[] } {
  const problems: Problem[] = [];
  let failed = false;
  const has = (key: ProjectColumnKey) => setup.mapping[key] !== undefined;
  const cell = (key: ProjectColumnKey): CellValue => (has(key) ? (row.cells[setup.mapping[key]!] ?? null) : null);
  const text = (key: ProjectColumnKey) => cellText(cell(key));
  const reporter =
    (key: ProjectColumnKey): Report =>
    (code, detail, severity = 'error') => {
      if (severity === 'error') failed = true;
      const where = { file: setup.file, sheet: setup.sheet, row: row.rowNumber, column: setup.labels[setup.mapping[key]!] || undefined };
      problems.push(cellProblem(where, cell(key), code, detail, severity));
    };
  const patch: ProjectPatch = {};

  const name = text('name');
  if (!name) reporter('name')('VALUE_MISSING', '项目名称未填写');
  else if (name.length > 200) reporter('name')('INVALID_INPUT', '项目名称超过200字');
  else patch.name = name;

  for (const [key, max] of [['investor', 200], ['ownerUnit', 100], ['ownerPerson', 40], ['leader', 40], ['notes', 2000]] as const) {
    if (!has(key)) continue;
    const value = text(key);
    if (value.length > max) reporter(key)('INVALID_INPUT', `超过${max}字`);
    else patch[key] = value;
  }

  if (has('country')) {
    const value = text('country');
    if (!value) patch.countryCode = null;
    else {
      const found = setup.resolvers.country(value);
      if (found.ok) patch.countryCode = found.value.code;
      else reporter('country')('COUNTRY_UNKNOWN', found.reason);
    }
  }

  // the code names the industry; the name is read only when there is no code
  const industryKey: ProjectColumnKey | null = has('industryCode') && !isBlankCell(cell('industryCode')) ? 'industryCode' : has('industryName') && !isBlankCell(cell('industryName')) ? 'industryName' : null;
  if (industryKey) {
    const raw = cell(industryKey);
    const found = setup.resolvers.industry(typeof raw === 'number' ? raw : cellText(raw));
    if (found.ok) patch.industryCode = found.value.code;
    else reporter(industryKey)('INDUSTRY_UNKNOWN', found.reason);
  } else if (has('industryCode') || has('industryName')) patch.industryCode = null;

  let platformDistrict: number | null = null;
  if (has('platform')) {
    const value = text('platform');
    if (!value) patch.platformId = null;
    else {
      const found = setup.resolvers.platform(value);
      if (found) [patch.platformId, platformDistrict] = [found.id, found.districtId];
      else reporter('platform')('PLATFORM_UNKNOWN', `“${value}”不在“设置—园区”中`);
    }
  }
  if (has('district')) {
    const value = text('district');
    if (!value) patch.districtId = platformDistrict;
    else {
      const found = setup.resolvers.district(value);
      if (found) patch.districtId = found.id;
      else reporter('district')('DISTRICT_UNKNOWN', `“${value}”不在“设置—区县”中`);
    }
  } else if (platformDistrict !== null) patch.districtId = platformDistrict;

  for (const key of ['totalInvestment', 'contractedFdi'] as const) {
    if (!has(key)) continue;
    const amount = readAmount(cell(key), setup.units[key], reporter(key));
    if (amount !== undefined) patch[key] = amount;
  }

  let stage: ProjectStage | null = null;
  if (has('stage') && text('stage')) {
    stage = stageFromWord(text('stage'));
    if (!stage) reporter('stage')('STAGE_UNKNOWN', '可写：线索、洽谈（在谈）、签约、注册（落地）、开工（在建）、投产（竣工投产）、暂停、终止');
  }
  if (has('priority')) {
    const priority = priorityFromWord(text('priority'));
    if (priority) patch.priority = priority;
    else reporter('priority')('PRIORITY_UNKNOWN', '可写：省重点、市重点、一般');
  }
  let flag: boolean | null = null;
  if (has('reinvestment')) {
    flag = flagFromWord(text('reinvestment'));
    if (flag === null) reporter('reinvestment')('FLAG_UNKNOWN');
    else patch.reinvestment = flag;
  }

  for (const key of ['reinvestEnterprise', 'enterprise'] as const) {
    if (!has(key)) continue;
    const value = text(key);
    const field = key === 'enterprise' ? 'enterpriseId' : 'reinvestEnterpriseId';
    if (!value) {
      patch[field] = null;
      continue;
    }
    const found = setup.lookups.enterprise(value);
    if (found) patch[field] = found;
    else {
      patch[field] = null;
      reporter(key)('ENTERPRISE_UNKNOWN', `“${value}”未关联；可先导入企业名录`, 'warning');
    }
  }
  if (patch.reinvestEnterpriseId != null) {
    if (flag === false && text('reinvestment')) reporter('reinvestment')('FLAG_UNKNOWN', '填了再投资企业，是否再投资却为“否”');
    else patch.reinvestment = true;
  }

  for (const key of ['firstContactDate', 'signedDate', 'registeredDate', 'constructionDate', 'operationDate'] as const) {
    if (!has(key)) continue;
    // a stage's date may be planned, years ahead
    const date = readDate(cell(key), reporter(key), { plan: true });
    if (date !== undefined) patch[key] = date;
  }
  const lastFollowUp = has('lastFollowUpDate') ? readDate(cell('lastFollowUpDate'), reporter('lastFollowUpDate')) : null;

  if (has('segments')) {
    const ids: number[] = [];
    for (const label of text('segments').split(/[；;\n]/).map((s) => s.trim()).filter(Boolean)) {
      const found = setup.lookups.segment(label);
      if (found) ids.push(found);
      else reporter('segments')('SEGMENT_UNKNOWN', `“${label}”未关联（写作“产业链/环节”）`, 'warning');
    }
    patch.segmentIds = ids;
  }

  if (failed || !patch.name) return { draft: null, problems };
  return { draft: { row: row.rowNumber, name: patch.name, patch, stage, lastFollowUpDate: lastFollowUp ?? null }, problems };
}
