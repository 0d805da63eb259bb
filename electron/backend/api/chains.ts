import type { chainsMethods } from '../../../shared/api/chains';
import { exportChain } from '../chains/export';
import { addContact, deleteFirm, deleteTarget, listContacts, saveFirm, saveTarget } from '../chains/firms-targets';
import { importChainJob } from '../chains/import';
import { layoutMissingPositions } from '../chains/layout-store';
import { createChain, deleteChain, deleteLink, moveSegments, saveLink, saveSegment, setOverride, updateChain, type Actor } from '../chains/mutations';
import { chainDetail, chainGaps, chainIdByName, chainSummary, listChains, readChainRow } from '../chains/queries';
import { deleteSegments, insertSegments } from '../chains/snapshot';
import { applyTemplate, findTemplate, templateInfos } from '../chains/templates';
import { commitsItself, type AreaHandlers, type BackendContext } from '../context';

/** A change's actor: the database and the user, for the audit entry written in dispatch's transaction. */
function change<T>(ctx: BackendContext, run: (actor: Actor) => T): T {
  return run({ db: ctx.db, user: ctx.userName() });
}

export const chainsHandlers: AreaHandlers<typeof chainsMethods> = {
  'chains.list': (_input, ctx) => listChains(ctx.db),
  'chains.templates': () => templateInfos(),
  // the layout is computed off the thread after the chain is committed
  'chains.create': commitsItself(async (input, ctx) => {
    const id = ctx.db.transaction(() => change(ctx, (actor) => {
      const template = input.template ? findTemplate(input.template) : null;
      const chainId = createChain(actor, { ...input, template: template?.name ?? null, tiers: template?.tiers ?? null });
      if (template) applyTemplate(ctx.db, chainId, template);
      return chainId;
    }))();
    await layoutMissingPositions(ctx.db, id);
    return chainSummary(ctx.db, id);
  }),
  'chains.update': ({ id, ...patch }, ctx) =>
    change(ctx, (actor) => {
      updateChain(actor, id, patch);
      return chainSummary(ctx.db, id);
    }),
  'chains.delete': ({ id }, ctx) => change(ctx, (actor) => (deleteChain(actor, id), {})),
  'chains.get': ({ id }, ctx) => chainDetail(ctx.db, id),
  'chains.gaps': ({ id, name }, ctx) => chainGaps(ctx.db, id ?? chainIdByName(ctx.db, name!)),
  'chains.saveSegment': (input, ctx) => change(ctx, (actor) => saveSegment(actor, input)),
  'chains.moveSegments': ({ chainId, positions }, ctx) => change(ctx, (actor) => (moveSegments(actor, chainId, positions), {})),
  'chains.deleteSegments': ({ chainId, ids }, ctx) => change(ctx, (actor) => deleteSegments(actor, chainId, ids)),
  'chains.insertSegments': ({ chainId, snapshot, mode, offset }, ctx) =>
    change(ctx, (actor) => {
      readChainRow(ctx.db, chainId);
      return insertSegments(actor, chainId, snapshot, mode, offset);
    }),
  'chains.setOverride': ({ segmentId, override }, ctx) => change(ctx, (actor) => setOverride(actor, segmentId, override)),
  'chains.saveLink': ({ chainId, fromId, toId }, ctx) => change(ctx, (actor) => saveLink(actor, chainId, fromId, toId)),
  'chains.deleteLink': ({ id }, ctx) => change(ctx, (actor) => (deleteLink(actor, id), {})),
  'chains.saveFirm': (input, ctx) => change(ctx, (actor) => saveFirm(actor, input)),
  'chains.deleteFirm': ({ id }, ctx) => change(ctx, (actor) => (deleteFirm(actor, id), {})),
  'chains.saveTarget': (input, ctx) => change(ctx, (actor) => saveTarget(actor, input)),
  'chains.deleteTarget': ({ id }, ctx) => change(ctx, (actor) => (deleteTarget(actor, id), {})),
  'chains.listContacts': ({ targetId }, ctx) => listContacts(ctx.db, targetId),
  'chains.addContact': (input, ctx) => change(ctx, (actor) => addContact(actor, input)),
  'chains.enterpriseOptions': ({ query, limit }, ctx) =>
    ctx.db
      .prepare(
        `SELECT id, name, uscc, country_code AS countryCode FROM enterprise
         WHERE @q = '' OR name LIKE @like OR uscc LIKE @prefix ORDER BY (name = @q) DESC, length(name), name LIMIT @limit`,
      )
      .all({ q: query, like: `%${query}%`, prefix: `${query.toUpperCase()}%`, limit }) as Array<{ id: number; name: string; uscc: string | null; countryCode: string | null }>,
  'chains.projectOptions': ({ query, limit }, ctx) =>
    ctx.db
      .prepare(`SELECT id, name, stage FROM project WHERE @q = '' OR name LIKE @like ORDER BY updated_at DESC LIMIT @limit`)
      .all({ q: query, like: `%${query}%`, limit }) as Array<{ id: number; name: string; stage: 'lead' }>,
  'chains.import': (input, ctx) => ({
    jobId: ctx.jobs.start('chains.import', (job) => ctx.gate.writer(`导入产业链“${input.name}”`, job, () => importChainJob(ctx, input, job))),
  }),
  'chains.export': (input, ctx) => {
    readChainRow(ctx.db, input.chainId);
    return { jobId: ctx.jobs.start('chains.export', (job) => exportChain(ctx, input, job)) };
  },
};
