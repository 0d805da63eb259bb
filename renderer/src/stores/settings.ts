import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import { api } from '../api/client';
import { useAppStore } from './app';

type SettingsData = MethodOutput<'settings.get'>;
type DbInfo = MethodOutput<'system.info'>;
type Backup = MethodOutput<'system.listBackups'>[number];

interface SettingsState {
  data: SettingsData | null;
  info: DbInfo | null;
  backups: Backup[];
  load(): Promise<void>;
  setJurisdiction(input: MethodInput<'settings.setJurisdiction'>): Promise<void>;
  setPreferences(input: MethodInput<'settings.setPreferences'>): Promise<void>;
  saveDistrict(input: MethodInput<'settings.saveDistrict'>): Promise<void>;
  deleteDistrict(id: number): Promise<void>;
  savePlatform(input: MethodInput<'settings.savePlatform'>): Promise<void>;
  deletePlatform(id: number): Promise<void>;
  loadBackups(): Promise<void>;
  backupNow(): Promise<void>;
  restore(name: string): Promise<MethodOutput<'system.restore'>>;
}

/** Settings, districts, platforms and the database's backups. Edits update the slice they touch, not everything. */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  data: null,
  info: null,
  backups: [],
  async load() {
    const [data, info] = await Promise.all([api.call('settings.get', {}), api.call('system.info', {})]);
    set({ data, info });
    useAppStore.getState().setLocale(data.preferences.locale);
  },
  async setJurisdiction(input) {
    await api.call('settings.setJurisdiction', input);
    // districts may have been prefilled from the division list, so take the whole settings once
    set({ data: await api.call('settings.get', {}) });
  },
  async setPreferences(input) {
    const preferences = await api.call('settings.setPreferences', input);
    const data = get().data;
    if (data) set({ data: { ...data, preferences } });
    useAppStore.getState().setLocale(preferences.locale);
  },
  async saveDistrict(input) {
    const saved = await api.call('settings.saveDistrict', input);
    const data = get().data!;
    const districts = data.districts.some((d) => d.id === saved.id)
      ? data.districts.map((d) => (d.id === saved.id ? saved : d))
      : [...data.districts, saved];
    set({ data: { ...data, districts } });
  },
  async deleteDistrict(id) {
    await api.call('settings.deleteDistrict', { id });
    const data = get().data!;
    set({ data: { ...data, districts: data.districts.filter((d) => d.id !== id) } });
  },
  async savePlatform(input) {
    const saved = await api.call('settings.savePlatform', input);
    const data = get().data!;
    const platforms = data.platforms.some((p) => p.id === saved.id)
      ? data.platforms.map((p) => (p.id === saved.id ? saved : p))
      : [...data.platforms, saved];
    set({ data: { ...data, platforms } });
  },
  async deletePlatform(id) {
    await api.call('settings.deletePlatform', { id });
    const data = get().data!;
    set({ data: { ...data, platforms: data.platforms.filter((p) => p.id !== id) } });
  },
  async loadBackups() {
    set({ backups: await api.call('system.listBackups', {}) });
  },
  async backupNow() {
    await api.call('system.backup', { reason: 'manual' });
    await get().loadBackups();
  },
  async restore(name) {
    const result = await api.call('system.restore', { name });
    await Promise.all([get().load(), get().loadBackups()]);
    return result;
  },
}));
