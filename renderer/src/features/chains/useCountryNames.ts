import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';

let cache: Map<string, string> | null = null;
let pending: Promise<Map<string, string>> | null = null;

/** Country (region) code → Chinese name, loaded once per session (exports ask for it when they need it). */
export function countryNames(): Promise<Map<string, string>> {
  pending ??= api.call('reference.listCountries', {}).then((list) => (cache = new Map(list.map((c) => [c.code, c.name]))));
  return pending;
}

/** Country (region) code → Chinese name, loaded once per session. Until it arrives the code is shown. */
export function useCountryNames(): (code: string | null) => string {
  const [names, setNames] = useState<Map<string, string> | null>(cache);
  useEffect(() => {
    if (!cache) void countryNames().then(setNames, () => undefined);
  }, []);
  return useCallback((code) => (code ? (names?.get(code) ?? code) : ''), [names]);
}
