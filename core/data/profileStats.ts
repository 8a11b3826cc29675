/** Small statistics used by the dataset profile: histograms, top-share, Gini and the long tail. */
import type { HistogramBin, LongTailPoint, TimeBin } from '../protocol/profile';

/** Bins of the time histogram. */
export const TIME_BINS = 24;

/**
 * Histogram of positive integers over bins [1,2), [2,4), [4,8), … (powers of `base`), up to the
 * bin holding the largest value; empty bins in between are kept so the axis is regular.
 */
export function logHistogram(values: Iterable<number>, base = 2): HistogramBin[] {
  const bins: HistogramBin[] = [];
  const counts: number[] = [];
  for (const v of values) {
    if (v < 1) continue;
    let k = 0;
    for (let hi = base; v >= hi; hi *= base) k++;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  for (let k = 0, lo = 1; k < counts.length; k++, lo *= base) bins.push({ lo, hi: lo * base, count: counts[k] ?? 0 });
  return bins;
}

/**
 * Share of the total held by the largest ⌈fraction·n⌉ values (at least one value); 0 when the
 * total is 0. `sortedDesc` must be sorted from largest to smallest.
 */
export function topShare(sortedDesc: ArrayLike<number>, fraction: number): number {
  const total = sum(sortedDesc, sortedDesc.length);
  if (total === 0) return 0;
  const n = Math.max(1, Math.ceil(fraction * sortedDesc.length - 1e-9));
  return sum(sortedDesc, n) / total;
}

/**
 * Gini coefficient of non-negative values: Σ (2i − n − 1)·x_i / (n·Σx) with x ascending and i
 * 1-based. 0 for equal values, (n−1)/n when one value holds everything; 0 for an empty input.
 */
export function gini(values: ArrayLike<number>): number {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  const total = sum(x, n);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * (x[i] ?? 0);
  return weighted / (n * total);
}

/** Cumulative interaction share held by the top k/points of items, k = 0…points (descending counts). */
export function longTailCurve(sortedDesc: ArrayLike<number>, points = 50): LongTailPoint[] {
  const n = sortedDesc.length;
  const total = sum(sortedDesc, n);
  if (n === 0 || total === 0) return [];
  const out: LongTailPoint[] = [];
  let acc = 0;
  let taken = 0;
  for (let k = 0; k <= points; k++) {
    const upTo = Math.round((k / points) * n);
    for (; taken < upTo; taken++) acc += sortedDesc[taken] ?? 0;
    out.push({ itemShare: upTo / n, interactionShare: acc / total });
  }
  return out;
}

/** Index of the equal-width time bin holding ts (the same formula the SQL profile uses). */
export function timeBinIndex(ts: number, min: number, max: number, bins = TIME_BINS): number {
  if (max <= min) return 0;
  return Math.min(bins - 1, Math.floor(((ts - min) / (max - min)) * bins));
}

/** Bins with their bounds from per-bin counts (indices from timeBinIndex). */
export function timeBins(counts: ArrayLike<number>, min: number, max: number, bins = TIME_BINS): TimeBin[] {
  const n = max <= min ? 1 : bins;
  const width = (max - min) / n;
  return Array.from({ length: n }, (_, i) => ({ start: min + i * width, end: i === n - 1 ? max : min + (i + 1) * width, count: counts[i] ?? 0 }));
}

/** Sum of the first n values. */
export function sum(values: ArrayLike<number>, n = values.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i] ?? 0;
  return s;
}
