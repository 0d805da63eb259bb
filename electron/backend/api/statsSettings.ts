import type { statsSettingsMethods } from '../../../shared/api/statsSettings';
import type { AreaHandlers } from '../context';
import { deleteRate, listRates, readStatsSettings, saveRate, saveStatsSettings } from '../stats/settings';

export const statsSettingsHandlers: AreaHandlers<typeof statsSettingsMethods> = {
  'stats.settings': (_input, ctx) => readStatsSettings(ctx.db),
  'stats.saveSettings': (input, ctx) => saveStatsSettings(ctx.db, input, ctx.userName()),
  'stats.rates': (_input, ctx) => listRates(ctx.db),
  'stats.saveRate': (input, ctx) => saveRate(ctx.db, input, ctx.userName()),
  'stats.deleteRate': ({ period }, ctx) => {
    deleteRate(ctx.db, period, ctx.userName());
    return {};
  },
};
