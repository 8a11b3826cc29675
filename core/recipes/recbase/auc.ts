/**
 * AUC as RecBase reports it (§6.1): the probability that a positive item is scored above a
 * negative one (Mann–Whitney, ties count ½). With one positive per case this is computed per
 * case and averaged over cases (a user-grouped AUC), so a user's overall score level cancels out.
 */

/** AUC of one positive score against negative scores. */
export function caseAuc(positive: number, negatives: ArrayLike<number>): number {
  if (negatives.length === 0) return 0.5;
  let wins = 0;
  for (let i = 0; i < negatives.length; i++) {
    const n = negatives[i] ?? 0;
    wins += positive > n ? 1 : positive === n ? 0.5 : 0;
  }
  return wins / negatives.length;
}

/** Mean per-case AUC of score rows whose entry 0 is the positive. */
export function meanAuc(rows: readonly (readonly number[])[]): number {
  if (rows.length === 0) return NaN;
  return rows.reduce((s, r) => s + caseAuc(r[0] ?? 0, r.slice(1)), 0) / rows.length;
}
