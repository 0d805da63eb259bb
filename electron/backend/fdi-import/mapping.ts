import type { FdiImportField } from '../../../shared/api/fdiImport';
import type { Db } from '../db/open';

/** Mappings are remembered per header layout; the kind prefix keeps importers with the same headers apart. */
const key = (signature: string) => `fdi|${signature}`;

export type StoredMapping = Partial<Record<FdiImportField, number | null>>;

export function readRememberedMapping(db: Db, signature: string): StoredMapping | null {
  const row = db.prepare("SELECT mapping FROM column_mapping WHERE signature = ? AND kind = 'fdi'").get(key(signature)) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as StoredMapping) : null;
}

/** Remembers the mapping a person settled on for this header layout (the next file laid out alike gets it). */
export function rememberMapping(db: Db, signature: string, mapping: StoredMapping): void {
  db.prepare(
    `INSERT INTO column_mapping (signature, kind, mapping, updated_at) VALUES (?, 'fdi', ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(key(signature), JSON.stringify(mapping), new Date().toISOString());
}
