import type { dashboardMethods } from '../../../shared/api/dashboard';
import { writeAudit } from '../audit';
import type { AreaHandlers } from '../context';
import { dashboardAlerts } from '../dashboard/alerts';
import { chartsFromTables, dashboardCharts } from '../dashboard/charts';
import { dashboardKpis, kpisFromTables } from '../dashboard/kpis';
import { yearToDateTables } from '../dashboard/stats-source';
import { projectsInStage } from '../dashboard/pipeline';
import { deleteTarget, listTargets, upsertTarget } from '../dashboard/targets';

export const dashboardHandlers: AreaHandlers<typeof dashboardMethods> = {
  'dashboard.targets': ({ year }, ctx) => listTargets(ctx.db, year),
  'dashboard.setTarget': (input, ctx) => {
    const { before, after } = upsertTarget(ctx.db, input);
    const entityId = `${input.year}:${input.indicator}`;
    writeAudit(ctx.db, { user: ctx.userName(), action: before ? 'update' : 'create', entity: 'indicator_target', entityId, before, after });
    return after;
  },
  'dashboard.deleteTarget': ({ year, indicator }, ctx) => {
    const before = deleteTarget(ctx.db, year, indicator);
    writeAudit(ctx.db, { user: ctx.userName(), action: 'delete', entity: 'indicator_target', entityId: `${year}:${indicator}`, before });
    return {};
  },
  'dashboard.kpis': (q, ctx) => dashboardKpis(ctx.db, q),
  'dashboard.charts': (q, ctx) => dashboardCharts(ctx.db, q),
  // the home page's first load: the year's tables once, for the cards and the charts
  'dashboard.home': (q, ctx) => {
    const tables = yearToDateTables(ctx.db, q);
    return { kpis: kpisFromTables(ctx.db, q, tables), charts: chartsFromTables(ctx.db, q, tables) };
  },
  'dashboard.stageProjects': ({ stage }, ctx) => projectsInStage(ctx.db, stage),
  'dashboard.alerts': (_input, ctx) => dashboardAlerts(ctx.db),
};
