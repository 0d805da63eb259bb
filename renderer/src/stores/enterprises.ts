import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api';
import type { Enterprise, EnterpriseDetail, EnterpriseQuery } from '../../../shared/api/enterprises';
import { api } from '../api/client';
import { detailSlice, type DetailState } from './detailStore';
import { createPagedList } from './pagedList';

export const useEnterpriseList = createPagedList<Enterprise, EnterpriseQuery>(
  (query, offset, limit) => api.call('enterprises.list', { ...query, offset, limit }),
  { filter: {}, sort: { field: 'name', order: 'asc' } },
);

interface EnterpriseState extends DetailState<EnterpriseDetail> {
  create(input: MethodInput<'enterprises.create'>): Promise<EnterpriseDetail>;
  update(input: MethodInput<'enterprises.update'>): Promise<void>;
  merge(keepId: number, mergeId: number): Promise<void>;
}

/** The open enterprise; edits patch its list row in place, creates and merges fetch the loaded pages again. */
export const useEnterpriseStore = create<EnterpriseState>((set, get) => {
  const { state, took } = detailSlice<EnterpriseDetail>(set, get, {
    get: (id) => api.call('enterprises.get', { id }),
    history: (id) => api.call('enterprises.history', { id }),
    idOf: (detail) => detail.enterprise.id,
    patchRow: (detail) => useEnterpriseList.getState().patchRow(detail.enterprise),
  });
  return {
    ...state,
    async create(input) {
      const detail = await api.call('enterprises.create', input);
      await useEnterpriseList.getState().reload();
      set({ detailId: detail.enterprise.id, detail, history: null });
      return detail;
    },
    async update(input) {
      took(await api.call('enterprises.update', input));
    },
    async merge(keepId, mergeId) {
      const detail = await api.call('enterprises.merge', { keepId, mergeId });
      set({ detailId: detail.enterprise.id, detail, history: null });
      await useEnterpriseList.getState().reload();
    },
  };
});
