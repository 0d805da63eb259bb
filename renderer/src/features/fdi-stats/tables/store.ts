import { create } from 'zustand';
import type { FileRef } from '../../../../../shared/api/files';
import type { JobState } from '../../../../../shared/api/jobs';
import type { Consolidation, StatsOptions, StatsTables } from '../../../../../shared/api/stats';
import { api, ApiError } from '../../../api/client';
import { saveFile } from '../../../api/platform';
import { defaultRange, type MonthRange } from './range';

/** How the tables count: scope, comparable 同比, currency, and the 口径 of 境内再投资 (undefined: the setting). */
export type TablesOptions = Pick<StatsOptions, 'scope' | 'comparable' | 'currency' | 'domesticReinvestment'>;
export const DEFAULT_OPTIONS: TablesOptions = { scope: 'all', comparable: false, currency: 'usd', domesticReinvestment: undefined };

/** The query the tables, their records and the export are asked with. */
export function tablesQuery(range: MonthRange, options: TablesOptions) {
  const { domesticReinvestment, ...rest } = options;
  return { ...range, ...rest, ...(domesticReinvestment ? { domesticReinvestment } : {}) };
}

interface StatsTablesState {
  range: MonthRange;
  options: TablesOptions;
  data: StatsTables | null;
  loading: boolean;
  error: unknown;
  consolidation: Consolidation | null;
  exportJob: JobState | null;
  setRange(range: MonthRange): void;
  setOptions(options: Partial<TablesOptions>): void;
  load(): Promise<void>;
  checkConsolidation(): Promise<void>;
  /** Runs the export job (progress in exportJob), then saves the file through the platform. */
  exportWorkbook(): Promise<FileRef | null>;
}

/** The standard tables of the chosen months. A newer request wins: an answer for an older range is dropped. */
export const useStatsTablesStore = create<StatsTablesState>((set, get) => {
  let request = 0;
  return {
    range: defaultRange(),
    options: DEFAULT_OPTIONS,
    data: null,
    loading: false,
    error: null,
    consolidation: null,
    exportJob: null,
    setRange(range) {
      set({ range, consolidation: null });
      void get().load();
    },
    setOptions(options) {
      set({ options: { ...get().options, ...options }, consolidation: null });
      void get().load();
    },
    async load() {
      const mine = ++request;
      set({ loading: true, error: null });
      try {
        const data = await api.call('stats.tables', tablesQuery(get().range, get().options));
        if (mine === request) set({ data, loading: false });
      } catch (error) {
        // no figures of other options left on the screen under the new ones
        if (mine === request) set({ error, data: null, loading: false });
      }
    },
    async checkConsolidation() {
      set({ consolidation: await api.call('stats.consolidation', tablesQuery(get().range, get().options)) });
    },
    async exportWorkbook() {
      const job = await api.runJob('stats.export', tablesQuery(get().range, get().options), { onProgress: (state) => set({ exportJob: state }) });
      set({ exportJob: job.job });
      // refused before it started (no job to show): the caller's error message says why
      if (job.status !== 'done' && !job.job) throw new ApiError(job.error);
      if (job.status !== 'done') return null;
      const file = job.result;
      await saveFile(file.fileId, file.name);
      return file;
    },
  };
});
