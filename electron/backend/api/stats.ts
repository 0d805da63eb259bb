import type { statsMethods } from '../../../shared/api/stats';
import type { AreaHandlers } from '../context';
import { checkConsolidation } from '../stats/consolidation';
import { exportStatsWorkbook } from '../stats/export/export-job';
import { listRecords } from '../stats/records';
import { readRecordSource } from '../stats/source';
import { computeStatsTables } from '../stats/tables';

export const statsHandlers: AreaHandlers<typeof statsMethods> = {
  'stats.tables': (query, ctx) => computeStatsTables(ctx.db, query),
  'stats.records': (input, ctx) => listRecords(ctx.db, input),
  'stats.recordSource': ({ recordId }, ctx) => readRecordSource(ctx, recordId),
  'stats.consolidation': (query, ctx) => checkConsolidation(ctx.db, query),
  'stats.export': (query, ctx) => ({ jobId: ctx.jobs.start('stats.export', (job) => exportStatsWorkbook(ctx, query, job)) }),
};
