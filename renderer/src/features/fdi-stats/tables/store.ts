import { create } from 'zustand';
import type { FileRef } from '../../../../../shared/api/files';
import type { JobState } from '../../../../../shared/api/jobs';
import type { Consolidation, StatsTables } from '../../../../../shared/api/stats';
import { api } from '../../../api/client';
import { saveFile } from '../../../api/platform';
import { defaultRange, type MonthRange } from './range';

interface StatsTablesState {
  range: MonthRange;
  data: StatsTables | null;
  loading: boolean;
  error: unknown;
  consolidation: Consolidation | null;
  exportJob: JobState | null;
  setRange(range: MonthRange): void;
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
    data: null,
    loading: false,
    error: null,
    consolidation: null,
    exportJob: null,
    setRange(range) {
      set({ range, consolidation: null });
      void get().load();
    },
    async load() {
      const mine = ++request;
      set({ loading: true, error: null });
      try {
        const data = await api.call('stats.tables', get().range);
        if (mine === request) set({ data, loading: false });
      } catch (error) {
        if (mine === request) set({ error, loading: false });
      }
    },
    async checkConsolidation() {
      set({ consolidation: await api.call('stats.consolidation', get().range) });
    },
    async exportWorkbook() {
      const { jobId } = await api.call('stats.export', get().range);
      const job = await api.waitForJob(jobId, (state) => set({ exportJob: state }));
      set({ exportJob: job });
      if (job.status !== 'done') return null;
      const file = job.result as FileRef;
      await saveFile(file.fileId, file.name);
      return file;
    },
  };
});
