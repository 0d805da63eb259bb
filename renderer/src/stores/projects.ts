import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../shared/api';
import type { AuditEntry, Project, ProjectDetail, ProjectQuery, SavedView } from '../../../shared/api/projects';
import { api } from '../api/client';
import { createPagedList } from './pagedList';

export const DEFAULT_PROJECT_QUERY: ProjectQuery = { filter: {}, sort: { field: 'updatedAt', order: 'desc' } };

/** The project list, a page at a time from the server. */
export const useProjectList = createPagedList<Project, ProjectQuery>(
  (query, offset, limit) => api.call('projects.list', { ...query, offset, limit }),
  DEFAULT_PROJECT_QUERY,
);

type FilterOptions = MethodOutput<'projects.filterOptions'>;

let ownChangeAt = 0;
/**
 * Whether a `changed` event is most likely the echo of this window's own edit (already patched in place), so the
 * list need not be fetched again for it.
 */
export const isOwnProjectChange = () => Date.now() - ownChangeAt < 2000;

interface ProjectState {
  detail: ProjectDetail | null;
  detailId: number | null;
  history: AuditEntry[] | null;
  views: SavedView[];
  options: FilterOptions | null;
  open(id: number): Promise<void>;
  close(): void;
  loadHistory(): Promise<void>;
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
  const took = (detail: ProjectDetail) => {
    ownChangeAt = Date.now();
    if (get().detailId === detail.project.id) set({ detail, history: null });
    useProjectList.getState().patchRow(detail.project);
  };
  return {
    detail: null,
    detailId: null,
    history: null,
    views: [],
    options: null,
    async open(id) {
      set({ detailId: id, detail: get().detail?.project.id === id ? get().detail : null, history: null });
      const detail = await api.call('projects.get', { id });
      if (get().detailId === id) set({ detail });
    },
    close() {
      set({ detailId: null, detail: null, history: null });
    },
    async loadHistory() {
      const id = get().detailId;
      if (id === null) return;
      const history = await api.call('projects.history', { id });
      if (get().detailId === id) set({ history });
    },
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
      ownChangeAt = Date.now();
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
      ownChangeAt = Date.now();
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
