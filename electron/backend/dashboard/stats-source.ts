import { DEVELOPMENT_ZONE_TYPES } from '../../../shared/domain/platform';
import type { Db } from '../db/open';

/**
 * The one place the dashboard reads FDI figures. PROVISIONAL: these queries stand in for the stats module
 * (electron/backend/stats, being built on the `stats` branch) until it lands; then each function becomes a call
 * into `stats.tables` so that the cards show exactly the numbers of the standard tables.
 */

/** The 总表 figures the cards need, for a month range. Amounts in 万美元, not rounded. */
export interface PeriodFigures {
  newEnterprises: number;
  contractedFdi: number;
  actualFdi: number;
  highTechActualFdi: number;
  devZoneActualFdi: number;
  ftzActualFdi: number;
}

export interface Breakdown {
  key: string;
  name: string;
  actualFdi: number;
  /** The stats.records filter of the row. */
  filter: Record<string, string | number | boolean | null>;
}

export interface Breakdowns {
  countries: Breakdown[];
  groups: Breakdown[];
  sections: Breakdown[];
  districts: Breakdown[];
  platforms: Breakdown[];
}

const HIGH_TECH = 'r.industry_code IN (SELECT industry_code FROM ref_hightech)';
const DEV_ZONE = `r.platform_id IN (SELECT id FROM platform WHERE type IN (${DEVELOPMENT_ZONE_TYPES.map((t) => `'${t}'`).join(',')}))`;
const FTZ = `r.platform_id IN (SELECT id FROM platform WHERE type = 'ftz_area')`;

export function periodFigures(db: Db, from: string, to: string): PeriodFigures {
  const row = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN r.mode = 'new' THEN r.enterprise_id END) AS newEnterprises,
         coalesce(sum(r.contracted_fdi), 0) AS contractedFdi, coalesce(sum(r.actual_fdi), 0) AS actualFdi,
         coalesce(sum(CASE WHEN ${HIGH_TECH} THEN r.actual_fdi END), 0) AS highTechActualFdi,
         coalesce(sum(CASE WHEN ${DEV_ZONE} THEN r.actual_fdi END), 0) AS devZoneActualFdi,
         coalesce(sum(CASE WHEN ${FTZ} THEN r.actual_fdi END), 0) AS ftzActualFdi
       FROM fdi_record r WHERE r.period BETWEEN ? AND ?`,
    )
    .get(from, to) as PeriodFigures;
  return row;
}

/** Actual FDI of each month of a range, in order (0 for a month without records). */
export function monthlyActual(db: Db, months: string[]): number[] {
  if (months.length === 0) return [];
  const rows = db
    .prepare('SELECT period, sum(actual_fdi) AS a FROM fdi_record WHERE period BETWEEN ? AND ? GROUP BY period')
    .all(months[0], months[months.length - 1]) as { period: string; a: number }[];
  const by = new Map(rows.map((r) => [r.period, r.a]));
  return months.map((m) => by.get(m) ?? 0);
}

export function breakdowns(db: Db, from: string, to: string): Breakdowns {
  const q = (sql: string, filter: (key: string) => Breakdown['filter']) =>
    (db.prepare(sql).all({ from, to }) as Omit<Breakdown, 'filter'>[]).map((r) => ({ ...r, filter: filter(r.key) }));
  const inRange = 'r.period BETWEEN @from AND @to';
  return {
    countries: q(`SELECT r.country_code AS key, coalesce(c.name, r.country_code) AS name, sum(r.actual_fdi) AS actualFdi
      FROM fdi_record r LEFT JOIN ref_country c ON c.code = r.country_code WHERE ${inRange} AND r.country_code IS NOT NULL
      GROUP BY r.country_code ORDER BY actualFdi DESC`, (country) => ({ country })),
    groups: q(`SELECT g.code AS key, g.name, coalesce(sum(r.actual_fdi), 0) AS actualFdi FROM ref_country_group g
      JOIN ref_country_group_member m ON m.group_code = g.code
      JOIN fdi_record r ON r.country_code = m.country_code AND ${inRange}
        AND (m.valid_from IS NULL OR r.period >= m.valid_from) AND (m.valid_to IS NULL OR r.period <= m.valid_to)
      GROUP BY g.code ORDER BY g.sort`, (group) => ({ group })),
    sections: q(`SELECT i.section AS key, s.name, sum(r.actual_fdi) AS actualFdi FROM fdi_record r
      JOIN ref_industry i ON i.code = r.industry_code JOIN ref_industry s ON s.code = i.section
      WHERE ${inRange} GROUP BY i.section ORDER BY i.section`, (section) => ({ section })),
    districts: q(`SELECT CAST(d.id AS TEXT) AS key, d.name, sum(r.actual_fdi) AS actualFdi FROM fdi_record r
      JOIN district d ON d.id = r.district_id WHERE ${inRange} GROUP BY d.id ORDER BY d.sort`, (id) => ({ district: Number(id) })),
    platforms: q(`SELECT CAST(p.id AS TEXT) AS key, p.name, sum(r.actual_fdi) AS actualFdi FROM fdi_record r
      JOIN platform p ON p.id = r.platform_id WHERE ${inRange} GROUP BY p.id ORDER BY p.sort`, (id) => ({ platform: Number(id) })),
  };
}
