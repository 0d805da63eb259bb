/**
 * Names of 区县 and 园区 as returns write them, against the ones a bureau has set up: the abbreviations bureaus use
 * (经开区 ↔ 经济技术开发区, 高新区 ↔ 高新技术产业开发区, 综保区 ↔ 综合保税区, 自贸片区 ↔ 自由贸易试验区…片区), with or
 * without the city's name; the type a new 园区 has by its name; and the district a 填报单位 line, a title or a file
 * name names.
 */
import type { PlatformType } from '../../../shared/domain/platform';

export type PlaceKind = 'district' | 'platform';

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Zone words, longest first, each with the token its abbreviation shares. */
const ZONE_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/经济技术开发区|经开区/g, '#经开'],
  [/高新技术产业开发区|高新技术产业园区|高新技术开发区|高新区/g, '#高新'],
  [/综合保税区|综保区/g, '#综保'],
  [/保税港区/g, '#保税港'],
  [/边境经济合作区|跨境经济合作区|边合区/g, '#边合'],
  [/经济开发区/g, '#经济开发'],
];

/** `中国(江苏)自由贸易试验区苏州片区`, `自贸试验区苏州片区`, `苏州自贸片区`, `苏州片区` → `苏州#自贸`. */
function ftzForm(name: string): string | null {
  const m =
    name.match(/^(?:中国\([^)]*\))?(?:自由贸易试验区|自贸试验区|自贸区)(.+?)片区$/) ??
    name.match(/^(.+?)(?:自由贸易试验区|自贸试验区|自贸区|自贸)片区$/) ??
    name.match(/^(.+?)片区$/);
  return m ? `${m[1]}#自贸` : null;
}

/** A platform name reduced to what its abbreviations share: `江海经开区` and `江海经济技术开发区` → `江海#经开`. */
export function platformKey(name: string): string {
  const plain = squash(name).replace(/（/g, '(').replace(/）/g, ')');
  const ftz = ftzForm(plain);
  if (ftz) return ftz;
  return ZONE_WORDS.reduce((text, [pattern, token]) => text.replace(pattern, token), plain);
}

/** A district name without its level word: `吴江区` → `吴江`, `昆山市` → `昆山`. */
export function districtKey(name: string): string {
  const plain = squash(name);
  return plain.length > 2 ? plain.replace(/(?:自治县|自治旗|区|县|市|旗)$/, '') : plain;
}

/** The city names a bureau's own area goes by (`江苏省苏州市` → 江苏省, 苏州市, 江苏, 苏州), longest first. */
export function cityNames(jurisdictionName: string): string[] {
  const parts = jurisdictionName.match(/.+?(?:省|自治区|市|盟)/g) ?? [];
  const names = new Set<string>();
  for (const p of parts) {
    names.add(p);
    const bare = p.replace(/(?:省|自治区|市|盟)$/, '');
    if (bare.length >= 2) names.add(bare);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

function withoutCity(key: string, cities: readonly string[]): string {
  for (const c of cities) if (key.startsWith(c) && key.length > c.length) return key.slice(c.length);
  return key;
}

export interface Proposal {
  id: number;
  name: string;
  /** The same name once abbreviations and the city's name are set aside; otherwise a guess to confirm. */
  confident: boolean;
}

/**
 * The known 区县 or 园区 a name most likely means, or null. The same key (abbreviations expanded, the city's name
 * dropped) is a confident match; a name that ends a known one's key (`经开区` for `江海经济技术开发区`) is one when it
 * is the only candidate, a guess otherwise. A name with a place of its own (`江海高新区`) never means another
 * place's zone.
 */
export function proposeMatch(kind: PlaceKind, name: string, known: ReadonlyArray<{ id: number; name: string }>, cities: readonly string[] = []): Proposal | null {
  const keyOf = (n: string) => withoutCity(kind === 'platform' ? platformKey(n) : districtKey(n), cities);
  const key = keyOf(name);
  if (!key) return null;
  const exact = known.filter((k) => keyOf(k.name) === key);
  if (exact.length) return { id: exact[0]!.id, name: exact[0]!.name, confident: exact.length === 1 };
  if (kind !== 'platform' || !key.includes('#')) return null;
  const token = key.slice(key.indexOf('#'));
  const near = known.filter((k) => {
    const other = keyOf(k.name);
    return other.endsWith(token) && other.endsWith(key);
  });
  return near.length ? { id: near[0]!.id, name: near[0]!.name, confident: near.length === 1 } : null;
}

/** The type a 园区 has by its name; `other` when its name does not say. */
export function inferPlatformType(name: string): PlatformType {
  const n = squash(name);
  if (/自由贸易试验区|自贸试验区|自贸区|自贸片区|片区$/.test(n)) return 'ftz_area';
  if (/综合保税区|综保区|保税港区|保税区|保税物流园区/.test(n)) return 'bonded_zone';
  if (/边境经济合作区|跨境经济合作区|边合区/.test(n)) return 'border_zone';
  if (/高新技术产业开发区|高新技术产业园区|高新技术开发区|高新区/.test(n)) return 'hitech_zone';
  if (/经济技术开发区|经开区/.test(n)) return 'national_etdz';
  if (/经济开发区|开发区|工业园区|工业集中区/.test(n)) return 'provincial_dz';
  return 'other';
}

/** What level a county-level division's name says: 区, 县, 县级市, 旗. */
export type DistrictType = 'district' | 'county' | 'county_city' | 'banner' | 'other';

export function inferDistrictType(name: string): DistrictType {
  const n = squash(name);
  if (/区$/.test(n)) return 'district';
  if (/县$/.test(n)) return 'county';
  if (/市$/.test(n)) return 'county_city';
  if (/旗$/.test(n)) return 'banner';
  return 'other';
}

/** Names of zones, not districts, though they end in 区. */
export const ZONE_LIKE = /开发区|园区|保税|片区|高新区|经开区|合作区|试验区|自贸/;
/** Words that end like a district's name and are none: 全市, 本区, 辖区, 地区, 社区… */
const NOT_A_DISTRICT = /^(?:[全本各我该辖城郊社小景街地市])(?:区|县|市|旗)$|地区$/;

/**
 * The county-level name a 填报单位 line, a title or a file name gives (`江北区商务局`, `吴江区2025年1-3月.xlsx`,
 * `苏州市吴江区商务局` → 吴江区); names of zones do not count, nor `exclude` (the bureau's own city). Null if none.
 */
export function districtNameIn(text: string, exclude: readonly string[] = []): string | null {
  const plain = squash(text).replace(/\.[a-z]+$/i, '');
  const found: string[] = [];
  for (const m of plain.matchAll(/[\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|新区|区|县|旗|市)(?!场)/g)) {
    let name = m[0];
    // `苏州市吴江区` matches as one: the city part goes
    for (const c of exclude) if (name.startsWith(c) && name.length > c.length) name = name.slice(c.length);
    const city = name.match(/^[\u4e00-\u9fff]{2,4}市(.+)$/);
    if (city && /(?:区|县|旗)$/.test(city[1]!)) name = city[1]!;
    if (name.length >= 2 && !ZONE_LIKE.test(name) && !NOT_A_DISTRICT.test(name) && !exclude.includes(name)) found.push(name);
  }
  // a 区/县/旗 over a city: `苏州市吴江区` names 吴江区
  return found.find((n) => !/市$/.test(n)) ?? found[0] ?? null;
}
