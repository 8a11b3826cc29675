import type { StateCreator } from 'zustand';
import type { DatasetSlice, RunSlice, Store, SystemSlice, UiSlice } from './types';

/** Most error banners kept at once; older ones drop off. */
const MAX_ERRORS = 4;
/** Ids of error banners and notices (one counter: keys never collide). */
let nextErrorId = 1;

export const createSystemSlice: StateCreator<Store, [], [], SystemSlice> = () => ({
  system: null,
  hostMode: 'web',
  connection: 'connecting',
  windowCompute: null,
});

export const createDatasetSlice: StateCreator<Store, [], [], DatasetSlice> = (set) => ({
  datasets: [],
  draft: null,
  importing: false,
  importProgress: null,
  importError: null,
  lastImport: null,
  setDraftFormat: (format) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, format } })),
  setDraftName: (name) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, name } })),
  setDraftMapping: (mapping) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, mapping } })),
  setDraftSettings: (settings) => set((s) => (s.draft === null ? {} : { draft: { ...s.draft, ...settings } })),
  clearDraft: () => set({ draft: null, importError: null, importProgress: null }),
});

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = () => ({
  recipes: [],
  runs: [],
  series: {},
  progress: {},
  extras: {},
  actionProgress: {},
});

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  page: 'datasets',
  selectedRunId: null,
  newRunDatasetId: null,
  errors: [],
  theme: 'dark',
  compareIds: [],
  notices: [],
  navigate: (page) => set({ page }),
  openRun: (runId) => set({ page: 'run', selectedRunId: runId }),
  openNewRun: (datasetId) => set({ page: 'runs', newRunDatasetId: datasetId }),
  selectNewRunDataset: (datasetId) => set({ newRunDatasetId: datasetId }),
  pushError: (context, error) =>
    set((s) => ({ errors: [...s.errors, { id: nextErrorId++, context, error, page: s.page }].slice(-MAX_ERRORS) })),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
  pushNotice: (notice) => set((s) => ({ notices: [...s.notices, { ...notice, id: nextErrorId++ }].slice(-MAX_ERRORS) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  toggleCompare: (runId) =>
    set((s) => ({ compareIds: s.compareIds.includes(runId) ? s.compareIds.filter((id) => id !== runId) : [...s.compareIds, runId] })),
});
