/**
 * CTR metrics (ReLLaX §4.1: AUC and Log Loss). AUC is the Mann–Whitney statistic with tied scores
 * counted as half a win (RecBole / scikit-learn); LogLoss clips probabilities to [1e-7, 1 − 1e-7].
 */

/** Area under the ROC curve; NaN when one class is missing or a score is NaN (a diverged model has no AUC, not an arbitrary one). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) return NaN;
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let rankSumPos = 0;
  let pos = 0;
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && scores[idx[e + 1] ?? 0] === scores[idx[s] ?? 0]) e++;
    const midRank = (s + e) / 2 + 1; // average 1-based rank of the tie group
    for (let k = s; k <= e; k++) if ((labels[idx[k] ?? 0] ?? 0) > 0.5) { rankSumPos += midRank; pos++; }
    s = e + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean binary cross-entropy of probabilities against 0/1 labels. */
export function logLoss(probs: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, probs[i] ?? 0.5));
    sum -= (labels[i] ?? 0) > 0.5 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / Math.max(1, probs.length);
}
