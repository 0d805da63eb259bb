import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import type { Project, ProjectDetail, ProjectQuery, SavedView } from '../../../shared/api/projects';
import { api } from '../api/client';
import { detailSlice, type DetailState } from './detailStore';
import { createPagedList } from './pagedList';

export const DEFAULT_PROJECT_QUERY: ProjectQuery = { filter: {}, sort: { field: 'updatedAt', order: 'desc' } };

/** The project list, a page at a time from the server. */
export const useProjectList = createPagedList<Project, ProjectQuery>(
  (query, offset, limit) => api.call('projects.list', { ...query, offset, limit }),
  DEFAULT_PROJECT_QUERY,
);

type FilterOptions = MethodOutput<'projects.filterOptions'>;

interface ProjectState extends DetailState<ProjectDetail> {
  views: SavedView[];
  options: FilterOptions | null;
  loadViews(): Promise<void>;
  loadOptions(): Promise<void>;
  saveView(name: string, query: ProjectQuery): Promise<SavedView>;
  deleteView(id: number): Promise<void>;
  create(input: MethodInput<'projects.create'>): Promise<ProjectDetail>;
  update(input: MethodInput<'projects.update'>): Promise<void>;
  remove(id: number): Promise<void>;
  changeStage(input: MethodInput<'projects.changeStage'>): Promise<void>;
  logEvent(input: MethodInput<'projects.logEvent'>): Promise<void>;
  deleteEvent(id: number): Promise<void>;
  raiseIssue(input: MethodInput<'projects.raiseIssue'>): Promise<void>;
  updateIssue(input: MethodInput<'projects.updateIssue'>): Promise<void>;
  resolveIssue(input: MethodInput<'projects.resolveIssue'>): Promise<void>;
  /** Fetches a project again after a change made elsewhere (its market access), patching its row in place. */
  refresh(id: number): Promise<void>;
}

/**
 * The open project (detail drawer), saved views and filter options. Every edit answers with the project's fresh
 * detail: the drawer takes it and the list row is patched in place — the list is not fetched again.
 */
export const useProjectStore = create<ProjectState>((set, get) => {
  const { state, took } = detailSlice<ProjectDetail>(set, get, {
    get: (id) => api.call('projects.get', { id }),
    history: (id) => api.call('projects.history', { id }),
    idOf: (detail) => detail.project.id,
    patchRow: (detail) => useProjectList.getState().patchRow(detail.project),
  });
  return {
    ...state,
    views: [],
    options: null,
    async loadViews() {
      set({ views: await api.call('projects.listViews', {}) });
    },
    async loadOptions() {
      set({ options: await api.call('projects.filterOptions', {}) });
    },
    async saveView(name, query) {
      const view = await api.call('projects.saveView', { name, query });
      set({ views: [...get().views.filter((v) => v.name !== name), view].sort((a, b) => a.name.localeCompare(b.name)) });
      return view;
    },
    async deleteView(id) {
      await api.call('projects.deleteView', { id });
      set({ views: get().views.filter((v) => v.id !== id) });
    },
    async create(input) {
      const detail = await api.call('projects.create', input);
      // a new project's place depends on the sort and filter: the loaded pages are fetched again
      await useProjectList.getState().reload();
      set({ detailId: detail.project.id, detail, history: null });
      void get().loadOptions();
      return detail;
    },
    async update(input) {
      took(await api.call('projects.update', input));
    },
    async remove(id) {
      await api.call('projects.delete', { id });
      set({ detailId: null, detail: null, history: null });
      await useProjectList.getState().reload();
    },
    async changeStage(input) {
      took(await api.call('projects.changeStage', input));
    },
    async logEvent(input) {
      took(await api.call('projects.logEvent', input));
    },
    async deleteEvent(id) {
      took(await api.call('projects.deleteEvent', { id }));
    },
    async raiseIssue(input) {
      took(await api.call('projects.raiseIssue', input));
    },
    async updateIssue(input) {
      took(await api.call('projects.updateIssue', input));
    },
    async resolveIssue(input) {
      took(await api.call('projects.resolveIssue', input));
    },
    async refresh(id) {
      took(await api.call('projects.get', { id }));
    },
  };
});
