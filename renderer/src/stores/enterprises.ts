import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api';
import type { Enterprise, EnterpriseDetail, EnterpriseQuery } from '../../../shared/api/enterprises';
import type { AuditEntry } from '../../../shared/api/projects';
import { api } from '../api/client';
import { createPagedList } from './pagedList';

export const useEnterpriseList = createPagedList<Enterprise, EnterpriseQuery>(
  (query, offset, limit) => api.call('enterprises.list', { ...query, offset, limit }),
  { filter: {}, sort: { field: 'name', order: 'asc' } },
);

let ownChangeAt = 0;
/** Whether a `changed` event is most likely the echo of this window's own edit (see isOwnProjectChange). */
export const isOwnEnterpriseChange = () => Date.now() - ownChangeAt < 2000;

interface EnterpriseState {
  detail: EnterpriseDetail | null;
  detailId: number | null;
  history: AuditEntry[] | null;
  open(id: number): Promise<void>;
  close(): void;
  loadHistory(): Promise<void>;
  create(input: MethodInput<'enterprises.create'>): Promise<EnterpriseDetail>;
  update(input: MethodInput<'enterprises.update'>): Promise<void>;
  merge(keepId: number, mergeId: number): Promise<void>;
}

/** The open enterprise; edits patch its list row in place, creates and merges fetch the loaded pages again. */
export const useEnterpriseStore = create<EnterpriseState>((set, get) => ({
  detail: null,
  detailId: null,
  history: null,
  async open(id) {
    set({ detailId: id, detail: null, history: null });
    const detail = await api.call('enterprises.get', { id });
    if (get().detailId === id) set({ detail });
  },
  close() {
    set({ detailId: null, detail: null, history: null });
  },
  async loadHistory() {
    const id = get().detailId;
    if (id === null) return;
    const history = await api.call('enterprises.history', { id });
    if (get().detailId === id) set({ history });
  },
  async create(input) {
    const detail = await api.call('enterprises.create', input);
    ownChangeAt = Date.now();
    await useEnterpriseList.getState().reload();
    set({ detailId: detail.enterprise.id, detail, history: null });
    return detail;
  },
  async update(input) {
    const detail = await api.call('enterprises.update', input);
    ownChangeAt = Date.now();
    set({ detail, history: null });
    useEnterpriseList.getState().patchRow(detail.enterprise);
  },
  async merge(keepId, mergeId) {
    const detail = await api.call('enterprises.merge', { keepId, mergeId });
    ownChangeAt = Date.now();
    set({ detail, history: null });
    await useEnterpriseList.getState().reload();
  },
}));
