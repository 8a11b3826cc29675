/**
 * Self-attention for training on packed rows. Same math as core/models/lm/attention.ts, but
 * with a block-causal mask per row (a token sees only earlier tokens of its own example) and a
 * position per token (RoPE restarts at every packed example). Written here because lmForward
 * shares one [T, S] mask and one position range across the batch, and its GQA head repetition
 * (a rank-5 tile) has no gradient in tfjs; see README.md for the change that would let us drop it.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { linear, ropeTables } from '../../models/lm/layers';
import type { ProjectionDelta } from '../../models/lm/layers';

/** Where every token of a [B, T] batch sits: its example (segment) and its position inside it. */
export interface RowLayout {
  readonly batch: number;
  readonly length: number;
  /** [B·T] position of each token inside its own example (0-based). */
  readonly positions: Int32Array;
  /** [B·T] example index of each token within its row; −1 for padding. */
  readonly segments: Int32Array;
}

/** Tensors shared by every layer of one forward pass. */
export interface AttentionInputs {
  readonly config: LmConfig;
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  /** [B, 1, T, dh] rotary tables gathered at each token's position. */
  readonly cos: tf.Tensor;
  readonly sin: tf.Tensor;
  /** [B, 1, T, T] additive mask: 0 where allowed, −1e9 elsewhere. */
  readonly mask: tf.Tensor;
  readonly delta?: ProjectionDelta;
}

/** Same value lmForward uses, so unpacked rows give the same logits. */
const MASKED = -1e9;

/**
 * Block-causal additive mask [B, 1, T, T]: query t sees key s iff s ≤ t and both belong to the
 * same example. Padding (segment −1) sees only padding, so its rows stay finite (ignored by the loss).
 */
export function blockCausalMask(layout: RowLayout): tf.Tensor4D {
  const { batch: b, length: t, segments } = layout;
  const values = new Float32Array(b * t * t).fill(MASKED);
  for (let r = 0; r < b; r++) {
    for (let q = 0; q < t; q++) {
      const seg = segments[r * t + q];
      for (let k = 0; k <= q; k++) if (segments[r * t + k] === seg) values[(r * t + q) * t + k] = 0;
    }
  }
  return tf.tensor4d(values, [b, 1, t, t]);
}

/** RoPE tables [B, 1, T, dh] at each token's own position (lm's tables, gathered per token). */
export function ropeAtPositions(c: LmConfig, layout: RowLayout): { cos: tf.Tensor; sin: tf.Tensor } {
  return tf.tidy(() => {
    const maxPos = layout.positions.reduce((m, p) => Math.max(m, p), 0);
    const { cos, sin } = ropeTables(c, 0, maxPos + 1);
    const idx = tf.tensor1d(layout.positions, 'int32');
    const shape = [layout.batch, 1, layout.length, c.headDim];
    return { cos: tf.reshape(tf.gather(cos, idx), shape), sin: tf.reshape(tf.gather(sin, idx), shape) };
  });
}

/** x·cos + rotate_half(x)·sin with per-token tables (HF apply_rotary_pos_emb). */
function rotate(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): tf.Tensor {
  const half = (x.shape[3] as number) / 2;
  const [x1, x2] = tf.split(x, [half, half], 3) as [tf.Tensor, tf.Tensor];
  return tf.add(tf.mul(x, cos), tf.mul(tf.concat([tf.neg(x2), x1], 3), sin));
}

/** [B, T, h·dh] → [B, h, T, dh]. */
function splitHeads(x: tf.Tensor, heads: number, headDim: number): tf.Tensor {
  const [b, t] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, headDim]), [0, 2, 1, 3]);
}

/** Each kv head repeated `rep` times in place (HF repeat_kv), via gather so it has a gradient. */
function repeatHeads(x: tf.Tensor, rep: number): tf.Tensor {
  if (rep === 1) return x;
  const heads = x.shape[1] as number;
  const idx = Array.from({ length: heads * rep }, (_, i) => Math.floor(i / rep));
  return tf.gather(x, tf.tensor1d(idx, 'int32'), 1);
}

/** Attention output [B, T, hidden] of decoder layer `layer`. */
export function packedSelfAttention(x: tf.Tensor, layer: number, ctx: AttentionInputs): tf.Tensor {
  return tf.tidy(() => {
    const { config: c, weights, delta } = ctx;
    const [b, t] = x.shape as [number, number, number];
    const q = rotate(splitHeads(linear(x, weights, layer, 'q_proj', delta), c.numHeads, c.headDim), ctx.cos, ctx.sin);
    const k = rotate(splitHeads(linear(x, weights, layer, 'k_proj', delta), c.numKvHeads, c.headDim), ctx.cos, ctx.sin);
    const v = splitHeads(linear(x, weights, layer, 'v_proj', delta), c.numKvHeads, c.headDim);
    const rep = c.numHeads / c.numKvHeads;
    const scores = tf.add(tf.mul(tf.matMul(q, repeatHeads(k, rep), false, true), 1 / Math.sqrt(c.headDim)), ctx.mask);
    const out = tf.matMul(tf.softmax(scores, -1), repeatHeads(v, rep));
    const merged = tf.reshape(tf.transpose(out, [0, 2, 1, 3]), [b, t, c.numHeads * c.headDim]);
    return linear(merged, weights, layer, 'o_proj', delta);
  });
}
