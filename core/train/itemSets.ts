/**
 * Per-user item sets as sorted Int32Arrays: compact (one int per interaction, no Set objects per
 * user) and queried by binary search. Used to keep sampled negatives out of a user's history.
 */
import type { PackedSequences } from '../protocol/worker';

/** Sorted, de-duplicated copy of `values`. */
export function sortedUnique(values: ArrayLike<number>): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  }
  return sorted.slice(0, n);
}

/** True when sorted `set` contains `x`. */
export function containsSorted(set: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = set[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Items of sequence `u` (a view, not a copy). */
export function sequenceOf(seqs: PackedSequences, u: number): Int32Array {
  return seqs.values.subarray(seqs.offsets[u] as number, seqs.offsets[u + 1] as number);
}

/** Number of sequences in a packed set. */
export function sequenceCount(seqs: PackedSequences): number {
  return Math.max(0, seqs.offsets.length - 1);
}

/**
 * Copies the last `maxLen` of `items` into `out[offset .. offset + maxLen)`, right-aligned, with
 * zeros (padding) on the left. Returns how many items were written.
 */
export function writeRightAligned(items: ArrayLike<number>, out: Int32Array, offset: number, maxLen: number): number {
  const n = Math.min(items.length, maxLen);
  const skip = items.length - n;
  out.fill(0, offset, offset + maxLen - n);
  for (let k = 0; k < n; k++) out[offset + maxLen - n + k] = items[skip + k] as number;
  return n;
}
