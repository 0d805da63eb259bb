import type { PlatformType } from '../../../shared/domain/platform';
import { seedDemoChains } from '../chains/demo';
import type { Db } from '../db/open';
import { setJurisdiction } from '../settings/jurisdiction';
import { writeSetting } from '../settings/store';
import { seedDemoFdi, type DemoArea } from './fdi';
import { seedDemoProjects } from './projects';
import { seededRandom } from './random';
import type { DemoSeeder } from './seeder';
import { seedDemoTargets } from './targets';

/** Areas add their seeder here; each runs after the jurisdiction and the FDI records exist. */
const AREA_SEEDERS: DemoSeeder[] = [
  seedDemoProjects,
  seedDemoTargets,
  seedDemoChains,
];

const DEMO_DIVISION = '3205'; // 江苏省苏州市
const DEMO_PLATFORMS: ReadonlyArray<readonly [string, PlatformType, string]> = [
  ['苏州工业园区', 'national_etdz', '苏州工业园区'],
  ['苏州高新技术产业开发区', 'hitech_zone', '虎丘区'],
  ['吴江经济技术开发区', 'national_etdz', '吴江区'],
  ['常熟经济技术开发区', 'national_etdz', '常熟市'],
  ['中国(江苏)自由贸易试验区苏州片区', 'ftz_area', '苏州工业园区'],
  ['苏州工业园综合保税区', 'bonded_zone', '苏州工业园区'],
  ['相城经济技术开发区', 'provincial_dz', '相城区'],
];

/**
 * Fills an empty database with a demo jurisdiction (苏州市) and plausible, clearly marked demo data. The same seed
 * gives the same data, so tests and screenshots are repeatable.
 */
export function seedDemo(db: Db, today = new Date(), seed = 20251): void {
  const rng = seededRandom(seed);
  db.transaction(() => {
    setJurisdiction(db, DEMO_DIVISION, '苏州市商务局（演示）');
    const districtId = db.prepare('SELECT id FROM district WHERE name = ?');
    const insertPlatform = db.prepare('INSERT INTO platform (name, type, district_id, sort) VALUES (?, ?, ?, ?)');
    DEMO_PLATFORMS.forEach(([name, type, district], i) =>
      insertPlatform.run(name, type, (districtId.get(district) as { id: number } | undefined)?.id ?? null, i),
    );
    const area: DemoArea = {
      divisionCode: '320500',
      districtIds: (db.prepare('SELECT id FROM district ORDER BY sort').all() as { id: number }[]).map((r) => r.id),
      platformIds: (db.prepare('SELECT id FROM platform ORDER BY sort').all() as { id: number }[]).map((r) => r.id),
    };
    seedDemoFdi(db, rng, area, today);
    for (const seeder of AREA_SEEDERS) seeder(db, rng, area, today);
    writeSetting(db, 'demo', true);
  })();
}
