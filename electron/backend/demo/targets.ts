import { DEVELOPMENT_ZONE_TYPES } from '../../../shared/domain/platform';
import type { Db } from '../db/open';
import type { DemoSeeder } from './seeder';

/**
 * Demo targets for this year and last year, set the way a bureau sets them: a little above what the year before
 * reached (rounded to whole 百万美元 or percent), plus two custom indicators with their figure typed so far.
 */
export const seedDemoTargets: DemoSeeder = (db: Db, rng, _area, today) => {
  const thisYear = today.getUTCFullYear();
  const zones = DEVELOPMENT_ZONE_TYPES.map((t) => `'${t}'`).join(',');
  const yearFigures = db.prepare(
    `SELECT coalesce(sum(actual_fdi), 0) AS actual, coalesce(sum(contracted_fdi), 0) AS contracted,
       count(DISTINCT CASE WHEN mode = 'new' THEN enterprise_id END) AS firms,
       coalesce(sum(CASE WHEN industry_code IN (SELECT industry_code FROM ref_hightech) THEN actual_fdi END), 0) AS hightech,
       coalesce(sum(CASE WHEN platform_id IN (SELECT id FROM platform WHERE type IN (${zones})) THEN actual_fdi END), 0) AS devzone,
       coalesce(sum(CASE WHEN platform_id IN (SELECT id FROM platform WHERE type = 'ftz_area') THEN actual_fdi END), 0) AS ftz
     FROM fdi_record WHERE period BETWEEN ? AND ?`,
  );
  const insert = db.prepare(
    `INSERT OR REPLACE INTO indicator_target (year, indicator, label, unit, value, actual, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = today.toISOString();
  type Figures = { actual: number; contracted: number; firms: number; hightech: number; devzone: number; ftz: number };
  const lastMonth = Math.max(1, today.getUTCMonth());
  for (const year of [thisYear - 1, thisYear]) {
    const before = yearFigures.get(`${year - 1}-01`, `${year - 1}-12`) as Figures;
    // the demo's own years differ a lot, so a target also keeps up with the year's run rate (a real bureau's would not)
    const runRate = yearFigures.get(`${year}-01`, `${year}-${String(year < thisYear ? 12 : lastMonth).padStart(2, '0')}`) as Figures;
    const scale = year < thisYear ? 1 : 12 / lastMonth;
    const base = (key: 'actual' | 'contracted' | 'firms') => Math.max(before[key], runRate[key] * scale * 0.9);
    const grow = () => 1.05 + rng.next() * 0.15;
    const wan100 = (v: number) => Math.max(100, Math.round(v / 100) * 100);
    const pct = (part: number) => (before.actual > 0 ? Math.min(100, Math.round((part / before.actual) * 100) + rng.int(1, 4)) : 20);
    insert.run(year, 'actualFdi', '', '', wan100(base('actual') * grow()), null, now);
    insert.run(year, 'contractedFdi', '', '', wan100(base('contracted') * grow()), null, now);
    insert.run(year, 'newEnterprises', '', '', Math.max(10, Math.round(base('firms') * grow())), null, now);
    insert.run(year, 'highTechShare', '', '', pct(before.hightech), null, now);
    insert.run(year, 'devZoneShare', '', '', pct(before.devzone), null, now);
    insert.run(year, 'ftzShare', '', '', pct(before.ftz), null, now);
    insert.run(year, 'custom:外资总部企业', '新认定外资总部企业', '家', 3, year < thisYear ? 3 : rng.int(0, 2), now);
    insert.run(year, 'custom:世界500强投资项目', '世界500强企业投资项目', '个', 5, year < thisYear ? 6 : rng.int(1, 4), now);
  }
};
