import { useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import { api } from './client';

const PAGE_SIZE = 50;

type Query = Omit<MethodInput<'stats.records'>, 'page' | 'pageSize'>;

/**
 * The FDI records behind a figure (stats.records), a page at a time: fetched again when the months, the filter, the
 * options (scope, 口径, comparable, currency) or the page change, back to the first page with each new filter.
 * `query` null: nothing open.
 */
export function useStatsRecords(query: Query | null) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MethodOutput<'stats.records'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  // keyed by content: callers build the query afresh on every render
  const queryKey = query ? JSON.stringify(query) : null;
  const { from: _from, to: _to, ...filterAndOptions } = query ?? {};
  const firstPageKey = JSON.stringify(filterAndOptions);
  useEffect(() => setPage(1), [firstPageKey]);
  useEffect(() => {
    setError(null);
    if (queryKey === null) return setData(null);
    let live = true;
    api.call('stats.records', { ...(JSON.parse(queryKey) as Query), page, pageSize: PAGE_SIZE }).then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [queryKey, page]);
  return { data, error, page, setPage, pageSize: PAGE_SIZE };
}
