/** Grouped-query causal self-attention with RoPE and an optional key/value cache. */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from './config';
import { applyRope, linear } from './layers';
import type { ProjectionDelta } from './layers';

/** Cached keys and values of one layer, [B, kvHeads, S, headDim] (after RoPE, before head repetition). */
export interface LayerKv {
  readonly k: tf.Tensor4D;
  readonly v: tf.Tensor4D;
}

/** Inputs of one attention call besides the hidden states. */
export interface AttentionContext {
  readonly config: LmConfig;
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly layer: number;
  /** Rotary tables [T, dh], or [B, 1, T, dh] when every token has its own position. */
  readonly cos: tf.Tensor;
  readonly sin: tf.Tensor;
  /** Additive mask broadcastable to [B, H, T, S]: 0 where allowed, −1e9 elsewhere. */
  readonly mask: tf.Tensor;
  readonly past?: LayerKv;
  readonly delta?: ProjectionDelta;
}

const MASKED = -1e9;

/** Causal additive mask [T, past+T]: query t (absolute position past+t) sees keys 0..past+t. */
export function causalMask(past: number, length: number): tf.Tensor2D {
  const total = past + length;
  const values = new Float32Array(length * total);
  for (let t = 0; t < length; t++) for (let s = past + t + 1; s < total; s++) values[t * total + s] = MASKED;
  return tf.tensor2d(values, [length, total]);
}

/** [B, T, h·dh] → [B, h, T, dh]. */
function splitHeads(x: tf.Tensor, heads: number, headDim: number): tf.Tensor4D {
  const [b, t] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, headDim]), [0, 2, 1, 3]);
}

/**
 * Grouped-query attention without repeating key/value heads: the `rep` query heads that share a
 * kv head (HF repeat_kv order: query head h uses kv head ⌊h / rep⌋) are stacked along the time
 * axis, so one matMul per kv head serves them all. No copies, and only reshape / matMul / softmax,
 * all of which have gradients.
 */
function groupedAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, mask: tf.Tensor, headDim: number): tf.Tensor4D {
  const [b, heads, t] = q.shape;
  const kvHeads = k.shape[1];
  const s = k.shape[2];
  const rep = heads / kvHeads;
  const grouped = tf.reshape(q, [b, kvHeads, rep * t, headDim]);
  const scores = tf.reshape(tf.mul(tf.matMul(grouped, k, false, true), 1 / Math.sqrt(headDim)), [b, kvHeads, rep, t, s]);
  // A [T, S] mask broadcasts as is; a per-row [B, 1, T, S] mask needs the group axis.
  const masked = tf.add(scores, mask.rank === 4 ? tf.expandDims(mask, 2) : mask);
  const probs = tf.reshape(tf.softmax(masked, -1), [b, kvHeads, rep * t, s]);
  return tf.reshape(tf.matMul(probs, v), [b, heads, t, headDim]);
}

/** Attention output [B, T, hidden] and this layer's updated cache. */
export function selfAttention(x: tf.Tensor, ctx: AttentionContext): { out: tf.Tensor; kv: LayerKv } {
  return tf.tidy(() => {
    const { config: c, weights, layer, delta } = ctx;
    const [b, t] = x.shape as [number, number, number];
    const q = applyRope(splitHeads(linear(x, weights, layer, 'q_proj', delta), c.numHeads, c.headDim), ctx.cos, ctx.sin);
    let k = applyRope(splitHeads(linear(x, weights, layer, 'k_proj', delta), c.numKvHeads, c.headDim), ctx.cos, ctx.sin) as tf.Tensor4D;
    let v = splitHeads(linear(x, weights, layer, 'v_proj', delta), c.numKvHeads, c.headDim);
    if (ctx.past !== undefined) {
      k = tf.concat([ctx.past.k, k], 2);
      v = tf.concat([ctx.past.v, v], 2);
    }
    const ctxOut = groupedAttention(q as tf.Tensor4D, k, v, ctx.mask, c.headDim); // [B, H, T, dh]
    const merged = tf.reshape(tf.transpose(ctxOut, [0, 2, 1, 3]), [b, t, c.numHeads * c.headDim]);
    return { out: linear(merged, weights, layer, 'o_proj', delta), kv: { k, v } };
  });
}
