import { PROJECT_DEFAULTS } from '../../../../shared/api/projects';
import { ERROR_MESSAGES } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { changeStage, insertProject, projectSnapshot, STAGE_DATE_FIELD, updateProject } from '../mutations';
import type { ApplyCounts } from './kinds';
import { nameKey } from './normalize';
import type { ListFindings } from './read';


/**
 * Writes the rows of a read project list, each as the person's own edit would (so the audit log and the stage log
 * say the same), with action `import`. A row names an existing project by its exact name: it updates the fields
 * whose column the file has, and moves its stage when the file says another one. Each row runs in a savepoint, so a
 * row refused by the rules leaves nothing behind and becomes a problem. The caller holds the transaction (and rolls
 * it back for a check, or when anything was refused).
 */
export function applyProjectList(db: Db, found: ListFindings, user: string, today: string): ApplyCounts {
  const counts: ApplyCounts = { create: 0, update: 0, unchanged: 0, problems: [] };
  // names are matched by key (see nameKey); built once, and kept up to date as rows create projects
  const byName = new Map<string, number[]>();
  for (const r of db.prepare('SELECT id, name FROM project').iterate() as Iterable<{ id: number; name: string }>) {
    const key = nameKey(r.name);
    byName.set(key, [...(byName.get(key) ?? []), r.id]);
  }
  const ctx = { user, action: 'import' as const, fillStageDate: false };
  for (const draft of found.drafts) {
    const key = nameKey(draft.name);
    const patch = found.plans ? { ...draft.patch, plan: found.plans.get(key) ?? [] } : draft.patch;
    try {
      db.transaction(() => {
        const existing = byName.get(key) ?? [];
        if (existing.length > 1) throw new AppError('CONFLICT', `库中有多个名为“${draft.name}”的项目，无法确定更新哪一个，请先改名`);
        if (existing.length === 0) {
          const fields = { ...PROJECT_DEFAULTS, ...patch, name: draft.name };
          const stage = draft.stage ?? 'lead';
          const dateField = STAGE_DATE_FIELD[stage];
          // the stage log's date: the stage's own date when the list has it, else the day it became known
          const stageDate = (dateField ? fields[dateField] : null) ?? today;
          byName.set(key, [insertProject(db, fields, stage, stageDate, { ...ctx, lastFollowUpDate: draft.lastFollowUpDate })]);
          counts.create++;
          return;
        }
        const id = existing[0]!;
        const before = projectSnapshot(db, id);
        const later = draft.lastFollowUpDate && (!before.lastFollowUpDate || draft.lastFollowUpDate > before.lastFollowUpDate) ? draft.lastFollowUpDate : undefined;
        let changed = updateProject(db, id, patch, { ...ctx, lastFollowUpDate: later });
        if (draft.stage && draft.stage !== before.stage) {
          const dateField = STAGE_DATE_FIELD[draft.stage];
          const date = (dateField ? (patch[dateField] ?? before[dateField]) : null) ?? today;
          changeStage(db, id, draft.stage, date, '由项目清单导入', ctx);
          changed = true;
        }
        if (changed) counts.update++;
        else counts.unchanged++;
      })();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      counts.problems.push({
        file: found.file,
        sheet: found.sheet ?? undefined,
        row: draft.row,
        value: draft.name,
        code: err.code,
        message: err.message || ERROR_MESSAGES[err.code],
        severity: 'error',
      });
    }
  }
  return counts;
}
