import type { auditMethods } from '../../../shared/api/audit';
import type { AreaHandlers } from '../context';
import { exportAudit } from '../audit-trail/export';
import { auditFacets, listAudit } from '../audit-trail/queries';

export const auditHandlers: AreaHandlers<typeof auditMethods> = {
  'audit.list': ({ filter, offset, limit }, ctx) => listAudit(ctx.db, filter, offset, limit),
  'audit.facets': (_input, ctx) => auditFacets(ctx.db),
  'audit.export': ({ filter }, ctx) => ({ jobId: exportAudit(ctx, filter) }),
};
