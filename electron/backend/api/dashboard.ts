import type { dashboardMethods } from '../../../shared/api/dashboard';
import { writeAudit } from '../audit';
import type { AreaHandlers, BackendContext } from '../context';
import { dashboardAlerts } from '../dashboard/alerts';
import { dashboardCharts } from '../dashboard/charts';
import { dashboardKpis } from '../dashboard/kpis';
import { projectsInStage } from '../dashboard/pipeline';
import { deleteTarget, listTargets, upsertTarget } from '../dashboard/targets';

function changed(ctx: BackendContext) {
  ctx.events.emit({ type: 'changed', area: 'dashboard' });
}

export const dashboardHandlers: AreaHandlers<typeof dashboardMethods> = {
  'dashboard.targets': ({ year }, ctx) => listTargets(ctx.db, year),
  'dashboard.setTarget': (input, ctx) => {
    const after = ctx.db.transaction(() => {
      const { before, after } = upsertTarget(ctx.db, input);
      const entityId = `${input.year}:${input.indicator}`;
      writeAudit(ctx.db, { user: ctx.userName(), action: before ? 'update' : 'create', entity: 'indicator_target', entityId, before, after });
      return after;
    })();
    changed(ctx);
    return after;
  },
  'dashboard.deleteTarget': ({ year, indicator }, ctx) => {
    ctx.db.transaction(() => {
      const before = deleteTarget(ctx.db, year, indicator);
      writeAudit(ctx.db, { user: ctx.userName(), action: 'delete', entity: 'indicator_target', entityId: `${year}:${indicator}`, before });
    })();
    changed(ctx);
    return {};
  },
  'dashboard.kpis': ({ year, to }, ctx) => dashboardKpis(ctx.db, year, to),
  'dashboard.charts': ({ year, to }, ctx) => dashboardCharts(ctx.db, year, to),
  'dashboard.stageProjects': ({ stage }, ctx) => projectsInStage(ctx.db, stage),
  'dashboard.alerts': (_input, ctx) => dashboardAlerts(ctx.db),
};
