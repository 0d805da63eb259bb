import { useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import { api } from './client';

const PAGE_SIZE = 50;

/**
 * The FDI records behind a figure (stats.records), a page at a time: fetched again when the months, the filter or the
 * page change, back to the first page with each new filter. `query` null: nothing open.
 */
export function useStatsRecords(query: Pick<MethodInput<'stats.records'>, 'from' | 'to' | 'filter'> | null) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MethodOutput<'stats.records'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const filter = query?.filter;
  useEffect(() => setPage(1), [filter]);
  useEffect(() => {
    setError(null);
    if (!query) return setData(null);
    let live = true;
    api.call('stats.records', { ...query, page, pageSize: PAGE_SIZE }).then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query is its three parts
  }, [query?.from, query?.to, filter, page]);
  return { data, error, page, setPage, pageSize: PAGE_SIZE };
}
