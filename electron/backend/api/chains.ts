import type { chainsMethods } from '../../../shared/api/chains';
import { exportChain } from '../chains/export';
import { applyChainEdits } from '../chains/edits';
import { addContact, listContacts } from '../chains/firms-targets';
import { importChainJob } from '../chains/import';
import { layoutMissingPositions } from '../chains/layout-store';
import { createChain, deleteChain, updateChain, type Actor } from '../chains/mutations';
import { chainDetail, chainGaps, chainIdByName, chainSummary, listChains, readChainRow } from '../chains/queries';
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
  'chains.applyEdits': ({ chainId, edits, label }, ctx) =>
    change(ctx, (actor) => ({ ...applyChainEdits(actor, chainId, edits, label), detail: chainDetail(ctx.db, chainId) })),
};
