import type { FdiImportField } from '../../../shared/api/fdiImport';
import type { Db } from '../db/open';
import { readRememberedLayouts, rememberLayout } from '../import-layouts/remembered';

export { rememberedHeaders } from '../import-layouts/remembered';

export type StoredMapping = Partial<Record<FdiImportField, number | null>>;

/** What a person settled on for a return's header layout: the column mapping, and the header rows when they chose them. */
export interface StoredLayout {
  mapping: StoredMapping;
  headerRows?: number[];
}

/** Every remembered layout of FDI returns, by header signature. */
export function readRememberedMappings(db: Db): Record<string, StoredLayout> {
  return readRememberedLayouts(db, 'fdi') as Record<string, StoredLayout>;
}

/** Remembers the mapping (and header rows) a person settled on for this return layout. */
export function rememberMapping(db: Db, signature: string, layout: StoredLayout): void {
  rememberLayout(db, 'fdi', signature, layout);
}
