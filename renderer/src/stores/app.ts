import { create } from 'zustand';
import type { Locale } from '../i18n/define';

export const SECTIONS = ['home', 'projects', 'enterprises', 'chains', 'stats', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  /** What follows the section in the hash: `#/projects/12` → ['12']. */
  path: string[];
  /** Query after `?` in the hash: `#/stats?from=2025-01`. */
  query: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first, ...rest] = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const section = (SECTIONS as readonly string[]).includes(first ?? '') ? (first as Section) : 'home';
  return { section, path: section === first ? rest : [], query: Object.fromEntries(new URLSearchParams(queryPart)) };
}

export function routeHash(section: Section, path: Array<string | number> = [], query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return `#/${[section, ...path].map((p) => encodeURIComponent(String(p))).join('/')}${q ? `?${q}` : ''}`;
}

interface AppState {
  locale: Locale;
  route: Route;
  setLocale(locale: Locale): void;
  /** Goes to a section (and sub-path); other views link with this so the back button works. */
  navigate(section: Section, path?: Array<string | number>, query?: Record<string, string>): void;
}

export const useAppStore = create<AppState>((set) => ({
  locale: 'zh-CN',
  route: parseHash(typeof window === 'undefined' ? '' : window.location.hash),
  setLocale: (locale) => set({ locale }),
  navigate: (section, path = [], query = {}) => {
    window.location.hash = routeHash(section, path, query);
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useAppStore.setState({ route: parseHash(window.location.hash) }));
}
