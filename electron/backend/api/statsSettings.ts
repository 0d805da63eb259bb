import type { statsSettingsMethods } from '../../../shared/api/statsSettings';
import type { AreaHandlers, BackendContext } from '../context';
import { deleteRate, listRates, readStatsSettings, saveRate, saveStatsSettings } from '../stats/settings';

function changed(ctx: BackendContext) {
  ctx.events.emit({ type: 'changed', area: 'stats' });
}

export const statsSettingsHandlers: AreaHandlers<typeof statsSettingsMethods> = {
  'stats.settings': (_input, ctx) => readStatsSettings(ctx.db),
  'stats.saveSettings': (input, ctx) => {
    const saved = ctx.db.transaction(() => saveStatsSettings(ctx.db, input, ctx.userName()))();
    changed(ctx);
    return saved;
  },
  'stats.rates': (_input, ctx) => listRates(ctx.db),
  'stats.saveRate': (input, ctx) => {
    const saved = ctx.db.transaction(() => saveRate(ctx.db, input, ctx.userName()))();
    changed(ctx);
    return saved;
  },
  'stats.deleteRate': ({ period }, ctx) => {
    ctx.db.transaction(() => deleteRate(ctx.db, period, ctx.userName()))();
    changed(ctx);
    return {};
  },
};
