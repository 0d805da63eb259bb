import type { FdiImportField } from '../../../shared/api/fdiImport';
import type { Db } from '../db/open';

/** Mappings are remembered per header layout; the kind prefix keeps importers with the same headers apart. */
const key = (signature: string) => `fdi|${signature}`;

export type StoredMapping = Partial<Record<FdiImportField, number | null>>;

/** Every remembered mapping, by header signature (a handful: one per layout a bureau corrected). */
export function readRememberedMappings(db: Db): Record<string, StoredMapping> {
  const rows = db.prepare("SELECT signature, mapping FROM column_mapping WHERE kind = 'fdi'").all() as Array<{ signature: string; mapping: string }>;
  return Object.fromEntries(rows.map((r) => [r.signature.slice(key('').length), JSON.parse(r.mapping) as StoredMapping]));
}

/** Remembers the mapping a person settled on for this header layout (the next file laid out alike gets it). */
export function rememberMapping(db: Db, signature: string, mapping: StoredMapping): void {
  db.prepare(
    `INSERT INTO column_mapping (signature, kind, mapping, updated_at) VALUES (?, 'fdi', ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(key(signature), JSON.stringify(mapping), new Date().toISOString());
}
