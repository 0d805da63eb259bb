import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../settings/store';
import type { PlaceKind } from './name-match';

/** Other names a district or platform goes by in returns (`江海经开区` → the id of 江海经济技术开发区), by kind. */
export type PlaceAliases = Record<PlaceKind, Record<string, number>>;

const KEY = 'placeAliases';

export function readPlaceAliases(db: Db): PlaceAliases {
  const stored = readSetting<Partial<PlaceAliases>>(db, KEY, {});
  return { district: stored.district ?? {}, platform: stored.platform ?? {} };
}

/** Remembers names a person confirmed as another name of a known place, so the next return resolves them. */
export function addPlaceAliases(db: Db, added: ReadonlyArray<{ kind: PlaceKind; name: string; id: number }>): void {
  if (!added.length) return;
  const aliases = readPlaceAliases(db);
  for (const a of added) aliases[a.kind][a.name] = a.id;
  writeSetting(db, KEY, aliases);
}
