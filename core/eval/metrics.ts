/**
 * Ranking metrics as pure functions of a 0-based rank (0 = the target scored highest), and the
 * pessimistic rank itself.
 */

/**
 * Rank of the target among competitors: how many score ≥ the target. Ties count against the
 * target (a constant model gets the worst rank, not the best), and so does NaN on either side.
 */
export function pessimisticRank(targetScore: number, competitorScores: ArrayLike<number>): number {
  let rank = 0;
  for (let i = 0; i < competitorScores.length; i++) {
    if (!((competitorScores[i] as number) < targetScore)) rank++;
  }
  return rank;
}

/** 1 when the target is in the top k. */
export function hitAtK(rank: number, k: number): number {
  return rank < k ? 1 : 0;
}

/** NDCG@k with one relevant item: 1 / log2(rank + 2) inside the top k, else 0. */
export function ndcgAtK(rank: number, k: number): number {
  return rank < k ? 1 / Math.log2(rank + 2) : 0;
}

/** Reciprocal rank 1 / (rank + 1); its mean over users is MRR (no cut-off). */
export function reciprocalRank(rank: number): number {
  return 1 / (rank + 1);
}

/** Running means of HR@k, NDCG@k and MRR over users. */
export class RankAccumulator {
  private count = 0;
  private hit = 0;
  private ndcg = 0;
  private rr = 0;

  constructor(readonly k: number) {}

  /** Adds one user's rank. */
  add(rank: number): void {
    this.count++;
    this.hit += hitAtK(rank, this.k);
    this.ndcg += ndcgAtK(rank, this.k);
    this.rr += reciprocalRank(rank);
  }

  /** Number of users added. */
  get users(): number {
    return this.count;
  }

  /** Means; 0 for an empty accumulator. */
  means(): { readonly hr: number; readonly ndcg: number; readonly mrr: number } {
    const n = Math.max(1, this.count);
    return { hr: this.hit / n, ndcg: this.ndcg / n, mrr: this.rr / n };
  }
}
