/**
 * Dataset profile: sizes, density, history lengths, item popularity long tail, time range and
 * histogram, duplicate (user, item) pairs, items without a title, per-domain counts. Both the raw
 * (parsed) path here and the stored (SQL) path in core/platform reduce their data to
 * ProfileInputs and share assembleProfile, so the two can never disagree on a definition.
 */
import type { DatasetProfile, DomainCount, PopularityProfile } from '../protocol/profile';
import { gini, logHistogram, longTailCurve, sum, timeBinIndex, timeBins, TIME_BINS, topShare } from './profileStats';
import type { ParsedDataset } from './types';

export type { DatasetProfile, HistogramBin, PopularityProfile } from '../protocol/profile';

/** Aggregates a profile is built from. */
export interface ProfileInputs {
  /** Interactions per user and per item (one entry per user / item that occurs). */
  readonly userCounts: ArrayLike<number>;
  readonly itemCounts: ArrayLike<number>;
  readonly distinctPairs: number;
  readonly duplicatePairs: number;
  readonly duplicateInteractions: number;
  readonly itemsMissingTitle: number;
  readonly timeRange: { readonly min: number; readonly max: number } | null;
  /** Interactions per time bin (timeBinIndex over timeRange). */
  readonly timeBinCounts: ArrayLike<number>;
  readonly domains: readonly DomainCount[];
}

/** The profile of the given aggregates. */
export function assembleProfile(x: ProfileInputs): DatasetProfile {
  const users = x.userCounts.length;
  const items = x.itemCounts.length;
  const interactions = sum(x.userCounts);
  const desc = Float64Array.from(x.itemCounts).sort().reverse();
  return {
    users,
    items,
    interactions,
    density: users * items === 0 ? 0 : x.distinctPairs / (users * items),
    historyLengths: logHistogram(Array.from(x.userCounts)),
    popularity: popularity(desc),
    longTail: longTailCurve(desc),
    timeRange: x.timeRange,
    timeHistogram: x.timeRange ? timeBins(x.timeBinCounts, x.timeRange.min, x.timeRange.max) : [],
    duplicatePairs: x.duplicatePairs,
    duplicateInteractions: x.duplicateInteractions,
    itemsMissingTitle: x.itemsMissingTitle,
    domains: x.domains,
  };
}

/** Profile of a parsed (raw) dataset, in one pass over the interactions. */
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
  const timeRange = ds.interactions.length === 0 ? null : { min, max };
  const binCounts = new Array<number>(TIME_BINS).fill(0);
  if (timeRange) for (const x of ds.interactions) { const b = timeBinIndex(x.timestamp, min, max); binCounts[b] = (binCounts[b] ?? 0) + 1; }
  const repeated = [...pairs.values()].filter((c) => c > 1);
  return assembleProfile({
    userCounts: [...perUser.values()],
    itemCounts: [...perItem.values()],
    distinctPairs: pairs.size,
    duplicatePairs: repeated.length,
    duplicateInteractions: repeated.reduce((a, c) => a + c - 1, 0),
    itemsMissingTitle: [...perItem.keys()].filter((id) => (ds.items.get(id)?.title ?? '') === '').length,
    timeRange,
    timeBinCounts: binCounts,
    domains: domainCounts(ds, perItem),
  });
}

function domainCounts(ds: ParsedDataset, perItem: ReadonlyMap<string, number>): DomainCount[] {
  const byDomain = new Map<string, { items: number; interactions: number }>();
  for (const [item, count] of perItem) {
    const d = ds.items.get(item)?.domain;
    if (d === undefined) continue;
    const e = byDomain.get(d) ?? { items: 0, interactions: 0 };
    byDomain.set(d, { items: e.items + 1, interactions: e.interactions + count });
  }
  return [...byDomain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([domain, e]) => ({ domain, ...e }));
}

function popularity(desc: Float64Array): PopularityProfile {
  return { top1: topShare(desc, 0.01), top10: topShare(desc, 0.1), top20: topShare(desc, 0.2), gini: gini(desc) };
}
