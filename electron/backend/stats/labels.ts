import type { District, Platform } from '../../../shared/api/settings';
import type { Db } from '../db/open';
import { listDistricts, listPlatforms } from '../settings/jurisdiction';

/** Names and classifications the tables are labelled and rolled up with, read from the reference data. */
export interface StatsLabels {
  sections: Array<{ code: string; name: string }>;
  /** Divisions by section, in code order. */
  divisions: Map<string, Array<{ code: string; name: string }>>;
  /** A section or division code → its section. */
  sectionOf: Map<string, string>;
  countryNames: Map<string, string>;
  groups: Array<{ code: string; name: string; members: number }>;
  districts: District[];
  platforms: Platform[];
}

export function readLabels(db: Db): StatsLabels {
  // sections and divisions only: the summary keys industries by division (or by the code stored when it is not under one)
  const industries = db.prepare("SELECT code, name, level, section FROM ref_industry WHERE level IN ('section', 'division') ORDER BY code").all() as Array<{
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
  return {
    sections: industries.filter((i) => i.level === 'section').map(({ code, name }) => ({ code, name })),
    divisions,
    sectionOf,
    countryNames: new Map((db.prepare('SELECT code, name FROM ref_country').all() as Array<{ code: string; name: string }>).map((c) => [c.code, c.name])),
    groups: db
      .prepare('SELECT code, name, (SELECT count(*) FROM ref_country_group_member m WHERE m.group_code = g.code) AS members FROM ref_country_group g ORDER BY sort, code')
      .all() as StatsLabels['groups'],
    districts: listDistricts(db),
    platforms: listPlatforms(db),
  };
}
