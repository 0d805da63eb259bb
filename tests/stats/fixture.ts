import type { FdiMode } from '../../shared/domain/fdi';
import type { PlatformType } from '../../shared/domain/platform';
import type { Db } from '../../electron/backend/db/open';

/** Test records written straight into fdi_record (the import pipeline is another area's), with their enterprises. */

export interface RecordSpec {
  period: string;
  mode: FdiMode;
  /** Enterprise name: records with the same name share one enterprise; null: a record linked to no enterprise. */
  enterprise?: string | null;
  contracted?: number;
  actual?: number;
  industry?: string | null;
  country?: string | null;
  /** District / platform by name (created by `area`). */
  district?: string | null;
  platform?: string | null;
  batch?: number | null;
}

export interface Area {
  districts: Record<string, number>;
  platforms: Record<string, number>;
}

/** Districts and platforms of a small made-up area. */
export function createArea(
  db: Db,
  districts: string[] = ['东区', '西区'],
  platforms: Array<[string, PlatformType, string | null]> = [
    ['东区经开区', 'national_etdz', '东区'],
    ['自贸片区', 'ftz_area', '东区'],
    ['西区综保区', 'bonded_zone', '西区'],
  ],
): Area {
  const area: Area = { districts: {}, platforms: {} };
  districts.forEach((name, i) => {
    area.districts[name] = Number(db.prepare('INSERT INTO district (name, sort) VALUES (?, ?)').run(name, i).lastInsertRowid);
  });
  platforms.forEach(([name, type, district], i) => {
    area.platforms[name] = Number(
      db.prepare('INSERT INTO platform (name, type, district_id, sort) VALUES (?, ?, ?, ?)').run(name, type, district ? area.districts[district] : null, i).lastInsertRowid,
    );
  });
  return area;
}

export function createBatch(db: Db, fileName: string, districtId: number | null = null): number {
  return Number(
    db
      .prepare(`INSERT INTO import_batch (kind, file_name, file_hash, unit, district_id, rows, created_at) VALUES ('fdi', ?, ?, '万美元', ?, 0, 'test')`)
      .run(fileName, fileName, districtId).lastInsertRowid,
  );
}

export function insertRecords(db: Db, area: Area, specs: RecordSpec[]): void {
  const findEnterprise = db.prepare('SELECT id FROM enterprise WHERE name = ?');
  const addEnterprise = db.prepare("INSERT INTO enterprise (name, created_at, updated_at) VALUES (?, 'test', 'test')");
  const addRecord = db.prepare(
    `INSERT INTO fdi_record (period, enterprise_id, enterprise_name, mode, contracted_fdi, actual_fdi, industry_code, country_code,
       district_id, platform_id, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')`,
  );
  db.transaction(() => {
    specs.forEach((s, i) => {
      const name = s.enterprise === undefined ? `企业${i}` : s.enterprise;
      let enterpriseId: number | null = null;
      if (name !== null) {
        const found = findEnterprise.get(name) as { id: number } | undefined;
        enterpriseId = found ? found.id : Number(addEnterprise.run(name).lastInsertRowid);
      }
      const lookup = (names: Record<string, number>, n: string | null | undefined) => {
        if (n === null || n === undefined) return null;
        const id = names[n];
        if (id === undefined) throw new Error(`unknown ${n}`);
        return id;
      };
      addRecord.run(
        s.period,
        enterpriseId,
        name ?? `未关联企业${i}`,
        s.mode,
        s.contracted ?? 0,
        s.actual ?? 0,
        s.industry === undefined ? '3670' : s.industry,
        s.country === undefined ? 'HKG' : s.country,
        lookup(area.districts, s.district === undefined ? '东区' : s.district),
        lookup(area.platforms, s.platform),
        s.batch ?? null,
      );
    });
  })();
}
