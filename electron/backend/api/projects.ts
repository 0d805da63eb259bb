import { PROJECT_DEFAULTS, type projectsMethods } from '../../../shared/api/projects';
import type { AreaHandlers, BackendContext } from '../context';
import { alertClock } from '../projects/alerts';
import { exportProjects } from '../projects/exportJob';
import { deleteEvent, logEvent, raiseIssue, resolveIssue, updateIssue } from '../projects/followUp';
import { startRegisterImport } from '../projects/import/service';
import { changeStage, deleteProject, insertProject, STAGE_DATE_FIELD, updateProject } from '../projects/mutations';
import { filterOptions, listProjects, projectDetail, projectHistory } from '../projects/queries';
import { deleteView, listViews, saveView } from '../projects/views';

/** The keys a caller really sent (an explicit undefined is “not sent”, not “clear it”). */
export function definedOnly<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Runs a change (in dispatch's transaction) and answers with the project's fresh detail. */
function change(ctx: BackendContext, run: () => number) {
  return projectDetail(ctx.db, run(), alertClock(ctx.db));
}

export const projectsHandlers: AreaHandlers<typeof projectsMethods> = {
  'projects.list': ({ filter, sort, offset, limit }, ctx) => listProjects(ctx.db, { filter, sort }, offset, limit, alertClock(ctx.db)),
  'projects.get': ({ id }, ctx) => projectDetail(ctx.db, id, alertClock(ctx.db)),
  'projects.create': ({ stage, stageDate, ...input }, ctx) =>
    change(ctx, () => {
      const fields = { ...PROJECT_DEFAULTS, ...definedOnly(input) };
      const dateField = STAGE_DATE_FIELD[stage];
      const date = stageDate ?? (dateField ? fields[dateField] : null) ?? fields.firstContactDate ?? alertClock(ctx.db).today;
      return insertProject(ctx.db, fields, stage, date, { user: ctx.userName() });
    }),
  'projects.update': ({ id, ...patch }, ctx) =>
    change(ctx, () => {
      updateProject(ctx.db, id, patch, { user: ctx.userName() });
      return id;
    }),
  'projects.delete': ({ id }, ctx) => {
    deleteProject(ctx.db, id, { user: ctx.userName() });
    return {};
  },
  'projects.changeStage': ({ id, stage, date, note }, ctx) =>
    change(ctx, () => {
      changeStage(ctx.db, id, stage, date, note, { user: ctx.userName() });
      return id;
    }),
  'projects.logEvent': (input, ctx) =>
    change(ctx, () => {
      logEvent(ctx.db, input, ctx.userName());
      return input.projectId;
    }),
  'projects.deleteEvent': ({ id }, ctx) => change(ctx, () => deleteEvent(ctx.db, id, ctx.userName())),
  'projects.raiseIssue': (input, ctx) =>
    change(ctx, () => {
      raiseIssue(ctx.db, input, ctx.userName());
      return input.projectId;
    }),
  'projects.updateIssue': ({ id, ...patch }, ctx) => change(ctx, () => updateIssue(ctx.db, id, patch, ctx.userName())),
  'projects.resolveIssue': ({ id, resolution, date }, ctx) => change(ctx, () => resolveIssue(ctx.db, id, resolution, date, ctx.userName())),
  'projects.history': ({ id }, ctx) => projectHistory(ctx.db, id),
  'projects.filterOptions': (_input, ctx) => filterOptions(ctx.db),
  'projects.listViews': (_input, ctx) => listViews(ctx.db),
  'projects.saveView': ({ name, query }, ctx) => saveView(ctx.db, name, query),
  'projects.deleteView': ({ id }, ctx) => {
    deleteView(ctx.db, id);
    return {};
  },
  'projects.export': ({ filter, sort, layout }, ctx) => ({ jobId: exportProjects(ctx, { filter, sort }, layout) }),
  'projects.importCheck': ({ fileId, ...choice }, ctx) => ({ jobId: startRegisterImport(ctx, 'projects', 'check', fileId, choice) }),
  'projects.importCommit': ({ fileId, ...choice }, ctx) => ({ jobId: startRegisterImport(ctx, 'projects', 'commit', fileId, choice) }),
};
