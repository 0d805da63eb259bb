import type { FdiImportField } from '../../../shared/api/fdiImport';
import type { Db } from '../db/open';
import type { RememberedHeader } from '../workbook/table';

/** Mappings are remembered per header layout; the kind prefix keeps importers with the same headers apart. */
const key = (signature: string) => `fdi|${signature}`;

export type StoredMapping = Partial<Record<FdiImportField, number | null>>;

/** What a person settled on for a header layout: the column mapping, and the header rows when they chose them. */
export interface StoredLayout {
  mapping: StoredMapping;
  headerRows?: number[];
}

/** Every remembered layout, by header signature (a handful: one per layout a bureau corrected). */
export function readRememberedMappings(db: Db): Record<string, StoredLayout> {
  const rows = db.prepare("SELECT signature, mapping FROM column_mapping WHERE kind = 'fdi'").all() as Array<{ signature: string; mapping: string }>;
  return Object.fromEntries(
    rows.map((r) => {
      const stored = JSON.parse(r.mapping) as StoredLayout | StoredMapping;
      // before header rows were remembered, the mapping itself was stored
      const layout: StoredLayout = 'mapping' in stored && typeof stored.mapping === 'object' ? (stored as StoredLayout) : { mapping: stored as StoredMapping };
      return [r.signature.slice(key('').length), layout];
    }),
  );
}

/** The header choices among remembered layouts, for the table layer to try on each sheet. */
export function rememberedHeaders(layouts: Readonly<Record<string, StoredLayout>>): RememberedHeader[] {
  return Object.entries(layouts).flatMap(([signature, l]) => (l.headerRows?.length ? [{ rows: l.headerRows, signature }] : []));
}

/** Remembers the mapping (and header rows) a person settled on for this header layout: the next file laid out alike gets it. */
export function rememberMapping(db: Db, signature: string, layout: StoredLayout): void {
  db.prepare(
    `INSERT INTO column_mapping (signature, kind, mapping, updated_at) VALUES (?, 'fdi', ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(key(signature), JSON.stringify(layout), new Date().toISOString());
}
