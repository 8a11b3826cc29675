/**
 * The entropy objective of entropy-guided merging (RecCocktail §3.3, Eq. 8): the model's
 * uncertainty on UNLABELED test prompts. 'first-tokens' (the paper's practice): the mean Shannon
 * entropy (nats) of the next-token distribution over the first k greedily generated answer tokens
 * ("good performance can be achieved with just 3 tokens"). 'candidates': the entropy of the softmax
 * over the candidates' answer log-likelihoods (Eq. 8 with the candidates as the classes).
 * 'candidate-tokens': first-tokens held to the candidates' token continuations (entropyBatch.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { disposeKvCache, lmForward, type KvCache } from '../../models/lm/forward';
import type { ProjectionDelta } from '../../models/lm/layers';
import { scoreCases, type RankCase } from '../llm/rankEval';
import { batchedEntropy } from './entropyBatch';
import type { EntropyObjective } from './settings';

/** Entropy of the last position's distribution and its argmax, for logits [1, T, V]. */
async function lastEntropy(logits: tf.Tensor3D): Promise<{ h: number; next: number }> {
  const [, t, v] = logits.shape;
  const [h, next] = tf.tidy(() => {
    const logp = tf.logSoftmax(tf.reshape(tf.slice(logits, [0, t - 1, 0], [1, 1, v]), [1, v]));
    return [tf.neg(tf.sum(tf.mul(tf.exp(logp), logp))), tf.argMax(logp, 1)];
  });
  const out = { h: (await h.data())[0] ?? 0, next: (await next.data())[0] ?? 0 };
  tf.dispose([h, next]);
  return out;
}

/** Mean entropy over the first `k` greedily generated tokens after `prompt`. */
export async function firstTokensEntropy(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompt: readonly number[], k: number, delta?: ProjectionDelta): Promise<number> {
  let ids: readonly number[] = prompt;
  let cache: KvCache | undefined;
  let total = 0;
  try {
    for (let i = 0; i < k; i++) {
      const input = tf.tensor2d([Array.from(ids)], [1, ids.length], 'int32');
      const r = lmForward(lm, weights, input, { ...(cache ? { cache } : {}), ...(delta ? { delta } : {}) });
      input.dispose();
      if (cache) disposeKvCache(cache);
      cache = r.cache;
      const { h, next } = await lastEntropy(r.logits);
      r.logits.dispose();
      total += h;
      ids = [next];
    }
  } finally {
    if (cache) disposeKvCache(cache);
  }
  return total / Math.max(1, k);
}

/** Shannon entropy (nats) of softmax(scores). */
export function softmaxEntropy(scores: readonly number[]): number {
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const z = e.reduce((a, b) => a + b, 0);
  return -e.reduce((acc, x) => (x > 0 ? acc + (x / z) * Math.log(x / z) : acc), 0);
}

/** Mean entropy of the objective over the prompts (labels are never read). */
export async function meanEntropy(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, cases: readonly RankCase[], o: { objective: EntropyObjective; firstTokens: number }, delta?: ProjectionDelta): Promise<number> {
  if (cases.length === 0) return NaN;
  // 'candidate-tokens': generated and read within the candidates' continuations (entropyBatch.ts), 25 prompts per pass.
  if (o.objective === 'candidate-tokens') return batchedEntropy(lm, weights, cases, o.firstTokens, true, 25, delta);
  if (o.objective === 'candidates') {
    const scores = await scoreCases(lm, weights, cases, delta);
    return scores.reduce((a, row) => a + softmaxEntropy(row), 0) / scores.length;
  }
  let total = 0;
  for (const c of cases) total += await firstTokensEntropy(lm, weights, c.prompt, o.firstTokens, delta);
  return total / cases.length;
}
