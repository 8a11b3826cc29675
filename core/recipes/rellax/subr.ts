/**
 * Semantic User Behaviour Retrieval (ReLLaX §3.2, ReLLa `get_semantic_embed.py` +
 * `topK_relevant_ml1m.py`): every item's text goes through the LM once, the last layer's hidden
 * states over its tokens are mean-pooled ("average"), reduced by PCA, and a prompt keeps the K
 * history items most cosine-similar to the target instead of the K most recent.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { lmForward, disposeKvCache } from '../../models/lm/forward';
import { pcaProject } from './pca';
import type { Vocab } from './vocab';

/**
 * Last-layer hidden states (after the final norm) [1, T, hidden] of `tokens`: lmForward returns
 * final·lm_headᵀ, so an identity head of width `hidden` hands back the states themselves.
 */
export function lastHiddenStates(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, tokens: Int32Array, identityHead: tf.Tensor): tf.Tensor3D {
  return tf.tidy(() => {
    const asStates: LmConfig = { ...c, vocabSize: c.hiddenSize, tieWordEmbeddings: false };
    const w = new Map(weights);
    w.set('lm_head.weight', identityHead);
    const { logits, cache } = lmForward(asStates, w, tf.tensor2d(tokens, [1, tokens.length], 'int32'));
    disposeKvCache(cache);
    return logits;
  });
}

/** Unit-norm semantic vectors [numItems + 1, dim] (row 0 and text-less items are zero). */
export function semanticVectors(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, vocab: Vocab, dim: number): Float64Array {
  const n = vocab.itemTokens.length;
  const d = c.hiddenSize;
  const pooled = new Float64Array(n * d);
  const eye = tf.eye(d);
  vocab.itemTokens.forEach((tokens, item) => {
    if (item === 0 || tokens.length === 0) return;
    const mean = tf.tidy(() => tf.mean(lastHiddenStates(c, weights, tokens, eye), [0, 1]));
    pooled.set(mean.dataSync(), item * d);
    mean.dispose();
  });
  eye.dispose();
  const out = pcaProject(pooled, n, d, dim);
  const width = Math.min(dim, d);
  for (let i = 0; i < n; i++) {
    const row = out.subarray(i * width, (i + 1) * width);
    const norm = Math.sqrt(row.reduce((s, x) => s + x * x, 0));
    for (let j = 0; j < width; j++) row[j] = norm > 0 && (vocab.itemTokens[i]?.length ?? 0) > 0 ? (row[j] ?? 0) / norm : 0;
  }
  return out;
}

function cosine(v: Float64Array, dim: number, a: number, b: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) s += (v[a * dim + j] ?? 0) * (v[b * dim + j] ?? 0);
  return s;
}

/** Positions (ascending = chronological) of the K most recent behaviours. */
export function recentPositions(historyLength: number, k: number): number[] {
  return Array.from({ length: Math.min(k, historyLength) }, (_, i) => historyLength - Math.min(k, historyLength) + i);
}

/** Positions (kept chronological) of the K behaviours most similar to the target; ties → more recent. */
export function relevantPositions(history: ArrayLike<number>, target: number, k: number, vectors: Float64Array, dim: number): number[] {
  const scored = Array.from({ length: history.length }, (_, p) => ({ p, s: cosine(vectors, dim, history[p] ?? 0, target) }));
  scored.sort((a, b) => b.s - a.s || b.p - a.p);
  return scored.slice(0, k).map((x) => x.p).sort((a, b) => a - b);
}
