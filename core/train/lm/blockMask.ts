/**
 * Where every token of a packed [B, T] batch sits, and the block-causal mask that keeps
 * attention inside each packed example (a token sees only earlier tokens of its own example).
 */
import * as tf from '@tensorflow/tfjs';

/** Layout of a packed batch: each token's example (segment) and its position inside it. */
export interface RowLayout {
  readonly batch: number;
  readonly length: number;
  /** [B·T] position of each token inside its own example (0-based). */
  readonly positions: Int32Array;
  /** [B·T] example index of each token within its row; −1 for padding. */
  readonly segments: Int32Array;
}

/** Same value lmForward's causal mask uses, so unpacked rows give the same logits. */
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
