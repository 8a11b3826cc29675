/**
 * Chronological ordering per user. Ties on the timestamp are broken by INPUT ORDER (a stable
 * sort), never by item id: sorting ties by item id would put low-id items first, and since ids
 * often correlate with popularity or release date, the model could learn the id order itself
 * instead of user behaviour — a leak from the tie-breaker into the targets.
 */

/** Row order grouped by user (ascending), then by timestamp, then by input position. */
export interface ChronologicalOrder {
  /** perm[k] = input row placed at position k. */
  readonly perm: Int32Array;
  /** ord[k] = chronological position of row perm[k] within its user (0-based). */
  readonly ord: Int32Array;
}

/** Computes the per-user chronological order of rows (stable on timestamp ties). */
export function chronologicalOrder(userIdx: ArrayLike<number>, ts: ArrayLike<number>): ChronologicalOrder {
  const n = userIdx.length;
  const rows = Array.from({ length: n }, (_, i) => i);
  rows.sort((a, b) => (userIdx[a] ?? 0) - (userIdx[b] ?? 0) || (ts[a] ?? 0) - (ts[b] ?? 0) || a - b);
  const perm = Int32Array.from(rows);
  const ord = new Int32Array(n);
  for (let k = 1; k < n; k++) {
    const same = userIdx[perm[k] ?? 0] === userIdx[perm[k - 1] ?? 0];
    ord[k] = same ? (ord[k - 1] ?? 0) + 1 : 0;
  }
  return { perm, ord };
}
