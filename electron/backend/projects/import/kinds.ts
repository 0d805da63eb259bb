import type { IgnoredColumn, ImportLayout, LayoutChoice } from '../../../../shared/api/importLayout';
import type { Problem } from '../../../../shared/result';
import type { StoredLayout } from '../../import-layouts/remembered';
import type { Db } from '../../db/open';
import { applyEnterpriseList } from '../../enterprises/import/apply';
import { readEnterpriseList } from '../../enterprises/import/read';
import type { WorkerControl } from '../../workers/serve';
import { applyProjectList } from './apply';
import { readProjectList } from './read';

/** What a reading pass found, whatever the register. */
export interface RegisterFindings {
  file: string;
  sheet: string | null;
  problems: Problem[];
  counts: { dataRows: number; errorRows: number; skippedRows: number };
  /** The file cannot be read as this register at all (no header, wrong units…). */
  fatal: boolean;
  /** The table as read, and the non-empty columns no field takes (null and empty when no header was found). */
  layout: ImportLayout | null;
  ignoredColumns: IgnoredColumn[];
  /** A layout the person corrected, to remember for files with the same header. */
  remember: { signature: string; layout: StoredLayout } | null;
}
export interface ApplyCounts {
  create: number;
  update: number;
  unchanged: number;
  problems: Problem[];
}
/** A file read for one register: its findings, and the writes they make (run inside the caller's transaction). */
export interface ReadRegister {
  found: RegisterFindings;
  apply(db: Db, user: string, today: string): ApplyCounts;
}

type Reader = (db: Db, path: string, file: string, control: WorkerControl, choice: LayoutChoice) => Promise<ReadRegister>;

function importer<F extends RegisterFindings>(
  read: (db: Db, path: string, file: string, control: WorkerControl, choice: LayoutChoice) => Promise<F>,
  apply: (db: Db, found: F, user: string, today: string) => ApplyCounts,
): Reader {
  return async (db, path, file, control, choice) => {
    const found = await read(db, path, file, control, choice);
    return { found, apply: (d, user, today) => apply(d, found, user, today) };
  };
}

export const IMPORTERS = {
  projects: importer(readProjectList, applyProjectList),
  enterprises: importer(readEnterpriseList, applyEnterpriseList),
} satisfies Record<string, Reader>;
export type ImportKind = keyof typeof IMPORTERS;
