import type { referenceListMethods, referenceMethods } from '../../../shared/api/reference';
import type { AreaHandlers } from '../context';
import { listRefLists, saveRefList } from '../reference/lists';
import { findCountry, listCountries, listCountryGroups, childDivisions, searchIndustries } from '../reference/queries';

export const referenceHandlers: AreaHandlers<typeof referenceMethods> = {
  'reference.versions': (_input, ctx) =>
    ctx.db.prepare('SELECT dataset, version, rows FROM ref_version ORDER BY dataset').all() as {
      dataset: string;
      version: string;
      rows: number;
    }[],
  'reference.searchIndustries': ({ query, level, limit }, ctx) => searchIndustries(ctx.db, query, level, limit),
  'reference.resolveCountry': ({ text }, ctx) => findCountry(ctx.db, text),
  'reference.listCountries': (_input, ctx) => listCountries(ctx.db),
  'reference.listDivisions': ({ parent }, ctx) => childDivisions(ctx.db, parent),
  'reference.listCountryGroups': (_input, ctx) => listCountryGroups(ctx.db),
};

export const referenceListHandlers: AreaHandlers<typeof referenceListMethods> = {
  'reference.lists': (_input, ctx) => listRefLists(ctx.db),
  'reference.saveList': (input, ctx) => saveRefList(ctx.db, input, ctx.userName()),
};
