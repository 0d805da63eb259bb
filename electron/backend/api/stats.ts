import type { statsMethods } from '../../../shared/api/stats';
import type { AreaHandlers } from '../context';
import { checkConsolidation } from '../stats/consolidation';
import { exportStatsWorkbook } from '../stats/export/export-job';
import { listRecords } from '../stats/records';
import { computeStatsTables } from '../stats/tables';

export const statsHandlers: AreaHandlers<typeof statsMethods> = {
  'stats.tables': (range, ctx) => computeStatsTables(ctx.db, range),
  'stats.records': (input, ctx) => listRecords(ctx.db, input),
  'stats.consolidation': (range, ctx) => checkConsolidation(ctx.db, range),
  'stats.export': (range, ctx) => ({ jobId: ctx.jobs.start('stats.export', (job) => exportStatsWorkbook(ctx, range, job)) }),
};
