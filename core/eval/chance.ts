/**
 * Chance levels of ranking metrics: the expected value when the target's rank among n candidates
 * is uniform (a random scorer), so every reported number can be read against it.
 */
import { hitAtK, ndcgAtK } from './metrics';

/** Expected HR@k and NDCG@k (per cut-off) and MRR of a random ranking of n candidates. */
export function chanceLevel(n: number, cutoffs: readonly number[]): { readonly hr: Readonly<Record<number, number>>; readonly ndcg: Readonly<Record<number, number>>; readonly mrr: number } {
  const mean = (f: (rank: number) => number): number => Array.from({ length: n }, (_, r) => f(r)).reduce((a, b) => a + b, 0) / n;
  return {
    hr: Object.fromEntries(cutoffs.map((k) => [k, mean((r) => hitAtK(r, k))])),
    ndcg: Object.fromEntries(cutoffs.map((k) => [k, mean((r) => ndcgAtK(r, k))])),
    mrr: mean((r) => 1 / (r + 1)),
  };
}
