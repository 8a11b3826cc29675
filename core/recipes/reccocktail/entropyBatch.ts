/**
 * The paper's entropy objective (§3.3: mean entropy of the first k generated tokens over unlabeled
 * prompts) as ONE batched forward pass whose result is a tensor, so it can be differentiated with
 * respect to the merge weights. The k tokens are generated greedily first (no gradient: they are
 * held fixed while λ takes one step, as a sampled output is in Tent/AdaMerging); then the prompts
 * followed by the first k − 1 of them are scored teacher-forced, and the distributions at the k
 * positions that chose those tokens are exactly the ones firstTokensEntropy reads one at a time.
 * Rows are right-padded: under the causal mask no read position ever sees the padding after it.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { lmForward } from '../../models/lm/forward';

/** Prompts with their greedy continuations (k − 1 tokens: the k-th token is never read). */
export interface Continuations {
  /** prompt + k − 1 generated tokens, per prompt. */
  readonly seqs: readonly (readonly number[])[];
  /** Prompt lengths: position length − 1 holds the distribution of the first generated token. */
  readonly promptLengths: readonly number[];
}

/** Any id works as padding (never attended to from a read position); 0 exists in every vocabulary. */
const PAD = 0;

/** Right-padded ids [B, T]. */
function padded(seqs: readonly (readonly number[])[]): tf.Tensor2D {
  const t = Math.max(1, ...seqs.map((s) => s.length));
  const flat = new Int32Array(seqs.length * t).fill(PAD);
  seqs.forEach((s, i) => flat.set(s, i * t));
  return tf.tensor2d(flat, [seqs.length, t], 'int32');
}

/** Row-major indices into [B·T] of the positions whose next-token distributions are read. */
function flatIndices(rows: readonly (readonly number[])[], t: number): tf.Tensor1D {
  return tf.tensor1d(rows.flatMap((positions, i) => positions.map((p) => i * t + p)), 'int32');
}

/** Log-probabilities [n, V] of the next token at `positions` of each row (pure; the caller owns the result). */
function logProbsAt(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, seqs: readonly (readonly number[])[], positions: readonly (readonly number[])[]): tf.Tensor2D {
  return tf.tidy(() => {
    const ids = padded(seqs);
    const t = ids.shape[1];
    const { logits } = lmForward(lm, weights, ids);
    const rows = tf.gather(tf.reshape(logits, [seqs.length * t, lm.vocabSize]), flatIndices(positions, t));
    return tf.logSoftmax(rows) as tf.Tensor2D;
  });
}

/** Greedily extends every prompt by k − 1 tokens under `weights` (all prompts in one batch per token). */
export async function greedyContinuations(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompts: readonly (readonly number[])[], k: number): Promise<Continuations> {
  const seqs = prompts.map((p) => [...p]);
  for (let j = 0; j + 1 < k && seqs.length > 0; j++) {
    const next = tf.tidy(() => tf.argMax(logProbsAt(lm, weights, seqs, seqs.map((s) => [s.length - 1])), 1));
    const ids = await next.data();
    next.dispose();
    seqs.forEach((s, i) => s.push(ids[i] ?? 0));
  }
  return { seqs, promptLengths: prompts.map((p) => p.length) };
}

/**
 * Mean Shannon entropy (nats) of the next-token distributions at the k read positions of every
 * row — a scalar tensor, differentiable in `weights` (pure: intermediates are freed).
 */
export function firstTokensEntropyOf(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, c: Continuations, k: number): tf.Scalar {
  return tf.tidy(() => {
    const positions = c.promptLengths.map((n) => Array.from({ length: k }, (_, j) => n - 1 + j));
    const logp = logProbsAt(lm, weights, c.seqs, positions);
    return tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1))) as tf.Scalar;
  });
}
