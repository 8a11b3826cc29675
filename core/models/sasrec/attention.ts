/**
 * Causal multi-head self-attention as in SASRec: queries from the layer-normed input, keys and
 * values from the raw input, softmax over allowed keys, dropout on the attention weights, output
 * projection.
 */
import * as tf from '@tensorflow/tfjs';
import { dense } from '../nn/dense';
import type { SasRecBlockParams } from './params';

/** Large negative logit for disallowed keys; finite so fully-masked (padding) rows stay NaN-free. */
const MASKED = -1e9;

/**
 * Additive attention bias [B, T, T] from item ids [B, T]: 0 where key j ≤ query i and key j is a
 * real item, MASKED elsewhere (future positions and left padding).
 */
export function attentionBias(seq: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => {
    const t = seq.shape[1];
    const causal = tf.linalg.bandPart(tf.ones([t, t]), -1, 0); // lower triangle incl. diagonal
    const realKey = tf.expandDims(tf.cast(tf.notEqual(seq, 0), 'float32'), 1); // [B, 1, T]
    const allowed = tf.mul(causal, realKey); // [B, T, T]
    return tf.mul(tf.sub(1, allowed), MASKED) as tf.Tensor3D;
  });
}

/** [B, T, h·dh] → [B, h, T, dh] (identity-shaped [B, T, d] when h = 1). */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor {
  if (heads === 1) return x;
  const [b, t, d] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, d / heads]), [0, 2, 1, 3]);
}

function mergeHeads(x: tf.Tensor, heads: number): tf.Tensor {
  if (heads === 1) return x;
  const [b, h, t, dh] = x.shape as [number, number, number, number];
  return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [b, t, h * dh]);
}

/**
 * Attention output [B, T, d].
 * @param normed layer-normed block input (queries), [B, T, d]
 * @param raw block input (keys/values), [B, T, d]
 * @param bias from attentionBias, [B, T, T]
 * @param dropWeights dropout applied to the attention weights (identity at inference)
 */
export function causalSelfAttention(
  normed: tf.Tensor,
  raw: tf.Tensor,
  bias: tf.Tensor3D,
  p: SasRecBlockParams,
  heads: number,
  dropWeights: (x: tf.Tensor) => tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = normed.shape[2] as number;
    const q = splitHeads(dense(normed, p.query), heads);
    const k = splitHeads(dense(raw, p.key), heads);
    const v = splitHeads(dense(raw, p.value), heads);
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(d / heads));
    const b = heads === 1 ? bias : tf.expandDims(bias, 1);
    const weights = dropWeights(tf.softmax(tf.add(scores, b)));
    return dense(mergeHeads(tf.matMul(weights, v), heads), p.out);
  });
}
