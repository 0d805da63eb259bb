import type { FdiImportField } from '../../../shared/api/fdiImport';
import { FDI_MODES, type FdiMode } from '../../../shared/domain/fdi';
import { ERROR_MESSAGES, type ErrorCode } from '../../../shared/errors';
import type { Problem } from '../../../shared/result';
import { parsePeriod } from '../../../shared/rules/period';
import { cnyToWan, isCnyUnit, parseAmount, toWan, type FdiAmountUnit } from '../../../shared/rules/units';
import { amountOutOfRange, MAX_AMOUNT_WAN, plausibleYears } from '../../../shared/rules/bounds';
import { checkUscc, USCC_REASON_ZH } from '../../../shared/rules/uscc';
import { cellText, isBlankCell, type CellValue, type SheetRow } from '../workbook/cells';
import type { TotalsCheck } from '../workbook/totals';
import { modeProblem, parseMode } from './fields';
import type { PlaceBook } from './places';
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
  units: { contractedFdi: FdiAmountUnit; actualFdi: FdiAmountUnit };
  /** The file's district (chosen, or named by its 填报单位/title), for rows without a district column. */
  district: { id: number; name: string } | null;
  /** The month of a single-month 统计期, for files without a date column. */
  defaultPeriod: string | null;
  /** The 统计期 the title or 统计期 line names: records outside it are flagged. */
  period: { from: string; to: string } | null;
  /** This month (YYYY-MM): later periods are flagged. */
  currentPeriod: string;
  resolvers: FdiResolvers;
  /** Districts and platforms, known or new. */
  places: PlaceBook;
  /** The file's 合计/小计 rows against its detail rows (fed by the checker). */
  totals: TotalsCheck;
}


export interface NormalizedRow {
  /** The record, or null when the row has an error. */
  draft: FdiRecordDraft | null;
  /** Only when asked for (the preview shows the first rows). */
  view: FdiRowView | null;
  /** Errors and warnings; empty for most rows. */
  problems: Problem[];
}

const NO_PROBLEMS: Problem[] = [];

/**
 * Reads and checks rows of one table. A class rather than a function with closures: it runs for every row of
 * million-row files, so nothing is allocated per row that a clean row does not need.
 */
export class FdiRowNormalizer {
  private problems: Problem[] = NO_PROBLEMS;
  private failed = false;
  private row: SheetRow = { sheet: '', rowNumber: 0, cells: [] };
  /** Dates repeat across a return's rows (a few hundred days): each is read once. */
  private readonly periodsOfDates = new Map<number, ReturnType<typeof parsePeriod>>();
  /** Records in no district, and outside the 统计期. */
  noDistrict = 0;
  outsidePeriod = 0;
  /** The first and last month of the clean records. */
  firstPeriod: string | null = null;
  lastPeriod: string | null = null;

  /** Periods from FIRST_YEAR to the end of next year are plausible (see shared/rules/bounds). */
  private readonly periodBounds: { first: string; last: string; reason: string };

  constructor(private readonly setup: RowSetup) {
    const years = plausibleYears({ today: new Date(Number(setup.currentPeriod.slice(0, 4)), 6, 1) });
    this.periodBounds = { first: `${years.first}-01`, last: `${years.last}-12`, reason: years.message };
  }

  private period(value: CellValue): ReturnType<typeof parsePeriod> {
    if (!(value instanceof Date)) return parsePeriod(value);
    let parsed = this.periodsOfDates.get(value.getTime());
    if (!parsed) {
      parsed = parsePeriod(value);
      if (this.periodsOfDates.size < 10_000) this.periodsOfDates.set(value.getTime(), parsed);
    }
    return parsed;
  }

  private cell(field: FdiImportField): CellValue {
    const column = this.setup.mapping[field];
    return column === undefined ? null : (this.row.cells[column] ?? null);
  }

  private report(code: ErrorCode, field: FdiImportField | null, value: CellValue, detail?: string, severity: 'error' | 'warning' = 'error'): void {
    if (severity === 'error') this.failed = true;
    if (this.problems === NO_PROBLEMS) this.problems = [];
    const column = field === null ? undefined : this.setup.mapping[field];
    this.problems.push({
      file: this.setup.file,
      sheet: this.setup.sheet,
      row: this.row.rowNumber,
      column: column === undefined ? undefined : this.setup.labels[column] || undefined,
      value: value === null ? undefined : cellText(value),
      code,
      message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code],
      severity,
    });
  }

  /** The cell's text, or null (and a VALUE_MISSING error) when it is blank. */
  private required(field: FdiImportField): string | null {
    const value = this.cell(field);
    if (isBlankCell(value)) {
      this.report('VALUE_MISSING', field, null, `${this.setup.labels[this.setup.mapping[field]!] || field}未填写`);
      return null;
    }
    return cellText(value);
  }

  /** An amount cell in 万美元; 人民币 at the rate of the row's month (`period`, null when it did not parse). */
  private amount(field: 'contractedFdi' | 'actualFdi', period: string | null): number | null {
    const value = this.cell(field);
    const parsed = parseAmount(typeof value === 'string' || typeof value === 'number' || value === null ? value : cellText(value));
    if (!parsed.ok) {
      this.report(parsed.code, field, value, parsed.code === 'AMOUNT_NEGATIVE' ? '核减请另行处理，不能填负数' : '应为数字');
      return null;
    }
    if (parsed.value === null) return null;
    const unit = this.setup.units[field];
    let wan: number | undefined;
    if (isCnyUnit(unit)) {
      if (period === null) return null; // the month is reported already
      const rate = this.setup.resolvers.rate(period);
      if (rate === null) {
        this.report('RATE_MISSING', field, value, `${period} 的金额以${unit}填报，需先在“外资统计—统计设置—汇率”中填写该月或该年的美元兑人民币汇率`);
        return null;
      }
      wan = cnyToWan(parsed.value, unit, rate);
    } else {
      // the common case, 万美元 with at most 4 decimals, needs no rounding; toWan does the general one
      if (unit === '万美元') {
        const scaled = parsed.value * 1e4;
        const whole = Math.round(scaled);
        if (Math.abs(scaled - whole) < 1e-6) wan = whole / 1e4;
      }
      wan ??= toWan(parsed.value, unit);
    }
    // also false for a number too long to be finite
    if (wan <= MAX_AMOUNT_WAN) return wan;
    this.report('AMOUNT_OUT_OF_RANGE', field, value, amountOutOfRange(wan)!);
    return null;
  }

  normalize(row: SheetRow, wantView: boolean): NormalizedRow {
    const { setup } = this;
    this.row = row;
    this.problems = NO_PROBLEMS;
    this.failed = false;

    const enterpriseName = this.required('enterpriseName');
    const investorCell = this.cell('investor');
    const investor = isBlankCell(investorCell) ? null : cellText(investorCell);

    let uscc: string | null = null;
    const usccCell = this.cell('uscc');
    if (typeof usccCell === 'number') {
      this.report('USCC_INVALID', 'uscc', usccCell, '被存成了数字，末几位已丢失；请把该列设为文本后重新填写');
    } else if (this.required('uscc') !== null) {
      const check = checkUscc(cellText(usccCell));
      if (!check.valid) this.report('USCC_INVALID', 'uscc', usccCell, USCC_REASON_ZH[check.reason]);
      else {
        uscc = check.code;
        for (const w of check.warnings) this.report(w, 'uscc', usccCell, undefined, 'warning');
      }
    }

    let country: { code: string; name: string } | null = null;
    const countryText = this.required('country');
    if (countryText !== null) {
      const found = setup.resolvers.country(countryText);
      if (found.ok) country = found.value;
      else this.report('COUNTRY_UNKNOWN', 'country', this.cell('country'), found.reason);
    }

    let industry: { code: string; name: string } | null = null;
    const industryCell = this.cell('industry');
    if (this.required('industry') !== null) {
      const found = setup.resolvers.industry(industryCell as string | number);
      if (found.ok) industry = found.value;
      else this.report('INDUSTRY_UNKNOWN', 'industry', industryCell, found.reason);
    }

    let mode: FdiMode | null = null;
    const modeText = this.required('mode');
    if (modeText !== null) {
      mode = parseMode(modeText);
      if (!mode) this.report('MODE_UNKNOWN', 'mode', this.cell('mode'), modeProblem(modeText));
    }

    let period: string | null = setup.defaultPeriod;
    let date: string | null = null;
    if (setup.mapping.period !== undefined) {
      const value = this.cell('period');
      if (!(isBlankCell(value) && setup.defaultPeriod)) {
        const parsed = this.period(value);
        if (parsed.ok) [period, date] = [parsed.period, parsed.date];
        else {
          period = null;
          this.report(isBlankCell(value) ? 'VALUE_MISSING' : 'PERIOD_INVALID', 'period', value, parsed.reason);
        }
      }
    }
    if (period && (period < this.periodBounds.first || period > this.periodBounds.last)) {
      this.report('PERIOD_OUT_OF_RANGE', 'period', this.cell('period'), this.periodBounds.reason);
      period = null;
    } else if (period && period > setup.currentPeriod) this.report('PERIOD_FUTURE', 'period', this.cell('period'), `${period} 晚于本月`, 'warning');
    const span = setup.period;
    if (period && span && (period < span.from || period > span.to)) {
      this.outsidePeriod++;
      this.report('PERIOD_OUTSIDE', 'period', this.cell('period'), `${period} 不在表上写的统计期（${span.from} 至 ${span.to}）内`, 'warning');
    }

    const contracted = this.amount('contractedFdi', period);
    const actual = this.amount('actualFdi', period);
    if (contracted === null && actual === null && !this.failed) this.report('AMOUNT_MISSING', null, null, undefined, 'warning');

    // a name not set up yet is the PlaceBook's: listed once, added or matched, or (not allowed) the row refused
    let platformId: number | null = null;
    let platformDistrict: number | null = null;
    const platformCell = this.cell('platform');
    if (!isBlankCell(platformCell)) {
      const found = setup.places.platform(cellText(platformCell), row.rowNumber, setup.district?.id ?? null);
      if (found) [platformId, platformDistrict] = [found.id, found.districtId];
      else this.failed = true;
    }

    let districtId = setup.district?.id ?? platformDistrict;
    let districtName = setup.district?.name ?? '';
    const districtCell = this.cell('district');
    if (!isBlankCell(districtCell)) {
      const found = setup.places.district(cellText(districtCell), row.rowNumber);
      if (found) [districtId, districtName] = [found.id, found.name];
      else this.failed = true;
    }

    const view: FdiRowView | null = wantView
      ? {
          row: row.rowNumber,
          enterpriseName: enterpriseName ?? '',
          uscc: uscc ?? cellText(usccCell),
          country: country?.name ?? cellText(this.cell('country')),
          industry: industry ? `${industry.code} ${industry.name}` : cellText(industryCell),
          mode: mode ? FDI_MODES[mode] : cellText(this.cell('mode')),
          contractedFdi: contracted,
          actualFdi: actual,
          period: period ?? cellText(this.cell('period')),
          district: districtName,
          platform: cellText(platformCell),
        }
      : null;
    const problems = this.problems;
    if (this.failed || !enterpriseName || !uscc || !country || !industry || !mode || !period) return { draft: null, view, problems };
    if (districtId === null) this.noDistrict++;
    if (this.firstPeriod === null || period < this.firstPeriod) this.firstPeriod = period;
    if (this.lastPeriod === null || period > this.lastPeriod) this.lastPeriod = period;
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
        industryCode: industry.code,
        countryCode: country.code,
        districtId,
        platformId,
      },
      view,
      problems,
    };
  }
}
