import type { District, Jurisdiction, Platform } from '../../../shared/api/settings';
import type { PlatformType } from '../../../shared/domain/platform';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { childDivisions, PLACEHOLDER_DIVISIONS } from '../reference/queries';
import { readSetting, writeSetting } from './store';

const EMPTY: Jurisdiction = { code: null, name: '', reportingUnit: '' };


export function readJurisdiction(db: Db): Jurisdiction {
  return readSetting(db, 'jurisdiction', EMPTY);
}

/** Full name of a division with its parents, e.g. 河北省石家庄市; a division's own name when it is a province. */
export function divisionFullName(db: Db, code: string): string {
  const names: string[] = [];
  let current: string | null = code;
  while (current) {
    const row = db.prepare('SELECT name, parent FROM ref_division WHERE code = ?').get(current) as
      | { name: string; parent: string | null }
      | undefined;
    if (!row) break;
    names.unshift(row.name);
    current = row.parent;
  }
  // placeholder levels of the NBS list are not part of a name people write
  return names.filter((n) => !PLACEHOLDER_DIVISIONS.has(n)).join('');
}


/**
 * Sets the bureau's area. When it has no districts yet, its county-level divisions become the districts, since that
 * is what a city bureau's returns are broken down by.
 */
export function setJurisdiction(db: Db, code: string, reportingUnit: string | undefined): Jurisdiction {
  const row = db.prepare('SELECT name FROM ref_division WHERE code = ?').get(code) as { name: string } | undefined;
  if (!row) throw new AppError('DIVISION_UNKNOWN', code);
  const name = divisionFullName(db, code);
  const jurisdiction: Jurisdiction = { code, name, reportingUnit: reportingUnit || `${row.name}商务局` };
  db.transaction(() => {
    writeSetting(db, 'jurisdiction', jurisdiction);
    const hasDistricts = (db.prepare('SELECT count(*) AS n FROM district').get() as { n: number }).n > 0;
    if (!hasDistricts) {
      const insert = db.prepare('INSERT OR IGNORE INTO district (name, code, sort) VALUES (?, ?, ?)');
      childDivisions(db, code).forEach((c, i) => insert.run(c.name, c.code, i));
    }
  })();
  return jurisdiction;
}

export function listDistricts(db: Db): District[] {
  return db.prepare('SELECT id, name, code FROM district ORDER BY sort, id').all() as District[];
}

export function listPlatforms(db: Db): Platform[] {
  return (db.prepare('SELECT id, name, type, district_id FROM platform ORDER BY sort, id').all() as {
    id: number;
    name: string;
    type: PlatformType;
    district_id: number | null;
  }[]).map((p) => ({ id: p.id, name: p.name, type: p.type, districtId: p.district_id }));
}
