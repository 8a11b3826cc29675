import { create } from 'zustand';
import { createDatasetSlice, createRunSlice, createSystemSlice, createUiSlice } from './slices';
import type { Store } from './types';

/** The one bound store. IPC writes into it from renderer/ipc/bootstrap.ts via setState. */
export const useStore = create<Store>()((...a) => ({
  ...createSystemSlice(...a),
  ...createDatasetSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
}));

export type { Store } from './types';
