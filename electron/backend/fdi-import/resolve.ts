import type { Db } from '../db/open';
import { normalizeCountryText } from '../reference/country-text';
import { childDivisions } from '../reference/queries';
import { readJurisdiction } from '../settings/jurisdiction';
import { readPlaceAliases, type PlaceAliases } from './place-aliases';

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: string };

type IndustryRow = { code: string; name: string; level: string; section: string };
type CountryRow = { code: string; name: string };

/**
 * What the resolvers look names up in: the reference data and the bureau's settings, as plain data (a few thousand
 * rows), so the parse worker gets them without a database connection of its own.
 */
export interface ResolverData {
  industries: IndustryRow[];
  /** Normalised alias (normalizeCountryText) → country. */
  countryAliases: Array<[string, CountryRow]>;
  /** ISO alpha-2 → country. */
  countryAlpha2: Array<[string, CountryRow]>;
  districts: Array<{ id: number; name: string }>;
  platforms: Array<{ id: number; name: string; districtId: number | null }>;
  /** Other names of districts and platforms, confirmed at earlier imports. */
  aliases: PlaceAliases;
  /** The bureau's own area: its name and its county-level divisions (for a new district's code). */
  jurisdiction: { name: string; divisions: Array<{ code: string; name: string }> };
  /** The bureau's 美元/人民币 rates: period (YYYY-MM, or YYYY for the year's average) → 元 per 美元. */
  rates: Array<[string, number]>;
}

export function readResolverData(db: Db): ResolverData {
  return {
    industries: db.prepare('SELECT code, name, level, section FROM ref_industry').all() as IndustryRow[],
    countryAliases: (db.prepare('SELECT a.alias, c.code, c.name FROM ref_country_alias a JOIN ref_country c ON c.code = a.code').all() as Array<CountryRow & { alias: string }>).map(
      ({ alias, code, name }) => [alias, { code, name }],
    ),
    countryAlpha2: (db.prepare('SELECT alpha2, code, name FROM ref_country WHERE alpha2 IS NOT NULL').all() as Array<CountryRow & { alpha2: string }>).map(
      ({ alpha2, code, name }) => [alpha2, { code, name }],
    ),
    districts: db.prepare('SELECT id, name FROM district').all() as Array<{ id: number; name: string }>,
    platforms: db.prepare('SELECT id, name, district_id AS districtId FROM platform').all() as Array<{ id: number; name: string; districtId: number | null }>,
    aliases: readPlaceAliases(db),
    jurisdiction: jurisdictionOf(db),
    rates: db.prepare('SELECT period, rate FROM fx_rate').raw().all() as Array<[string, number]>,
  };
}

function jurisdictionOf(db: Db): ResolverData['jurisdiction'] {
  const { code, name } = readJurisdiction(db);
  return { name, divisions: code ? childDivisions(db, code).map((d) => ({ code: d.code, name: d.name })) : [] };
}

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Looks up what the cells of a return name — countries, industries, districts, platforms — against the reference
 * data and the bureau's settings. Every answer is remembered: a file repeats the same few values many times.
 */
export class FdiResolvers {
  private countries = new Map<string, Resolved<{ code: string; name: string }>>();
  private industries = new Map<string, Resolved<{ code: string; name: string }>>();
  private districtsByName: Map<string, { id: number; name: string }>;
  private platformsByName: Map<string, { id: number; name: string; districtId: number | null }>;
  private industriesByCode: Map<string, IndustryRow>;
  private industriesByName = new Map<string, IndustryRow[]>();
  private countryAliases: Map<string, CountryRow>;
  private countryAlpha2: Map<string, CountryRow>;

  constructor(data: ResolverData) {
    this.industriesByCode = new Map(data.industries.map((r) => [r.code, r]));
    for (const r of data.industries) {
      const named = this.industriesByName.get(r.name);
      if (named) named.push(r);
      else this.industriesByName.set(r.name, [r]);
    }
    this.countryAliases = new Map(data.countryAliases);
    this.countryAlpha2 = new Map(data.countryAlpha2);
    this.districtsByName = new Map();
    for (const d of data.districts) {
      this.districtsByName.set(squash(d.name), d);
      // 江北 for 江北区, 吴江 for 吴江区: files drop the suffix
      const short = squash(d.name).replace(/(?:区|县|市|旗)$/, '');
      if (short.length >= 2 && !this.districtsByName.has(short)) this.districtsByName.set(short, d);
    }
    this.platformsByName = new Map(data.platforms.map((p) => [squash(p.name), p]));
    const districtsById = new Map(data.districts.map((d) => [d.id, d]));
    const platformsById = new Map(data.platforms.map((p) => [p.id, p]));
    for (const [alias, id] of Object.entries(data.aliases.district)) {
      const d = districtsById.get(id);
      if (d && !this.districtsByName.has(squash(alias))) this.districtsByName.set(squash(alias), d);
    }
    for (const [alias, id] of Object.entries(data.aliases.platform)) {
      const p = platformsById.get(id);
      if (p && !this.platformsByName.has(squash(alias))) this.platformsByName.set(squash(alias), p);
    }
    this.rates = new Map(data.rates);
  }

  private readonly rates: Map<string, number>;

  /** The rate for a month: its own average, else its year's; null when the bureau has neither. */
  rate(period: string): number | null {
    return this.rates.get(period) ?? this.rates.get(period.slice(0, 4)) ?? null;
  }

  /** Resolvers over the database's reference data and settings as they are now. */
  static of(db: Db): FdiResolvers {
    return new FdiResolvers(readResolverData(db));
  }

  country(text: string): Resolved<{ code: string; name: string }> {
    let hit = this.countries.get(text);
    if (!hit) {
      const key = normalizeCountryText(text);
      const found = key ? (this.countryAliases.get(key) ?? this.countryAlpha2.get(key)) : undefined;
      hit = found ? { ok: true, value: found } : { ok: false, reason: '不在国别（地区）代码表中，可用中文名称、常用简称或ISO代码' };
      this.countries.set(text, hit);
    }
    return hit;
  }

  /** A GB/T 4754-2017 class (小类) by its 4-digit code, with or without its section letter (`C3670`), or by its name. */
  industry(cell: string | number): Resolved<{ code: string; name: string }> {
    const key = String(cell);
    let hit = this.industries.get(key);
    if (!hit) {
      hit = this.lookUpIndustry(cell);
      this.industries.set(key, hit);
    }
    return hit;
  }

  private lookUpIndustry(cell: string | number): Resolved<{ code: string; name: string }> {
    // a code typed into a number cell loses its leading zero: 111 is 0111
    const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell).padStart(4, '0') : String(cell)) : squash(cell).toUpperCase();
    const coded = text.match(/^([A-T])?(\d{2,4})(.*)$/);
    if (coded) {
      const [, letter, digits] = coded;
      // a 3-digit number is a class code that lost its leading zero (0111 → 111) when saved from a number cell;
      // group codes are refused anyway, since records are by class
      const lostZero = digits!.length === 3 && !letter ? this.industriesByCode.get(`0${digits}`) : undefined;
      const row = lostZero?.level === 'class' ? lostZero : this.industriesByCode.get(digits!);
      if (!row) return { ok: false, reason: `行业代码 ${digits} 不在 GB/T 4754-2017 中` };
      if (letter && row.section !== letter) return { ok: false, reason: `门类字母 ${letter} 与代码 ${row.code}（属门类 ${row.section}）不符` };
      if (row.level !== 'class') return { ok: false, reason: `应填4位行业小类代码（${row.code} ${row.name} 是${levelName(row.level)}）` };
      return { ok: true, value: { code: row.code, name: row.name } };
    }
    const named = this.industriesByName.get(squash(String(cell))) ?? [];
    const cls = named.find((r) => r.level === 'class');
    if (cls) return { ok: true, value: { code: cls.code, name: cls.name } };
    if (named[0]) return { ok: false, reason: `“${named[0].name}”是${levelName(named[0].level)}，应为行业小类` };
    return { ok: false, reason: '不是 GB/T 4754-2017 的行业小类代码或名称' };
  }

  district(text: string): { id: number; name: string } | null {
    return this.districtsByName.get(squash(text)) ?? this.districtsByName.get(squash(text).replace(/(?:区|县|市|旗)$/, '')) ?? null;
  }

  /** The district a file's 填报单位 or title names (`江北区商务局` → 江北区); the longest name wins. */
  districtIn(texts: ReadonlyArray<string | null>): { id: number; name: string } | null {
    let best: { id: number; name: string; len: number } | null = null;
    for (const text of texts) {
      if (!text) continue;
      const plain = squash(text);
      for (const [key, d] of this.districtsByName) {
        if (plain.includes(key) && (!best || key.length > best.len)) best = { ...d, len: key.length };
      }
    }
    return best ? { id: best.id, name: best.name } : null;
  }

  platform(text: string): { id: number; name: string; districtId: number | null } | null {
    return this.platformsByName.get(squash(text)) ?? null;
  }
}

function levelName(level: string): string {
  return ({ section: '门类', division: '大类', group: '中类', class: '小类' } as Record<string, string>)[level] ?? level;
}
