/**
 * The decoder's forward pass for training on packed rows: lmForward with per-example positions
 * and a block-causal mask, without keeping a KV cache. Differentiable w.r.t. every tensor in
 * `weights` and `delta` (GQA included).
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { lmForward } from '../../models/lm/forward';
import type { ProjectionDelta } from '../../models/lm/layers';
import { blockCausalMask } from './blockMask';
import type { RowLayout } from './blockMask';

/** Logits [B, T, V] for token ids [B·T] laid out as `layout` says; intermediates are freed. */
export function trainForward(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  ids: Int32Array,
  layout: RowLayout,
  delta?: ProjectionDelta,
): tf.Tensor3D {
  return tf.tidy(() => {
    const opts = { positions: layout.positions, attentionMask: blockCausalMask(layout), ...(delta ? { delta } : {}) };
    // The cache is an intermediate here: tidy frees it with everything else but the logits.
    return lmForward(c, weights, tf.tensor2d(ids, [layout.batch, layout.length], 'int32'), opts).logits;
  });
}
