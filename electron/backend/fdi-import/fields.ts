import { FDI_IMPORT_FIELDS, type FdiImportField } from '../../../shared/api/fdiImport';
import type { FdiMode } from '../../../shared/domain/fdi';
import { parsePeriod } from '../../../shared/rules/period';
import { cellText, type CellValue, type FieldSpec } from '../workbook';
import { ZONE_LIKE } from './name-match';
import type { FdiResolvers } from './resolve';

/** Header wordings seen in bureau returns, best first (issue 3 lists the common ones). */
const SYNONYMS: Record<FdiImportField, readonly string[]> = {
  enterpriseName: ['企业名称', '外商投资企业名称', '外资企业名称', '企业（项目）名称', '单位名称', '公司名称', '项目名称', '企业'],
  uscc: ['统一社会信用代码', '社会信用代码', '统一信用代码', '信用代码', '统一代码'],
  investor: ['外方投资者', '外国投资者', '境外投资者', '外方投资者名称', '投资者名称', '投资方', '外方股东', '投资者'],
  country: ['国别（地区）', '国别地区', '国别', '投资者国别（地区）', '投资者国别', '外方国别', '来源地', '资金来源地', '外资来源地', '国家（地区）', '国家/地区', '国家或地区'],
  industry: ['行业代码', '国民经济行业代码', '所属行业代码', '行业分类代码', '国民经济行业', '所属行业', '行业分类', '行业名称', '行业'],
  mode: ['投资方式', '设立方式', '外资方式', '投资类型', '方式'],
  contractedFdi: ['合同外资', '合同外资金额', '合同外资额', '协议外资', '新增合同外资', '合同利用外资'],
  actualFdi: ['实际使用外资', '实际使用外资金额', '实际到资', '实到外资', '实际到位外资', '到位外资', '实际利用外资', '实际外资', '实际使用外资额'],
  period: ['到资日期', '到资时间', '到账日期', '统计月份', '月份', '所属月份', '年月', '统计期', '报告期', '所属期', '日期', '批准日期', '设立日期', '登记日期'],
  district: ['所属区县', '区县', '县（市、区）', '县市区', '所在区县', '属地', '地区'],
  platform: ['所属园区', '园区', '所属开发区', '开发区', '所在园区', '平台', '载体', '功能区'],
};

const REQUIRED: ReadonlySet<FdiImportField> = new Set(['enterpriseName', 'uscc', 'country', 'industry', 'mode']);

export const FDI_FIELD_SPECS: readonly FieldSpec[] = (Object.keys(FDI_IMPORT_FIELDS) as FdiImportField[]).map((key) => ({
  key,
  label: FDI_IMPORT_FIELDS[key],
  synonyms: SYNONYMS[key],
  required: REQUIRED.has(key),
}));

const text = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');

/** What the cells of each field look like, to find a column whose header no list foresaw (see recogniseByContent). */
function contentTests(resolvers: FdiResolvers): Partial<Record<FdiImportField, (v: CellValue) => boolean>> {
  return {
    enterpriseName: (v) => /(?:有限公司|有限责任公司|股份公司|集团|公司)$/.test(text(v)),
    uscc: (v) => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(text(v).toUpperCase()),
    country: (v) => text(v) !== '' && !/^\d+$/.test(text(v)) && resolvers.country(text(v)).ok,
    // codes typed as text, or whole numbers in a code's range: amounts are far more often decimals
    industry: (v) => (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 9999)) && resolvers.industry(v).ok,
    mode: (v) => parseMode(text(v)) !== null,
    period: (v) => v instanceof Date || (typeof v === 'string' && parsePeriod(v).ok),
    district: (v) => resolvers.district(text(v)) !== null || (/^[\u4e00-\u9fff]{2,10}(?:区|县|市|旗)$/.test(text(v)) && !ZONE_LIKE.test(text(v))),
    platform: (v) => resolvers.platform(text(v)) !== null || ZONE_LIKE.test(cellText(v)),
  };
}

/** The fields with content tests against this run's reference data and settings (the parse worker's specs). */
export function fdiFieldSpecs(resolvers: FdiResolvers): FieldSpec[] {
  const tests = contentTests(resolvers);
  return FDI_FIELD_SPECS.map((spec) => ({ ...spec, looksLike: tests[spec.key as FdiImportField] }));
}

/**
 * Wordings of the investment mode, normalised (NFKC, no spaces, brackets as written), → mode code. 利润再投资 (a foreign
 * investor's profits reinvested: FDI) and 境内再投资 (a foreign-invested enterprise investing in China: not FDI by
 * the national definition) are different modes; a bare 再投资 could be either and is refused (AMBIGUOUS_MODE_WORDS).
 */
const MODE_WORDS: Record<string, FdiMode> = {
  新设: 'new', 新设立: 'new', 新设企业: 'new', 新批: 'new', 新设外资企业: 'new', new: 'new',
  增资: 'increase', 追加投资: 'increase', 增资扩股: 'increase', 增资扩产: 'increase', increase: 'increase',
  并购: 'merger', 股权并购: 'merger', 外资并购: 'merger', 收购: 'merger', 资产并购: 'merger', merger: 'merger',
  利润再投资: 'profit_reinvestment', 未分配利润再投资: 'profit_reinvestment', 外方利润再投资: 'profit_reinvestment',
  外国投资者利润再投资: 'profit_reinvestment', 境外投资者利润再投资: 'profit_reinvestment', 利润转增资本: 'profit_reinvestment',
  profit_reinvestment: 'profit_reinvestment',
  // the code this app used for 利润再投资 before the two were told apart
  reinvestment: 'profit_reinvestment',
  境内再投资: 'domestic_reinvestment', 外商投资企业境内再投资: 'domestic_reinvestment', 外资企业境内再投资: 'domestic_reinvestment',
  外商投资企业再投资: 'domestic_reinvestment', 境内投资: 'domestic_reinvestment',
  domestic_reinvestment: 'domestic_reinvestment',
};

const MODES = new Map(Object.entries(MODE_WORDS));
const normalizeModeWord = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Words that name reinvestment without saying whose: not guessed, the row is refused with a reason. */
const AMBIGUOUS_MODE_WORDS = new Set(['再投资', '再投入', '投资再投资']);

export function parseMode(text: string): FdiMode | null {
  // most cells hold one of the wordings exactly: only the others are normalised
  return MODES.get(text) ?? MODES.get(normalizeModeWord(text)) ?? null;
}

/** Why a mode word was not read: ambiguous between the two reinvestments, or not a mode word at all. */
export function modeProblem(text: string): string {
  return AMBIGUOUS_MODE_WORDS.has(normalizeModeWord(text))
    ? '“再投资”分不清是利润再投资（外国投资者以利润再投资）还是境内再投资（外商投资企业在境内投资），请写明'
    : '应为 新设/增资/并购/利润再投资/境内再投资（或 新设立、追加投资、股权并购、未分配利润再投资、外商投资企业境内再投资）';
}
