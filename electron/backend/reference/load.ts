import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import type { Db } from '../db/open';
import { ALL_MONTHS, markStatsDirty } from '../stats/summary/dirty';
import { refreshPolicyIndustry } from '../policy/industry';
import { normalizeCountryText } from './country-text';

/** Each data set's version. Bump one when its file changes: databases holding an older version reload it. */
export const VERSIONS = {
  industries: 'GB/T 4754-2017 (2019 amendment) r1',
  divisions: 'NBS 2023-06-30 r1',
  countries: 'ISO 3166-1 / i18n-iso-countries 7.14.0 + aliases r2',
  countryGroups: 'groups 2025-10 r2',
  hightech: 'manufacturing 2017 + services 2018 r1',
  lists: 'lists r1',
  scopes: 'excl-finance 2021-10 r1',
  negativeList: '外商投资准入负面清单 2024 (national) r1',
} as const;
export type Dataset = keyof typeof VERSIONS;

/** Regions that the statistics list separately from countries, with the names the returns use. */
const REGION_NAMES: Record<string, string> = { HKG: '中国香港', MAC: '中国澳门', TWN: '中国台湾' };

function readCsv(dir: string, file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
}

let localesRegistered = false;
function registerLocales(): void {
  if (localesRegistered) return;
  const require = createRequire(import.meta.url);
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  localesRegistered = true;
}

const loaders: Record<Dataset, (db: Db, dir: string) => number> = {
  industries(db, dir) {
    // Upserted, not deleted and reinserted: enterprises, records and projects point at these codes.
    const upsert = db.prepare(
      `INSERT INTO ref_industry (code, name, level, parent, section) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent,
         section = excluded.section`,
    );
    const rows = readCsv(dir, 'gbt4754-2017-industries.csv');
    for (const r of rows) upsert.run(r.code, r.name, r.level, r.parent || null, r.section);
    removeDropped(db, 'ref_industry', rows.map((r) => r.code!));
    return rows.length;
  },
  divisions(db, dir) {
    db.exec('DELETE FROM ref_division');
    const insert = db.prepare('INSERT INTO ref_division (code, name, level, parent) VALUES (?, ?, ?, ?)');
    const rows = readCsv(dir, 'admin-divisions-2023.csv');
    for (const r of rows) insert.run(r.code, r.name, r.level, r.parent || null);
    return rows.length;
  },
  countries(db, dir) {
    registerLocales();
    const upsert = db.prepare(
      `INSERT INTO ref_country (code, name, name_en, alpha2, is_region) VALUES (@code, @name, @nameEn, @alpha2, @isRegion)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, alpha2 = excluded.alpha2,
         is_region = excluded.is_region`,
    );
    const alpha3 = countries.getAlpha3Codes() as Record<string, string>;
    let n = 0;
    for (const [code, alpha2] of Object.entries(alpha3)) {
      const name = REGION_NAMES[code] ?? countries.getName(alpha2, 'zh') ?? code;
      upsert.run({ code, name, nameEn: countries.getName(alpha2, 'en') ?? null, alpha2, isRegion: code in REGION_NAMES ? 1 : 0 });
      n++;
    }
    db.exec('DELETE FROM ref_country_alias');
    const alias = db.prepare('INSERT OR REPLACE INTO ref_country_alias (alias, code) VALUES (?, ?)');
    // Every country's codes and every Chinese and English name the package knows for it (`Korea, Republic of` as well
    // as `South Korea`) resolve too, so the alias file only lists what differs. A name two countries share (`Congo`)
    // is left out: it must not resolve to either.
    const names = new Map<string, string | null>();
    const add = (text: string, code: string) => {
      const key = normalizeCountryText(text);
      if (key) names.set(key, names.has(key) && names.get(key) !== code ? null : code);
    };
    for (const row of db.prepare('SELECT code, name, alpha2 FROM ref_country').all() as { code: string; name: string; alpha2: string }[]) {
      for (const text of [row.code, row.alpha2, row.name]) add(text, row.code);
      for (const lang of ['zh', 'en']) for (const text of countries.getName(row.alpha2, lang, { select: 'all' }) ?? []) add(text, row.code);
    }
    for (const [key, code] of names) if (code) alias.run(key, code);
    for (const r of readCsv(dir, 'country-aliases-zh.csv')) alias.run(normalizeCountryText(r.alias!), r.iso3);
    return n;
  },
  // groups the bureau edited in the app (ref_list.edited_at) keep their members; the others are replaced
  countryGroups(db, dir) {
    const edited = editedLists(db, 'group:');
    const keep = (code: string | undefined) => edited.has(code ?? '');
    for (const g of db.prepare('SELECT code FROM ref_country_group').pluck().all() as string[]) {
      if (keep(g)) continue;
      db.prepare('DELETE FROM ref_country_group_member WHERE group_code = ?').run(g);
      db.prepare('DELETE FROM ref_country_group WHERE code = ?').run(g);
    }
    const group = db.prepare(
      'INSERT INTO ref_country_group (code, name, note, sort) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET sort = excluded.sort',
    );
    readCsv(dir, 'country-groups.csv').forEach((r, i) => group.run(r.group, r.name_zh, r.note || null, i));
    const member = db.prepare('INSERT INTO ref_country_group_member (group_code, country_code, valid_from, valid_to) VALUES (?, ?, ?, ?)');
    const rows = readCsv(dir, 'country-group-members.csv').filter((r) => !keep(r.group));
    for (const r of rows) member.run(r.group, r.iso3, r.valid_from || null, r.valid_to || null);
    return rows.length;
  },
  hightech(db, dir) {
    const edited = editedLists(db, 'hightech:');
    const insert = db.prepare('INSERT OR IGNORE INTO ref_hightech (kind, ht_code, ht_name, industry_code, partial) VALUES (?, ?, ?, ?, ?)');
    let n = 0;
    for (const [kind, file] of [['manufacturing', 'hightech-manufacturing-2017.csv'], ['services', 'hightech-services-2018.csv']] as const) {
      if (edited.has(kind)) continue;
      db.prepare('DELETE FROM ref_hightech WHERE kind = ?').run(kind);
      for (const r of readCsv(dir, file)) {
        insert.run(kind, r.ht_code, r.ht_name, r.gbt4754_code, Number(r.partial || 0));
        n++;
      }
    }
    markStatsDirty(db, ALL_MONTHS);
    return n;
  },
  // where each editable list comes from and its version; a list the bureau edited keeps its own
  lists(db, dir) {
    const upsert = db.prepare(
      `INSERT INTO ref_list (list, name, source, version) VALUES (?, ?, ?, ?)
       ON CONFLICT (list) DO UPDATE SET name = excluded.name, source = excluded.source, version = excluded.version WHERE edited_at IS NULL`,
    );
    const rows = readCsv(dir, 'reference-lists.csv');
    for (const r of rows) upsert.run(r.list, r.name, r.source, r.version);
    return rows.length;
  },
  scopes(db, dir) {
    if (editedLists(db, 'scope:').has('excl-finance')) return 0;
    db.prepare("DELETE FROM ref_scope_division WHERE scope = 'excl-finance'").run();
    const insert = db.prepare("INSERT INTO ref_scope_division (scope, division) VALUES ('excl-finance', ?)");
    const rows = readCsv(dir, 'scope-excl-finance.csv');
    for (const r of rows) insert.run(r.division);
    markStatsDirty(db, ALL_MONTHS);
    return rows.length;
  },
  negativeList(db, dir) {
    // the bureau's corrections (policy_mapping_edit) are kept: they are applied over whatever version is shipped
    const measures = readCsv(dir, 'negative-list-2024.csv');
    for (const edition of new Set(measures.map((r) => r.edition!))) db.prepare('DELETE FROM ref_negative_measure WHERE edition = ?').run(edition);
    const measure = db.prepare(
      `INSERT INTO ref_negative_measure (edition, version, no, section, text, kind, restriction, equity_cap, restriction_note, text_source, text_check)
       VALUES (@edition, @version, @no, @section, @text, @kind, @restriction, @equity_cap, @restriction_note, @text_source, @text_check)`,
    );
    for (const r of measures) measure.run({ ...r, no: Number(r.no), restriction: r.restriction || null, equity_cap: r.equity_cap ? Number(r.equity_cap) : null });
    const mapping = db.prepare('INSERT INTO ref_negative_measure_class (edition, no, industry_code, coverage, mapping_basis, note) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of readCsv(dir, 'negative-list-2024-classes.csv')) mapping.run(r.edition, Number(r.no), r.gbt4754_code, r.coverage, r.mapping_basis, r.note ?? '');
    return measures.length;
  },
};

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Data sets whose tables a later migration makes: a database older than that (migration tests) skips them. */
/** Data sets kept in tables that came after the first schema: they wait for the migration that makes them. */
const TABLE_OF: Partial<Record<Dataset, string>> = { lists: 'ref_list', scopes: 'ref_scope_division', negativeList: 'ref_negative_measure' };

/** The lists with a prefix (`group:`) that the bureau edited, without the prefix. */
function editedLists(db: Db, prefix: string): Set<string> {
  if (!hasTable(db, 'ref_list')) return new Set();
  const rows = db.prepare('SELECT list FROM ref_list WHERE edited_at IS NOT NULL AND list LIKE ?').pluck().all(`${prefix}%`) as string[];
  return new Set(rows.map((l) => l.slice(prefix.length)));
}

/** Deletes the codes a new version dropped, except those data still points at: old records must stay readable. */
function removeDropped(db: Db, table: 'ref_industry', current: string[]): void {
  const keep = new Set(current);
  const remove = db.prepare(`DELETE FROM ${table} WHERE code = ?`);
  for (const { code } of db.prepare(`SELECT code FROM ${table}`).all() as { code: string }[]) {
    if (keep.has(code)) continue;
    try {
      remove.run(code);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err;
    }
  }
}


/** Loads every data set whose stored version differs from this app's; returns the ones loaded. */
export function loadReferenceData(db: Db, dir: string): Dataset[] {
  const stored = new Map(
    (db.prepare('SELECT dataset, version FROM ref_version').all() as { dataset: string; version: string }[]).map((r) => [r.dataset, r.version]),
  );
  const stale = (Object.keys(VERSIONS) as Dataset[]).filter((d) => stored.get(d) !== VERSIONS[d] && (!TABLE_OF[d] || hasTable(db, TABLE_OF[d])));
  if (!stale.length) return [];
  const record = db.prepare(
    `INSERT INTO ref_version (dataset, version, rows, loaded_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(dataset) DO UPDATE SET version = excluded.version, rows = excluded.rows, loaded_at = excluded.loaded_at`,
  );
  db.transaction(() => {
    // countries before groups: group members reference countries
    for (const d of stale) record.run(d, VERSIONS[d], loaders[d](db, dir), new Date().toISOString());
    if ((stale.includes('industries') || stale.includes('negativeList')) && hasTable(db, 'policy_industry')) refreshPolicyIndustry(db);
  })();
  return stale;
}

const REFERENCE_FILES = [
  'gbt4754-2017-industries.csv',
  'admin-divisions-2023.csv',
  'country-aliases-zh.csv',
  'country-groups.csv',
  'country-group-members.csv',
  'hightech-manufacturing-2017.csv',
  'hightech-services-2018.csv',
  'reference-lists.csv',
  'scope-excl-finance.csv',
  'negative-list-2024.csv',
  'negative-list-2024-classes.csv',
];

/** The folder of the reference CSVs: beside the bundle when packaged, `shared/reference` in the source tree. */
export function defaultReferenceDir(): string {
  const candidates = [
    process.env.FDI_DESK_REFERENCE_DIR,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/reference'),
    path.resolve(process.cwd(), 'shared/reference'),
  ].filter((p): p is string => !!p);
  // every file: a folder of the same name elsewhere (say, an older copy) must not be taken for ours
  const found = candidates.find((p) => REFERENCE_FILES.every((f) => fs.existsSync(path.join(p, f))));
  if (!found) throw new Error(`reference data not found in ${candidates.join(', ')}`);
  return found;
}
