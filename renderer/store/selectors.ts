/** Derived reads of the store that several components share. */
import type { Store } from './types';

/** The dataset the new-run form starts on: the one asked for while it still exists, else the first. */
export function newRunDatasetId(s: Pick<Store, 'newRunDatasetId' | 'datasets'>): string {
  const asked = s.newRunDatasetId;
  if (asked !== null && s.datasets.some((d) => d.id === asked)) return asked;
  return s.datasets[0]?.id ?? '';
}
