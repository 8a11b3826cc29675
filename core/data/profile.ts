/**
 * Dataset profile of a parsed (raw) dataset: sizes, density, history lengths, item popularity
 * long tail, time range, duplicate (user, item) pairs and items without a title.
 */
import { gini, logHistogram, topShare } from './profileStats';
import type { HistogramBin } from './profileStats';
import type { ParsedDataset } from './types';

export type { HistogramBin } from './profileStats';

/** How concentrated interactions are on popular items. */
export interface PopularityProfile {
  /** Share of interactions on the top 1% / 10% / 20% of items (⌈p·items⌉ items, at least one). */
  readonly top1: number;
  readonly top10: number;
  readonly top20: number;
  /** Gini coefficient of interactions per item (0 = uniform). */
  readonly gini: number;
}

/** Summary statistics shown before training. */
export interface DatasetProfile {
  readonly users: number;
  /** Distinct items that occur in interactions. */
  readonly items: number;
  readonly interactions: number;
  /** Distinct (user, item) pairs / (users · items); 0 for an empty dataset. */
  readonly density: number;
  /** Users by history length (interactions per user), log2-spaced bins. */
  readonly historyLengths: readonly HistogramBin[];
  readonly popularity: PopularityProfile;
  /** Smallest and largest timestamp, or null without interactions. */
  readonly timeRange: { readonly min: number; readonly max: number } | null;
  /** Distinct (user, item) pairs that occur more than once. */
  readonly duplicatePairs: number;
  /** Interactions beyond the first of their (user, item) pair. */
  readonly duplicateInteractions: number;
  /** Interacted items with no metadata or an empty title. */
  readonly itemsMissingTitle: number;
}

/** Computes the profile in one pass over the interactions plus per-item and per-user counts. */
export function profileDataset(ds: ParsedDataset): DatasetProfile {
  const perUser = new Map<string, number>();
  const perItem = new Map<string, number>();
  const pairs = new Map<string, number>();
  let min = Infinity;
  let max = -Infinity;
  for (const x of ds.interactions) {
    perUser.set(x.user, (perUser.get(x.user) ?? 0) + 1);
    perItem.set(x.item, (perItem.get(x.item) ?? 0) + 1);
    const key = JSON.stringify([x.user, x.item]);
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    min = Math.min(min, x.timestamp);
    max = Math.max(max, x.timestamp);
  }
  const n = ds.interactions.length;
  const cells = perUser.size * perItem.size;
  const repeated = [...pairs.values()].filter((c) => c > 1);
  return {
    users: perUser.size,
    items: perItem.size,
    interactions: n,
    density: cells === 0 ? 0 : pairs.size / cells,
    historyLengths: logHistogram(perUser.values()),
    popularity: popularity([...perItem.values()]),
    timeRange: n === 0 ? null : { min, max },
    duplicatePairs: repeated.length,
    duplicateInteractions: repeated.reduce((a, c) => a + c - 1, 0),
    itemsMissingTitle: [...perItem.keys()].filter((id) => (ds.items.get(id)?.title ?? '') === '').length,
  };
}

function popularity(counts: readonly number[]): PopularityProfile {
  const desc = [...counts].sort((a, b) => b - a);
  return { top1: topShare(desc, 0.01), top10: topShare(desc, 0.1), top20: topShare(desc, 0.2), gini: gini(counts) };
}
