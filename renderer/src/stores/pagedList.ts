import { create } from 'zustand';

export interface PagedListState<Row, Q> {
  query: Q;
  /** Rows the query matches on the server; null before the first answer. */
  total: number | null;
  /** Loaded pages by page number. Kept while a new query or a reload is on its way, so the table never goes blank. */
  pages: Record<number, Row[]>;
  /** The query the pages belong to (differs from `query` until the new query's first page arrives). */
  shownQuery: Q;
  error: unknown;
  setQuery(query: Q): void;
  /** Makes sure the rows `from`..`to` (inclusive) are loaded or on their way, with a page of margin each side. */
  ensure(from: number, to: number): void;
  /**
   * Fetches the pages in view again (after an import, a create or a delete); old rows stay until new ones arrive,
   * pages out of view are dropped and fetched when scrolled to.
   */
  reload(): Promise<void>;
  /** Replaces one row wherever it is loaded (after an edit), without asking the server for the list again. */
  patchRow(row: Row): void;
  rowAt(index: number): Row | undefined;
}

type FetchPage<Row, Q> = (query: Q, offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>;

/**
 * A list served by the backend a page at a time (server-side filter, sort and paging), for virtualized tables: only
 * the pages the user scrolls to are fetched. Answers to an older query are dropped by generation.
 */
export function createPagedList<Row extends { id: number }, Q>(fetchPage: FetchPage<Row, Q>, initial: Q, pageSize = 100) {
  let generation = 0;
  const inFlight = new Set<number>();
  /** The pages last asked for by ensure (the view and its margin). */
  let viewPages: [number, number] = [0, 0];
  return create<PagedListState<Row, Q>>((set, get) => {
    const load = async (page: number, gen: number, fresh: boolean) => {
      if (inFlight.has(page) && !fresh) return;
      inFlight.add(page);
      try {
        const { rows, total } = await fetchPage(get().query, page * pageSize, pageSize);
        if (gen !== generation) return;
        set((s) => ({
          total,
          error: null,
          shownQuery: s.query,
          // the first page of a new query replaces what the old query showed
          pages: fresh && page === 0 ? { 0: rows } : { ...s.pages, [page]: rows },
        }));
      } catch (error) {
        if (gen === generation) set({ error });
      } finally {
        inFlight.delete(page);
      }
    };
    return {
      query: initial,
      shownQuery: initial,
      total: null,
      pages: {},
      error: null,
      setQuery(query) {
        generation++;
        inFlight.clear();
        set({ query });
        void load(0, generation, true);
      },
      ensure(from, to) {
        const { pages, total } = get();
        if (total === null) {
          if (!inFlight.has(0)) void load(0, generation, false);
          return;
        }
        const last = Math.max(0, Math.ceil(total / pageSize) - 1);
        const first = Math.max(0, Math.floor(from / pageSize) - 1);
        const end = Math.min(last, Math.floor(to / pageSize) + 1);
        viewPages = [first, end];
        for (let p = first; p <= end; p++) if (!pages[p]) void load(p, generation, false);
      },
      async reload() {
        generation++;
        inFlight.clear();
        const gen = generation;
        const inView = Object.keys(get().pages)
          .map(Number)
          .filter((p) => p >= viewPages[0] && p <= viewPages[1]);
        const results = await Promise.allSettled((inView.length ? inView : [0]).map(async (p) => [p, await fetchPage(get().query, p * pageSize, pageSize)] as const));
        if (gen !== generation) return;
        const pages: Record<number, Row[]> = {};
        let total = get().total;
        for (const r of results) {
          if (r.status === 'fulfilled') {
            pages[r.value[0]] = r.value[1].rows;
            total = r.value[1].total;
          } else set({ error: r.reason });
        }
        set({ pages, total, shownQuery: get().query });
      },
      patchRow(row) {
        const pages = get().pages;
        for (const [p, rows] of Object.entries(pages)) {
          const i = rows.findIndex((r) => r.id === row.id);
          if (i >= 0) {
            const next = rows.slice();
            next[i] = row;
            set({ pages: { ...pages, [p]: next } });
            return;
          }
        }
      },
      rowAt(index) {
        return get().pages[Math.floor(index / pageSize)]?.[index % pageSize];
      },
    };
  });
}
