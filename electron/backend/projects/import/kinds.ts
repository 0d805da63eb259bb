import type { Problem } from '../../../../shared/result';
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
  fatal: boolean;
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

type Reader = (db: Db, path: string, file: string, control: WorkerControl) => Promise<ReadRegister>;

function importer<F extends RegisterFindings>(
  read: (db: Db, path: string, file: string, control: WorkerControl) => Promise<F>,
  apply: (db: Db, found: F, user: string, today: string) => ApplyCounts,
): Reader {
  return async (db, path, file, control) => {
    const found = await read(db, path, file, control);
    return { found, apply: (d, user, today) => apply(d, found, user, today) };
  };
}

export const IMPORTERS = {
  projects: importer(readProjectList, applyProjectList),
  enterprises: importer(readEnterpriseList, applyEnterpriseList),
} satisfies Record<string, Reader>;
export type ImportKind = keyof typeof IMPORTERS;
