import { ENTERPRISE_DEFAULTS } from '../../../../shared/api/enterprises';
import type { Problem } from '../../../../shared/result';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { enterpriseByUscc, insertEnterprise, updateEnterprise } from '../mutations';
import { nameKey } from '../../projects/import/normalize';
import type { EnterpriseFindings } from './read';

/**
 * Writes an enterprise list, merging instead of duplicating: a row names an existing firm by its 统一社会信用代码,
 * or — a firm entered by name only (e.g. from an FDI return without a code) — by its exact name; it fills in and
 * updates that firm's fields, and only creates one when neither matches. Each row in a savepoint (see
 * applyProjectList); the caller holds the transaction.
 */
export function applyEnterpriseList(db: Db, found: EnterpriseFindings, user: string): { create: number; update: number; unchanged: number; problems: Problem[] } {
  const counts = { create: 0, update: 0, unchanged: 0, problems: [] as Problem[] };
  // firms are matched by name key (see nameKey): （中国） and (中国) are the same firm
  const byName = new Map<string, { id: number; uscc: string | null }[]>();
  for (const r of db.prepare('SELECT id, name, uscc FROM enterprise').iterate() as Iterable<{ id: number; name: string; uscc: string | null }>) {
    const key = nameKey(r.name);
    byName.set(key, [...(byName.get(key) ?? []), { id: r.id, uscc: r.uscc }]);
  }
  const ctx = { user, action: 'import' as const };
  for (const draft of found.drafts) {
    try {
      db.transaction(() => {
        let id = draft.uscc ? enterpriseByUscc(db, draft.uscc)?.id : undefined;
        if (id === undefined) {
          const named = (byName.get(nameKey(draft.name)) ?? []).filter((e) => !draft.uscc || e.uscc === null);
          if (named.length > 1) throw new AppError('CONFLICT', `库中有多家名为“${draft.name}”的企业，请填写统一社会信用代码以区分`);
          id = named[0]?.id;
        }
        if (id === undefined) {
          const created = insertEnterprise(db, { ...ENTERPRISE_DEFAULTS, ...draft.patch, name: draft.name }, ctx);
          byName.set(nameKey(draft.name), [...(byName.get(nameKey(draft.name)) ?? []), { id: created, uscc: draft.uscc }]);
          counts.create++;
        } else if (updateEnterprise(db, id, draft.patch, ctx)) counts.update++;
        else counts.unchanged++;
      })();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      counts.problems.push({ file: found.file, sheet: found.sheet ?? undefined, row: draft.row, value: draft.uscc ?? draft.name, code: err.code, message: err.message, severity: 'error' });
    }
  }
  return counts;
}
