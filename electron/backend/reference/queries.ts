import type { Country, Division, Industry } from '../../../shared/api/reference';
import type { Db } from '../db/open';
import { normalizeCountryText } from './country-text';

type CountryRow = { code: string; name: string; name_en: string | null; is_region: number };
const toCountry = (r: CountryRow): Country => ({ code: r.code, name: r.name, nameEn: r.name_en, isRegion: r.is_region === 1 });

/**
 * Industries whose code starts with the query (with or without its section letter: `C3670` only finds codes of
 * section C) or whose name contains it.
 */
export function searchIndustries(db: Db, query: string, level: Industry['level'] | undefined, limit: number): Industry[] {
  const q = query.normalize('NFKC').trim().toUpperCase();
  const lettered = /^[A-T]\d{2,4}$/.test(q);
  const code = lettered ? q.slice(1) : q;
  const rows = db
    .prepare(
      `SELECT code, name, level, parent, section FROM ref_industry
       WHERE (code LIKE @prefix OR name LIKE @contains) AND (@level IS NULL OR level = @level)
         AND (@section IS NULL OR section = @section)
       ORDER BY (code = @code) DESC, (code LIKE @prefix) DESC, length(code), code LIMIT @limit`,
    )
    .all({ prefix: `${code}%`, contains: `%${query.trim()}%`, code, level: level ?? null, section: lettered ? q.charAt(0) : null, limit }) as Industry[];
  return rows;
}

/** Resolves a country or region written any way bureau files write it (Chinese name, alias, ISO alpha-2/3). */
export function findCountry(db: Db, text: string): Country | null {
  const key = normalizeCountryText(text);
  if (!key) return null;
  const row = db
    .prepare(
      `SELECT c.code, c.name, c.name_en, c.is_region FROM ref_country_alias a JOIN ref_country c ON c.code = a.code
       WHERE a.alias = ?`,
    )
    .get(key) as CountryRow | undefined;
  if (row) return toCountry(row);
  const alpha2 = db.prepare('SELECT code, name, name_en, is_region FROM ref_country WHERE alpha2 = ?').get(key) as CountryRow | undefined;
  return alpha2 ? toCountry(alpha2) : null;
}

export function listCountries(db: Db): Country[] {
  return (db.prepare('SELECT code, name, name_en, is_region FROM ref_country ORDER BY is_region DESC, code').all() as CountryRow[]).map(toCountry);
}

/**
 * City-level rows of the NBS list that are placeholders, not places: a municipality's 市辖区/县 and a province's
 * 省直辖县级行政区划. Their children are the real divisions.
 */
export const PLACEHOLDER_DIVISIONS: ReadonlySet<string> = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The divisions directly under a code (provinces when null), looking through placeholder levels (北京市 → 东城区…). */
export function childDivisions(db: Db, parent: string | null): Division[] {
  const children = db.prepare('SELECT code, name, level, parent FROM ref_division WHERE parent IS ? ORDER BY code').all(parent) as Division[];
  return children.flatMap((c) => (PLACEHOLDER_DIVISIONS.has(c.name) ? childDivisions(db, c.code) : [c]));
}

export function listCountryGroups(db: Db) {
  const groups = db.prepare('SELECT code, name, note FROM ref_country_group ORDER BY sort').all() as {
    code: string;
    name: string;
    note: string | null;
  }[];
  const members = db.prepare(
    'SELECT country_code AS code, valid_from AS validFrom, valid_to AS validTo FROM ref_country_group_member WHERE group_code = ? ORDER BY country_code',
  );
  return groups.map((g) => ({ ...g, members: members.all(g.code) as { code: string; validFrom: string | null; validTo: string | null }[] }));
}
