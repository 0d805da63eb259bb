/**
 * Column mappings and header rows a person settled on, remembered per header layout (its signature) and per importer:
 * the next file laid out alike gets them. Shared by the FDI-return, project-list and enterprise-register importers.
 */
import type { Db } from '../db/open';
import type { RememberedHeader } from '../workbook/table';

/** The importers that remember layouts; the kind prefixes the stored signature, keeping like headers of two apart. */
export type LayoutKind = 'fdi' | 'projects' | 'enterprises';

/** Field → 0-based column, or null: a field the person chose not to import. */
export type StoredMapping = Record<string, number | null>;

/** What a person settled on for a header layout: the column mapping, and the header rows when they chose them. */
export interface StoredLayout {
  mapping: StoredMapping;
  headerRows?: number[];
}

const key = (kind: LayoutKind, signature: string) => `${kind}|${signature}`;

/** Every remembered layout of an importer, by header signature (a handful: one per layout a bureau corrected). */
export function readRememberedLayouts(db: Db, kind: LayoutKind): Record<string, StoredLayout> {
  const rows = db.prepare('SELECT signature, mapping FROM column_mapping WHERE kind = ?').all(kind) as Array<{ signature: string; mapping: string }>;
  return Object.fromEntries(
    rows.map((r) => {
      const stored = JSON.parse(r.mapping) as StoredLayout | StoredMapping;
      // before header rows were remembered, the mapping itself was stored
      const layout: StoredLayout = 'mapping' in stored && typeof stored.mapping === 'object' ? (stored as StoredLayout) : { mapping: stored as StoredMapping };
      return [r.signature.slice(key(kind, '').length), layout];
    }),
  );
}

/** The header choices among remembered layouts, for the table layer to try on each sheet. */
export function rememberedHeaders(layouts: Readonly<Record<string, StoredLayout>>): RememberedHeader[] {
  return Object.entries(layouts).flatMap(([signature, l]) => (l.headerRows?.length ? [{ rows: l.headerRows, signature }] : []));
}

/** Remembers the mapping (and header rows) a person settled on for this header layout. */
export function rememberLayout(db: Db, kind: LayoutKind, signature: string, layout: StoredLayout): void {
  db.prepare(
    `INSERT INTO column_mapping (signature, kind, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(key(kind, signature), kind, JSON.stringify(layout), new Date().toISOString());
}

export type MappingSource = 'detected' | 'remembered' | 'given';

/** The mapping in force: given entries over a remembered mapping over the detected one; null entries unmap. */
export function settleMapping(
  remembered: Readonly<Record<string, StoredLayout>>,
  layout: { signature: string; mapping: Readonly<Record<string, number>> },
  given: Readonly<Record<string, number | null | undefined>> | undefined,
): { mapping: Record<string, number | null>; source: MappingSource } {
  const stored = Object.hasOwn(remembered, layout.signature) ? remembered[layout.signature]!.mapping : null;
  const mapping: Record<string, number | null> = { ...(stored ?? layout.mapping) };
  for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined) mapping[k] = v;
  const source: MappingSource = given && Object.keys(given).length ? 'given' : stored ? 'remembered' : 'detected';
  return { mapping, source };
}

/** The columns a settled mapping imports (its null entries left out). */
export function mappedColumns<K extends string>(mapping: Readonly<Record<string, number | null | undefined>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.entries(mapping).filter(([, c]) => c !== null && c !== undefined)) as Partial<Record<K, number>>;
}
