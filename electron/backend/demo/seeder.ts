import type { Db } from '../db/open';
import type { DemoArea } from './fdi';
import type { Random } from './random';

/** One part of the demo data (projects, chains, targets…), seeded for one area from the shared random stream. */
export type DemoSeeder = (db: Db, rng: Random, area: DemoArea, today: Date) => void;
