import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api';
import type { ChainDetail, ChainEdit, ChainEditsResult, ChainSummary, ChainTemplateInfo, Target } from '../../../shared/api/chains';
import { api } from '../api/client';

/**
 * Chains: the list, and the one chain open in the editor. Edits of the open chain go to the backend as one list, and
 * the chain comes back whole; the gap status is recomputed here from the shared rule.
 */

interface ChainsState {
  list: ChainSummary[] | null;
  templates: ChainTemplateInfo[];
  detail: ChainDetail | null;
  loadList(): Promise<void>;
  loadTemplates(): Promise<void>;
  create(input: MethodInput<'chains.create'>): Promise<ChainSummary>;
  update(input: MethodInput<'chains.update'>): Promise<void>;
  remove(id: number): Promise<void>;
  open(id: number): Promise<ChainDetail>;
  close(): void;
  /**
   * Applies edits to the open chain in one call and one transaction; the chain becomes what the backend returns. The
   * result holds the edits that undo these.
   */
  edit(edits: ChainEdit[], label: string): Promise<ChainEditsResult>;
  /** After a contact is logged the target's count and date change. */
  refreshTarget(target: Target): void;
}

const upsert = <T extends { id: number }>(list: T[], item: T): T[] => (list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item]);

export const useChainsStore = create<ChainsState>((set, get) => {
  /** Applies a change to the open chain's detail (nothing when another chain or none is open). */
  const patch = (change: (d: ChainDetail) => Partial<ChainDetail>) => {
    const d = get().detail;
    if (d) set({ detail: { ...d, ...change(d) } });
  };
  const chainId = () => {
    const d = get().detail;
    if (!d) throw new Error('no chain open');
    return d.chain.id;
  };
  return {
    list: null,
    templates: [],
    detail: null,
    async loadList() {
      set({ list: await api.call('chains.list', {}) });
    },
    async loadTemplates() {
      if (get().templates.length === 0) set({ templates: await api.call('chains.templates', {}) });
    },
    async create(input) {
      const chain = await api.call('chains.create', input);
      set({ list: [...(get().list ?? []), chain] });
      return chain;
    },
    async update(input) {
      const chain = await api.call('chains.update', input);
      set({ list: (get().list ?? []).map((c) => (c.id === chain.id ? chain : c)) });
      patch(() => ({ chain }));
    },
    async remove(id) {
      await api.call('chains.delete', { id });
      set({ list: (get().list ?? []).filter((c) => c.id !== id) });
    },
    async open(id) {
      const detail = await api.call('chains.get', { id });
      set({ detail });
      return detail;
    },
    close() {
      set({ detail: null });
    },
    async edit(edits, label) {
      const id = chainId();
      const segmentsBefore = get().detail?.segments;
      // a move shows at once; the call only saves it
      const moved = new Map(edits.flatMap((e) => (e.op === 'segments.move' ? e.positions : [])).map((p) => [p.id, p]));
      if (moved.size > 0) patch((d) => ({ segments: d.segments.map((s) => ({ ...s, ...moved.get(s.id), id: s.id })) }));
      try {
        const result = await api.call('chains.applyEdits', { chainId: id, edits, label });
        if (get().detail?.chain.id === id) set({ detail: result.detail });
        return result;
      } catch (err) {
        // refused as a whole: show the chain as it still is
        if (moved.size > 0 && segmentsBefore) patch(() => ({ segments: segmentsBefore }));
        throw err;
      }
    },
    refreshTarget(target) {
      patch((d) => ({ targets: upsert(d.targets, target) }));
    },
  };
});
