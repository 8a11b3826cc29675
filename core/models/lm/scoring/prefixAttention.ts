/**
 * Grouped-query attention of one packed row of tokens against a shared prefix (the prompt's
 * cached keys and values, batch 1) plus the row itself under a block mask. Many candidates share
 * one prompt: their queries are stacked as rows of one matmul against the prefix keys, so the
 * prompt cache is never tiled per candidate and kv heads are never repeated per query head (each
 * kv head serves its `rep` query heads as extra rows). Same math as attention.ts selfAttention.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerKv } from '../attention';
import type { LmConfig } from '../config';
import { applyRope, linear } from '../layers';
import type { ProjectionDelta } from '../layers';

/** Inputs of one prefix-attention call besides the hidden states. */
export interface PrefixAttentionContext {
  readonly config: LmConfig;
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly layer: number;
  /** Rotary tables at each packed token's position, [1, 1, N, dh]. */
  readonly cos: tf.Tensor;
  readonly sin: tf.Tensor;
  /** Additive [N, N] mask among the packed tokens: 0 where allowed, −1e9 elsewhere. */
  readonly mask: tf.Tensor2D;
  /** The prefix's keys and values of this layer, [1, kvH, S, dh] (after RoPE); absent for no prefix. */
  readonly prefix?: LayerKv;
  readonly delta?: ProjectionDelta;
}

/** Projection output [1, N, heads·dh] → [1, heads, N, dh]. */
function heads(ctx: PrefixAttentionContext, x: tf.Tensor, proj: 'q_proj' | 'k_proj' | 'v_proj', count: number): tf.Tensor4D {
  const n = x.shape[1] as number;
  const y = linear(x, ctx.weights, ctx.layer, proj, ctx.delta);
  return tf.transpose(tf.reshape(y, [1, n, count, ctx.config.headDim]), [0, 2, 1, 3]);
}

/**
 * Attention output [1, N, hidden] for packed hidden states x [1, N, hidden], and the packed
 * tokens' own keys and values [1, kvH, N, dh] (a prompt run with no prefix returns its cache).
 * Query head h = g·rep + r attends through kv head g, as HF repeat_kv arranges it.
 */
export function prefixSelfAttention(x: tf.Tensor, ctx: PrefixAttentionContext): { out: tf.Tensor; kv: LayerKv } {
  return tf.tidy(() => {
    const c = ctx.config;
    const [n, g, dh] = [x.shape[1] as number, c.numKvHeads, c.headDim];
    const rep = c.numHeads / g;
    const scale = 1 / Math.sqrt(dh);
    const k = applyRope(heads(ctx, x, 'k_proj', g), ctx.cos, ctx.sin) as tf.Tensor4D;
    const v = heads(ctx, x, 'v_proj', g);
    const q = tf.reshape(applyRope(heads(ctx, x, 'q_proj', c.numHeads), ctx.cos, ctx.sin), [g, rep * n, dh]);
    const own = tf.mul(tf.matMul(q, tf.reshape(k, [g, n, dh]), false, true), scale);
    const blocks = [tf.reshape(tf.add(tf.reshape(own, [g, rep, n, n]), ctx.mask), [g, rep * n, n])];
    const s = ctx.prefix?.k.shape[2] ?? 0;
    if (ctx.prefix !== undefined) blocks.unshift(tf.mul(tf.matMul(q, tf.reshape(ctx.prefix.k, [g, s, dh]), false, true), scale));
    const probs = tf.softmax(blocks.length === 1 ? (blocks[0] as tf.Tensor) : tf.concat(blocks, 2), -1);
    let out = tf.matMul(tf.slice(probs, [0, 0, s], [g, rep * n, n]), tf.reshape(v, [g, n, dh]));
    if (ctx.prefix !== undefined) out = tf.add(out, tf.matMul(tf.slice(probs, [0, 0, 0], [g, rep * n, s]), tf.reshape(ctx.prefix.v, [g, s, dh])));
    const merged = tf.reshape(tf.transpose(tf.reshape(out, [c.numHeads, n, dh]), [1, 0, 2]), [1, n, c.numHeads * dh]);
    return { out: linear(merged, ctx.weights, ctx.layer, 'o_proj', ctx.delta), kv: { k, v } };
  });
}
