/**
 * The paper's entropy objective (§3.3: mean entropy of the first k generated tokens over unlabeled
 * prompts) as ONE batched forward pass whose result is a tensor, so it can be differentiated with
 * respect to the merge weights. The k tokens are generated greedily first (no gradient: they are
 * held fixed while λ takes one step, as a sampled output is in Tent/AdaMerging); then the prompts
 * followed by the first k − 1 of them are scored teacher-forced, and the distributions at the k
 * positions that chose those tokens are exactly the ones firstTokensEntropy reads one at a time.
 * Rows are right-padded: under the causal mask no read position ever sees the padding after it.
 *
 * Constrained (objective 'candidate-tokens'): the paper's instruction asks the model to pick one of
 * the prompt's candidates, so a real LLM's first tokens are a candidate's; a tiny LM whose prompt
 * does not list them is held to the same choice by renormalising every read distribution over the
 * tokens that continue some candidate after the prefix generated so far (greedy within that set).
 * The candidates are part of the unlabeled input; which one is the target is never read.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { lmForward } from '../../models/lm/forward';
import type { ProjectionDelta } from '../../models/lm/layers';

/** Prompts with their greedy continuations (k − 1 tokens: the k-th token is never read). */
export interface Continuations {
  /** prompt + k − 1 generated tokens, per prompt. */
  readonly seqs: readonly (readonly number[])[];
  /** Prompt lengths: position length − 1 holds the distribution of the first generated token. */
  readonly promptLengths: readonly number[];
  /** Constrained: per prompt and read position, the token ids that continue some candidate. */
  readonly allowed?: readonly (readonly (readonly number[])[])[];
}

/** Token ids that continue some candidate after `prefix` (all candidates' first tokens for an empty prefix). */
export function continuingTokens(candidates: readonly (readonly number[])[], prefix: readonly number[]): number[] {
  const out = new Set<number>();
  for (const c of candidates) {
    if (c.length > prefix.length && prefix.every((t, i) => c[i] === t)) out.add(c[prefix.length] as number);
  }
  return [...out];
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

/**
 * Log-probabilities [n, V] of the next token at `positions` of each row, with `delta` (an unfolded
 * adapter) added to the projections when given (pure; the caller owns the result).
 */
function logProbsAt(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, seqs: readonly (readonly number[])[], positions: readonly (readonly number[])[], delta?: ProjectionDelta): tf.Tensor2D {
  return tf.tidy(() => {
    const ids = padded(seqs);
    const t = ids.shape[1];
    const { logits } = lmForward(lm, weights, ids, delta ? { delta } : {});
    const rows = tf.gather(tf.reshape(logits, [seqs.length * t, lm.vocabSize]), flatIndices(positions, t));
    return tf.logSoftmax(rows) as tf.Tensor2D;
  });
}

/** The highest-scoring token among `allowed` (all tokens when empty). */
function argMaxAmong(row: Float32Array | Int32Array | Uint8Array, allowed: readonly number[]): number {
  const ids = allowed.length > 0 ? allowed : Array.from(row, (_, i) => i);
  return ids.reduce((best, t) => ((row[t] ?? -Infinity) > (row[best] ?? -Infinity) ? t : best), ids[0] ?? 0);
}

/** The prompt with its candidates (constrained generation) or without (free generation). */
export interface EntropyPrompt {
  readonly prompt: readonly number[];
  readonly candidates?: readonly (readonly number[])[];
}

/**
 * Greedily extends every prompt by k − 1 tokens under `weights` (all prompts in one batch per
 * token); with `constrained`, within the tokens that continue one of the prompt's candidates.
 */
export async function greedyContinuations(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompts: readonly EntropyPrompt[], k: number, constrained = false, delta?: ProjectionDelta): Promise<Continuations> {
  const seqs = prompts.map((p) => [...p.prompt]);
  const allowedAt = (i: number): number[] => continuingTokens(prompts[i]?.candidates ?? [], seqs[i]?.slice(prompts[i]?.prompt.length ?? 0) ?? []);
  const allowed: number[][][] = prompts.map(() => []);
  for (let j = 0; j < k && seqs.length > 0; j++) {
    if (constrained) seqs.forEach((_, i) => allowed[i]?.push(allowedAt(i)));
    if (j + 1 === k) break; // the k-th token is never read
    const logp = logProbsAt(lm, weights, seqs, seqs.map((s) => [s.length - 1]), delta);
    const rows = await logp.data();
    logp.dispose();
    const v = lm.vocabSize;
    seqs.forEach((s, i) => s.push(argMaxAmong(rows.subarray(i * v, (i + 1) * v), constrained ? (allowed[i]?.[j] ?? []) : [])));
  }
  return { seqs, promptLengths: prompts.map((p) => p.prompt.length), ...(constrained ? { allowed } : {}) };
}

/** 0 on allowed tokens, −1e9 elsewhere, [n, V] in read order (a position with no allowed token keeps all). */
function allowedMask(allowed: readonly (readonly (readonly number[])[])[], vocab: number): tf.Tensor2D {
  const rows = allowed.flat();
  const mask = new Float32Array(rows.length * vocab);
  rows.forEach((ids, r) => {
    if (ids.length === 0) return;
    mask.fill(-1e9, r * vocab, (r + 1) * vocab);
    for (const t of ids) mask[r * vocab + t] = 0;
  });
  return tf.tensor2d(mask, [rows.length, vocab]);
}

/**
 * Mean Shannon entropy (nats) of the next-token distributions at the k read positions of every
 * row — a scalar tensor, differentiable in `weights` (pure: intermediates are freed).
 */
export function firstTokensEntropyOf(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, c: Continuations, k: number, delta?: ProjectionDelta): tf.Scalar {
  return tf.tidy(() => {
    const positions = c.promptLengths.map((n) => Array.from({ length: k }, (_, j) => n - 1 + j));
    const free = logProbsAt(lm, weights, c.seqs, positions, delta);
    const logp = c.allowed ? tf.logSoftmax(tf.add(free, allowedMask(c.allowed, lm.vocabSize))) : free;
    return tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1))) as tf.Scalar;
  });
}

/** Mean entropy over many prompts at fixed weights (no gradient), `chunk` prompts per forward pass; `delta`: an unfolded adapter. */
export async function batchedEntropy(lm: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompts: readonly EntropyPrompt[], k: number, constrained: boolean, chunk: number, delta?: ProjectionDelta): Promise<number> {
  let total = 0;
  for (let i = 0; i < prompts.length; i += chunk) {
    const part = prompts.slice(i, i + chunk);
    const h = firstTokensEntropyOf(lm, weights, await greedyContinuations(lm, weights, part, k, constrained, delta), k, delta);
    total += ((await h.data())[0] ?? NaN) * part.length;
    h.dispose();
  }
  return total / prompts.length;
}
