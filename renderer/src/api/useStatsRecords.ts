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
  const filter = query?.filter;
  const { from, to, filter: _f, ...options } = query ?? { from: '', to: '' };
  const optionsKey = JSON.stringify(options);
  useEffect(() => setPage(1), [filter, optionsKey]);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query is its parts
  }, [from, to, filter, optionsKey, page]);
  return { data, error, page, setPage, pageSize: PAGE_SIZE };
}
