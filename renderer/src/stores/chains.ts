import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import type { ChainDetail, ChainSummary, ChainTemplateInfo, Firm, Segment, SegmentLink, SegmentSnapshot, Target } from '../../../shared/api/chains';
import { api } from '../api/client';

/**
 * Chains: the list, and the one chain open in the editor. Each edit calls the backend and then updates only the
 * slice it touched (a segment, a firm, a target); the gap status is recomputed here from the shared rule.
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
  saveSegment(input: MethodInput<'chains.saveSegment'>): Promise<Segment>;
  moveSegments(positions: Array<{ id: number; x: number; y: number }>): Promise<void>;
  deleteSegments(ids: number[]): Promise<SegmentSnapshot>;
  insertSegments(snapshot: SegmentSnapshot, mode: 'restore' | 'copy', offset?: { x: number; y: number }): Promise<MethodOutput<'chains.insertSegments'>>;
  setOverride(segmentId: number, override: { status: 'strong' | 'weak' | 'missing'; reason: string } | null): Promise<void>;
  saveLink(fromId: number, toId: number): Promise<SegmentLink>;
  deleteLink(id: number): Promise<void>;
  saveFirm(input: MethodInput<'chains.saveFirm'>): Promise<Firm>;
  deleteFirm(id: number): Promise<void>;
  saveTarget(input: MethodInput<'chains.saveTarget'>): Promise<Target>;
  deleteTarget(id: number): Promise<void>;
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
    async saveSegment(input) {
      const segment = await api.call('chains.saveSegment', input);
      patch((d) => ({ segments: upsert(d.segments, segment) }));
      return segment;
    },
    async moveSegments(positions) {
      // shown at once; the backend call only persists it
      const at = new Map(positions.map((p) => [p.id, p]));
      patch((d) => ({ segments: d.segments.map((s) => (at.has(s.id) ? { ...s, x: at.get(s.id)!.x, y: at.get(s.id)!.y } : s)) }));
      await api.call('chains.moveSegments', { chainId: chainId(), positions });
    },
    async deleteSegments(ids) {
      const snapshot = await api.call('chains.deleteSegments', { chainId: chainId(), ids });
      const gone = new Set(snapshot.segments.map((s) => s.id));
      patch((d) => ({
        segments: d.segments.filter((s) => !gone.has(s.id)),
        links: d.links.filter((l) => !gone.has(l.fromId) && !gone.has(l.toId)),
        firms: d.firms.filter((f) => !gone.has(f.segmentId)),
        targets: d.targets.filter((t) => !gone.has(t.segmentId)),
        projects: d.projects.filter((p) => !gone.has(p.segmentId)),
      }));
      return snapshot;
    },
    async insertSegments(snapshot, mode, offset) {
      const id = chainId();
      const inserted = await api.call('chains.insertSegments', { chainId: id, snapshot, mode, offset });
      patch((d) => ({
        segments: [...d.segments, ...inserted.segments],
        links: [...d.links, ...inserted.links],
        firms: [...d.firms, ...inserted.firms],
        targets: [...d.targets, ...inserted.targets],
      }));
      // project placements come back with a restore: take them from the backend
      if (mode === 'restore' && snapshot.projectSegments.length > 0) {
        const fresh = await api.call('chains.get', { id });
        patch(() => ({ projects: fresh.projects }));
      }
      return inserted;
    },
    async setOverride(segmentId, override) {
      const segment = await api.call('chains.setOverride', { segmentId, override });
      patch((d) => ({ segments: upsert(d.segments, segment) }));
    },
    async saveLink(fromId, toId) {
      const link = await api.call('chains.saveLink', { chainId: chainId(), fromId, toId });
      patch((d) => ({ links: upsert(d.links, link) }));
      return link;
    },
    async deleteLink(id) {
      await api.call('chains.deleteLink', { id });
      patch((d) => ({ links: d.links.filter((l) => l.id !== id) }));
    },
    async saveFirm(input) {
      const firm = await api.call('chains.saveFirm', input);
      patch((d) => ({ firms: upsert(d.firms, firm) }));
      return firm;
    },
    async deleteFirm(id) {
      await api.call('chains.deleteFirm', { id });
      patch((d) => ({ firms: d.firms.filter((f) => f.id !== id) }));
    },
    async saveTarget(input) {
      const target = await api.call('chains.saveTarget', input);
      patch((d) => ({ targets: upsert(d.targets, target) }));
      return target;
    },
    async deleteTarget(id) {
      await api.call('chains.deleteTarget', { id });
      patch((d) => ({ targets: d.targets.filter((t) => t.id !== id) }));
    },
    refreshTarget(target) {
      patch((d) => ({ targets: upsert(d.targets, target) }));
    },
  };
});
