import type { District, Platform } from '../../../shared/api/settings';
import type { Db } from '../db/open';
import { listDistricts, listPlatforms } from '../settings/jurisdiction';

/** Names and classifications the tables are labelled and rolled up with, read from the reference data. */
export interface StatsLabels {
  sections: Array<{ code: string; name: string }>;
  /** Divisions by section, in code order. */
  divisions: Map<string, Array<{ code: string; name: string }>>;
  /** Any industry code → its section. */
  sectionOf: Map<string, string>;
  highTech: { manufacturing: Set<string>; services: Set<string>; all: Set<string> };
  countryNames: Map<string, string>;
  groups: Array<{ code: string; name: string }>;
  districts: District[];
  platforms: Platform[];
}

/** A division is the first two digits of any division, group or class code. */
export function divisionOf(code: string): string | null {
  return /^\d{2}/.test(code) ? code.slice(0, 2) : null;
}

export function readLabels(db: Db): StatsLabels {
  const industries = db.prepare('SELECT code, name, level, section FROM ref_industry ORDER BY code').all() as Array<{
    code: string;
    name: string;
    level: string;
    section: string;
  }>;
  const divisions = new Map<string, Array<{ code: string; name: string }>>();
  const sectionOf = new Map<string, string>();
  for (const i of industries) {
    sectionOf.set(i.code, i.section);
    if (i.level === 'division') divisions.set(i.section, [...(divisions.get(i.section) ?? []), { code: i.code, name: i.name }]);
  }
  const hightech = db.prepare('SELECT kind, industry_code AS code FROM ref_hightech').all() as Array<{ kind: string; code: string }>;
  const manufacturing = new Set(hightech.filter((h) => h.kind === 'manufacturing').map((h) => h.code));
  const services = new Set(hightech.filter((h) => h.kind === 'services').map((h) => h.code));
  return {
    sections: industries.filter((i) => i.level === 'section').map(({ code, name }) => ({ code, name })),
    divisions,
    sectionOf,
    highTech: { manufacturing, services, all: new Set([...manufacturing, ...services]) },
    countryNames: new Map((db.prepare('SELECT code, name FROM ref_country').all() as Array<{ code: string; name: string }>).map((c) => [c.code, c.name])),
    groups: db.prepare('SELECT code, name FROM ref_country_group ORDER BY sort, code').all() as Array<{ code: string; name: string }>,
    districts: listDistricts(db),
    platforms: listPlatforms(db),
  };
}
