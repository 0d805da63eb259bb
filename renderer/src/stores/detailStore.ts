import type { AuditEntry } from '../../../shared/api/projects';

/** The part a record's detail store (project, enterprise) shares: the open record, its history, and taking a change's answer. */
export interface DetailState<D> {
  detail: D | null;
  detailId: number | null;
  history: AuditEntry[] | null;
  open(id: number): Promise<void>;
  close(): void;
  loadHistory(): Promise<void>;
}

export interface DetailSource<D> {
  get(id: number): Promise<D>;
  history(id: number): Promise<AuditEntry[]>;
  idOf(detail: D): number;
  /** Patches the record's row in the loaded list pages. */
  patchRow(detail: D): void;
}

type Set<D> = (patch: Partial<DetailState<D>>) => void;
type Get<D> = () => DetailState<D>;

/**
 * The shared state and actions, and `took`: an edit answers with the record's fresh detail, which the open drawer
 * takes (its history is read again when asked) and the list patches in place — the list is not fetched again.
 */
export function detailSlice<D>(set: Set<D>, get: Get<D>, source: DetailSource<D>) {
  const took = (detail: D) => {
    if (get().detailId === source.idOf(detail)) set({ detail, history: null });
    source.patchRow(detail);
  };
  const state: DetailState<D> = {
    detail: null,
    detailId: null,
    history: null,
    async open(id) {
      const current = get().detail;
      // the record already shown (a refresh) stays on screen while it is read again
      set({ detailId: id, detail: current !== null && source.idOf(current) === id ? current : null, history: null });
      const detail = await source.get(id);
      if (get().detailId === id) set({ detail });
    },
    close() {
      set({ detailId: null, detail: null, history: null });
    },
    async loadHistory() {
      const id = get().detailId;
      if (id === null) return;
      const history = await source.history(id);
      if (get().detailId === id) set({ history });
    },
  };
  return { state, took };
}
