/**
 * Popularity-weighted sampling without replacement. Fast path: draw from the cumulative
 * distribution and reject excluded or repeated items. When rejection stalls (the user's history
 * covers most of the popularity mass) it switches to an exact Efraimidis–Spirakis draw over the
 * allowed items, which gives the same distribution as successive weighted draws.
 */
import { RecForgeError } from '../../errors';
import type { Rng } from '../../train/rng';
import { containsSorted } from '../../train/itemSets';

/** Cumulative weights of items 0..numItems; item 0 (padding) must have weight 0. */
export interface WeightTable {
  readonly weights: Float64Array;
  readonly cumulative: Float64Array;
}

/** Prepares a weight table (weights[i] ≥ 0). */
export function weightTable(weights: Float64Array): WeightTable {
  const cumulative = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => (cumulative[i] = acc += w));
  return { weights, cumulative };
}

function drawOne(table: WeightTable, rng: Rng): number {
  const total = table.cumulative[table.cumulative.length - 1] ?? 0;
  const r = rng.nextFloat() * total;
  let lo = 0;
  let hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.cumulative[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `n` distinct items drawn proportionally to weight, none in sorted `exclude`. */
export function sampleWeightedWithoutReplacement(rng: Rng, table: WeightTable, exclude: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  const picked = new Set<number>();
  const maxAttempts = 64 * n + 1000;
  for (let attempt = 0; attempt < maxAttempts && picked.size < n; attempt++) {
    const c = drawOne(table, rng);
    if ((table.weights[c] ?? 0) <= 0 || picked.has(c) || containsSorted(exclude, c)) continue;
    out[picked.size] = c;
    picked.add(c);
  }
  if (picked.size === n) return out;
  return exactWeightedDraw(rng, table, exclude, n);
}

/** Efraimidis–Spirakis: key = ln(u) / w, keep the n largest keys. */
function exactWeightedDraw(rng: Rng, table: WeightTable, exclude: Int32Array, n: number): Int32Array {
  const keyed: { item: number; key: number }[] = [];
  table.weights.forEach((w, item) => {
    if (w > 0 && !containsSorted(exclude, item)) keyed.push({ item, key: Math.log(1 - rng.nextFloat()) / w });
  });
  if (keyed.length < n) {
    throw new RecForgeError('validation', `popularity sampling needs ${n} negatives but only ${keyed.length} items with training popularity remain`, {
      file: 'eval',
      field: 'negatives',
      expected: `at most ${keyed.length}`,
    });
  }
  keyed.sort((a, b) => b.key - a.key || a.item - b.item);
  return Int32Array.from(keyed.slice(0, n), (x) => x.item);
}
