import type { policyMethods } from '../../../shared/api/policy';
import type { AreaHandlers } from '../context';
import { listCatalogues, searchCatalogue, startCatalogueImport, writeCatalogueTemplate } from '../policy/catalogue';
import { listMeasures } from '../policy/measures';
import { chooseEncouraged, editMeasureClass, setOverride } from '../policy/mutations';
import { policyDetail } from '../policy/status';

export const policyHandlers: AreaHandlers<typeof policyMethods> = {
  'policy.measures': (_input, ctx) => listMeasures(ctx.db),
  'policy.editMeasureClass': (input, ctx) => {
    editMeasureClass(ctx.db, input, ctx.userName());
    return listMeasures(ctx.db, { edition: input.edition, no: input.no }).measures[0]!;
  },
  'policy.get': ({ entity, id }, ctx) => policyDetail(ctx.db, entity, id),
  'policy.override': ({ entity, id, status, measureNo, reason }, ctx) => {
    setOverride(ctx.db, entity, id, status, measureNo, reason, ctx.userName());
    return policyDetail(ctx.db, entity, id);
  },
  'policy.chooseEncouraged': ({ entity, id, itemId }, ctx) => {
    chooseEncouraged(ctx.db, entity, id, itemId, ctx.userName());
    return policyDetail(ctx.db, entity, id);
  },
  'policy.searchEncouraged': ({ text, limit }, ctx) => searchCatalogue(ctx.db, text, limit),
  'policy.catalogues': (_input, ctx) => listCatalogues(ctx.db),
  'policy.catalogueTemplate': (_input, ctx) => writeCatalogueTemplate(ctx),
  'policy.importCatalogue': ({ fileId, version, check }, ctx) => ({ jobId: startCatalogueImport(ctx, fileId, version, check) }),
};
