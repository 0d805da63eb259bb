import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import type { DashboardAlert, Target } from '../../../shared/api/dashboard';
import type { StatsScope } from '../../../shared/domain/fdi';
import { api } from '../api/client';

type Kpis = MethodOutput<'dashboard.kpis'>;
type Charts = MethodOutput<'dashboard.charts'>;

/** The latest month a bureau can have figures for: last month (December of last year in January). */
export function defaultPeriod(today = new Date()): { year: number; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: this is last month's number
  return m === 0 ? { year: y - 1, to: `${y - 1}-12` } : { year: y, to: `${y}-${String(m).padStart(2, '0')}` };
}

interface DashboardState {
  year: number;
  to: string;
  /** The headline's scope: the plan's (不含银行、证券、保险) unless chosen otherwise. */
  scope: StatsScope;
  kpis: Kpis | null;
  charts: Charts | null;
  alerts: DashboardAlert[];
  targets: Target[];
  loading: boolean;
  /** Picks the year and the last month counted; keeps the month number when only the year changes. */
  setPeriod(year: number, to?: string): void;
  setScope(scope: StatsScope): void;
  load(): Promise<void>;
  loadTargets(): Promise<void>;
  setTarget(input: MethodInput<'dashboard.setTarget'>): Promise<void>;
  deleteTarget(indicator: string): Promise<void>;
}

/** The dashboard's figures for the chosen year and month. A target edit reloads the cards only (charts keep). */
export const useDashboardStore = create<DashboardState>((set, get) => ({
  ...defaultPeriod(),
  scope: 'excl-finance',
  kpis: null,
  charts: null,
  alerts: [],
  targets: [],
  loading: false,
  setPeriod(year, to) {
    set({ year, to: to ?? `${year}-${get().to.slice(5, 7)}` });
  },
  setScope(scope) {
    set({ scope });
  },
  async load() {
    const { year, to, scope } = get();
    set({ loading: true });
    try {
      // the cards and the charts in one call: the year's tables are computed once
      const [home, alerts, targets] = await Promise.all([
        api.call('dashboard.home', { year, to, scope }),
        api.call('dashboard.alerts', {}),
        api.call('dashboard.targets', { year }),
      ]);
      // a later pick may have landed first: keep only the answer for what is chosen now
      if (get().year === year && get().to === to && get().scope === scope) set({ kpis: home.kpis, charts: home.charts, alerts, targets });
    } finally {
      set({ loading: false });
    }
  },
  async loadTargets() {
    set({ targets: await api.call('dashboard.targets', { year: get().year }) });
  },
  async setTarget(input) {
    const saved = await api.call('dashboard.setTarget', input);
    if (saved.year === get().year) {
      const others = get().targets.filter((t) => t.indicator !== saved.indicator);
      set({ targets: [...others, saved] });
      await refreshCards(set, get);
    }
  },
  async deleteTarget(indicator) {
    const { year } = get();
    await api.call('dashboard.deleteTarget', { year, indicator });
    set({ targets: get().targets.filter((t) => t.indicator !== indicator) });
    await refreshCards(set, get);
  },
}));

/** A target changes the cards and the target line of the cumulative chart, nothing else. */
async function refreshCards(set: (s: Partial<DashboardState>) => void, get: () => DashboardState) {
  const { year, to, scope, charts } = get();
  const kpis = await api.call('dashboard.kpis', { year, to, scope });
  const actualTarget = kpis.kpis.find((k) => k.indicator === 'actualFdi')?.target ?? null;
  set({ kpis, charts: charts && charts.year === year ? { ...charts, cumulative: { ...charts.cumulative, target: actualTarget } } : charts });
}
