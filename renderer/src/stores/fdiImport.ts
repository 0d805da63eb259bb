import { create } from 'zustand';
import type { ImportBatch } from '../../../shared/api/fdiImport';
import { api } from '../api/client';

interface FdiImportState {
  batches: ImportBatch[];
  loaded: boolean;
  loadBatches(): Promise<void>;
  /** Undoes a batch and updates just that line of the history. */
  undo(batchId: number): Promise<{ removedRecords: number }>;
}

/** The history of FDI imports. A commit adds its batches by reloading the (short) history once. */
export const useFdiImportStore = create<FdiImportState>((set, get) => ({
  batches: [],
  loaded: false,
  async loadBatches() {
    set({ batches: await api.call('fdiImport.batches', {}), loaded: true });
  },
  async undo(batchId) {
    const result = await api.call('fdiImport.undo', { batchId });
    const undoneAt = new Date().toISOString();
    set({ batches: get().batches.map((b) => (b.id === batchId ? { ...b, undoneAt, records: 0 } : b)) });
    return result;
  },
}));
