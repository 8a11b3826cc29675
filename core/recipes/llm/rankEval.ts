/**
 * Next-item ranking by candidate scoring: each case's 1 + N candidate item texts are scored as
 * continuations of its prompt (log-likelihood, prompt KV cache shared across candidates) and the
 * target's pessimistic rank gives HR@k / NDCG@k / MRR. The chance level of the same protocol (a
 * uniformly random ranking of 1 + N candidates) is reported next to every number.
 */
import type * as tf from '@tensorflow/tfjs';
import { chanceLevel } from '../../eval/chance';
import { pessimisticRank, RankAccumulator } from '../../eval/metrics';
import type { LmConfig } from '../../models/lm/config';
import type { ProjectionDelta } from '../../models/lm/layers';
import { scoreCandidateSets } from '../../models/lm/scoring/scoreCandidates';

/** One scored case: prompt tokens, candidate token lists, and which candidate is the target. */
export interface RankCase {
  readonly prompt: readonly number[];
  readonly candidates: readonly (readonly number[])[];
  readonly targetIndex: number;
}

/** HR@k / NDCG@k at each cut-off, MRR, the case count and the chance levels. */
export interface RankMetrics {
  readonly cases: number;
  readonly candidates: number; // 1 + N
  readonly hr: Readonly<Record<number, number>>;
  readonly ndcg: Readonly<Record<number, number>>;
  readonly mrr: number;
  readonly chance: { readonly hr: Readonly<Record<number, number>>; readonly ndcg: Readonly<Record<number, number>>; readonly mrr: number };
}

/** Default cut-offs: RecCocktail's @1/@3 and the usual @10. */
export const DEFAULT_CUTOFFS: readonly number[] = [1, 3, 10];

/** Rank of the target (0 = best) from per-candidate scores. */
export function targetRank(scores: readonly number[], targetIndex: number): number {
  const others = scores.filter((_, i) => i !== targetIndex);
  return pessimisticRank(scores[targetIndex] ?? -Infinity, others);
}

/** Metrics from target ranks. */
export function metricsFromRanks(ranks: readonly number[], candidates: number, cutoffs: readonly number[] = DEFAULT_CUTOFFS): RankMetrics {
  const accs = cutoffs.map((k) => new RankAccumulator(k));
  for (const r of ranks) for (const a of accs) a.add(r);
  const at = (f: (m: ReturnType<RankAccumulator['means']>) => number): Record<number, number> => Object.fromEntries(accs.map((a) => [a.k, f(a.means())]));
  return { cases: ranks.length, candidates, hr: at((m) => m.hr), ndcg: at((m) => m.ndcg), mrr: accs[0]?.means().mrr ?? 0, chance: chanceLevel(candidates, cutoffs) };
}

/** Summed log-likelihood of every candidate of every case (prefix-shared scoring). */
export async function scoreCases(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, cases: readonly RankCase[], delta?: ProjectionDelta): Promise<number[][]> {
  const requests = cases.map((c) => ({ prompt: c.prompt, candidates: c.candidates }));
  const scores = await scoreCandidateSets(lm, weights, requests, { shared: true, ...(delta ? { delta } : {}) });
  return scores.map((row) => row.map((s) => s.logLik));
}

/** Scores and ranks every case. */
export async function rankCases(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, cases: readonly RankCase[], delta?: ProjectionDelta, cutoffs: readonly number[] = DEFAULT_CUTOFFS): Promise<RankMetrics> {
  const scores = await scoreCases(lm, weights, cases, delta);
  const ranks = scores.map((row, i) => targetRank(row, cases[i]?.targetIndex ?? 0));
  return metricsFromRanks(ranks, cases[0]?.candidates.length ?? 0, cutoffs);
}
