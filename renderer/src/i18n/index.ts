import { useCallback } from 'react';
import { useAppStore } from '../stores/app';
import { format, type Locale } from './define';

export { defineMessages, type Locale } from './define';

/**
 * The translate function for one feature's catalogue, in the locale chosen in 设置. Keys are checked at compile time.
 */
export function useT<Z extends Record<string, string>>(catalogue: { 'zh-CN': Z; 'en-US': { [K in keyof Z]: string } }) {
  const locale = useAppStore((s) => s.locale);
  return useCallback(
    (key: keyof Z & string, params?: Record<string, string | number>) => format((catalogue[locale] as Record<string, string>)[key] ?? key, params),
    [catalogue, locale],
  );
}

/** Outside React (stores, helpers). */
export function translate<Z extends Record<string, string>>(
  catalogue: { 'zh-CN': Z; 'en-US': { [K in keyof Z]: string } },
  locale: Locale,
  key: keyof Z & string,
  params?: Record<string, string | number>,
): string {
  return format((catalogue[locale] as Record<string, string>)[key] ?? key, params);
}
