import { ENTERPRISE_DEFAULTS, type enterprisesMethods } from '../../../shared/api/enterprises';
import { definedOnly } from './projects';
import type { AreaHandlers, BackendContext } from '../context';
import { exportEnterprises } from '../enterprises/exportJob';
import { startRegisterImport } from '../projects/import/service';
import { insertEnterprise, mergeEnterprises, updateEnterprise } from '../enterprises/mutations';
import { enterpriseDetail, enterpriseHistory, listEnterprises } from '../enterprises/queries';

/** Runs a change (in dispatch's transaction) and answers with the enterprise's fresh detail. */
function change(ctx: BackendContext, run: () => number) {
  return enterpriseDetail(ctx.db, run());
}

export const enterprisesHandlers: AreaHandlers<typeof enterprisesMethods> = {
  'enterprises.list': ({ filter, sort, offset, limit }, ctx) => listEnterprises(ctx.db, { filter, sort }, offset, limit),
  'enterprises.get': ({ id }, ctx) => enterpriseDetail(ctx.db, id),
  'enterprises.create': (input, ctx) => change(ctx, () => insertEnterprise(ctx.db, { ...ENTERPRISE_DEFAULTS, ...definedOnly(input) }, { user: ctx.userName() })),
  'enterprises.update': ({ id, ...patch }, ctx) =>
    change(ctx, () => {
      updateEnterprise(ctx.db, id, patch, { user: ctx.userName() });
      return id;
    }),
  'enterprises.merge': ({ keepId, mergeId }, ctx) =>
    change(ctx, () => {
      mergeEnterprises(ctx.db, keepId, mergeId, { user: ctx.userName() });
      return keepId;
    }),
  'enterprises.history': ({ id }, ctx) => enterpriseHistory(ctx.db, id),
  'enterprises.export': (query, ctx) => ({ jobId: exportEnterprises(ctx, query) }),
  'enterprises.importCheck': ({ fileId, ...choice }, ctx) => ({ jobId: startRegisterImport(ctx, 'enterprises', 'check', fileId, choice) }),
  'enterprises.importCommit': ({ fileId, ...choice }, ctx) => ({ jobId: startRegisterImport(ctx, 'enterprises', 'commit', fileId, choice) }),
};
