/** Small statistics used by the dataset profile: log-spaced histograms, top-share and Gini. */

/** One histogram bin covering lengths lo ≤ n < hi. */
export interface HistogramBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

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
export function topShare(sortedDesc: readonly number[], fraction: number): number {
  const total = sortedDesc.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const n = Math.max(1, Math.ceil(fraction * sortedDesc.length - 1e-9));
  return sortedDesc.slice(0, n).reduce((a, b) => a + b, 0) / total;
}

/**
 * Gini coefficient of non-negative values: Σ (2i − n − 1)·x_i / (n·Σx) with x ascending and i
 * 1-based. 0 for equal values, (n−1)/n when one value holds everything; 0 for an empty input.
 */
export function gini(values: readonly number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const total = x.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const weighted = x.reduce((acc, v, i) => acc + (2 * (i + 1) - n - 1) * v, 0);
  return weighted / (n * total);
}
