/**
 * Iterative k-core: drop every interaction of users or items with fewer than k interactions, and
 * repeat, because each removal can push other users/items below k, until nothing changes.
 * Counts are interactions (repeats included, see dedupe.ts), not distinct partners.
 */
import type { RawInteraction } from '../types';
import { internIds } from './rawIds';

/** Result of k-core filtering; `kept` preserves input order. */
export interface KCoreResult {
  readonly kept: RawInteraction[];
  /** Passes over the data, including the final one that removed nothing. */
  readonly rounds: number;
  readonly users: number;
  readonly items: number;
}

/** Filters to the k-core of the user–item interaction graph. */
export function kCore(interactions: readonly RawInteraction[], k: number): KCoreResult {
  const u = internIds(interactions.map((x) => x.user));
  const it = internIds(interactions.map((x) => x.item));
  const alive = new Uint8Array(interactions.length).fill(1);
  let rounds = 0;
  let removed = 1;
  while (removed > 0) {
    rounds += 1;
    removed = prunePass(alive, u.codes, it.codes, u.ids.length, it.ids.length, k);
  }
  const kept = interactions.filter((_, i) => alive[i] === 1);
  return { kept, rounds, users: countDistinct(kept, (x) => x.user), items: countDistinct(kept, (x) => x.item) };
}

/** One pass: count live degrees, kill interactions touching a low-degree node; returns kills. */
function prunePass(alive: Uint8Array, users: Int32Array, items: Int32Array, nu: number, ni: number, k: number): number {
  const du = new Int32Array(nu);
  const di = new Int32Array(ni);
  for (let i = 0; i < alive.length; i++) {
    if (alive[i] === 0) continue;
    const u = users[i] ?? 0;
    const it = items[i] ?? 0;
    du[u] = (du[u] ?? 0) + 1;
    di[it] = (di[it] ?? 0) + 1;
  }
  let removed = 0;
  for (let i = 0; i < alive.length; i++) {
    if (alive[i] === 1 && ((du[users[i] ?? 0] ?? 0) < k || (di[items[i] ?? 0] ?? 0) < k)) {
      alive[i] = 0;
      removed += 1;
    }
  }
  return removed;
}

function countDistinct(xs: readonly RawInteraction[], key: (x: RawInteraction) => string): number {
  return new Set(xs.map(key)).size;
}
