/**
 * The decoder's forward pass for training: lmForward's layer stack (embed → L × (RMSNorm →
 * attention → residual → RMSNorm → SwiGLU → residual) → RMSNorm → lm_head), without a KV cache,
 * on packed rows (block-causal masks, per-example positions). Differentiable for GQA models.
 * trainForward.test.ts pins it to lmForward's logits so the two cannot drift apart silently.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { mlp, rmsNorm } from '../../models/lm/layers';
import type { ProjectionDelta } from '../../models/lm/layers';
import { requireWeight } from '../../models/lm/weights';
import { blockCausalMask, packedSelfAttention, ropeAtPositions } from './trainAttention';
import type { RowLayout } from './trainAttention';

/**
 * Logits [B, T, V] for token ids [B·T] laid out as `layout` says. Pure: intermediates are freed,
 * the logits belong to the caller. Differentiable w.r.t. every tensor in `weights` and `delta`.
 */
export function trainForward(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  ids: Int32Array,
  layout: RowLayout,
  delta?: ProjectionDelta,
): tf.Tensor3D {
  return tf.tidy(() => {
    const { batch: b, length: t } = layout;
    const { cos, sin } = ropeAtPositions(c, layout);
    const ctx = { config: c, weights, cos, sin, mask: blockCausalMask(layout), ...(delta ? { delta } : {}) };
    let h = tf.gather(requireWeight(weights, 'model.embed_tokens.weight'), tf.tensor2d(ids, [b, t], 'int32'));
    for (let i = 0; i < c.numLayers; i++) {
      const normed = rmsNorm(h, requireWeight(weights, `model.layers.${i}.input_layernorm.weight`), c.rmsNormEps);
      h = tf.add(h, packedSelfAttention(normed, i, ctx));
      const normed2 = rmsNorm(h, requireWeight(weights, `model.layers.${i}.post_attention_layernorm.weight`), c.rmsNormEps);
      h = tf.add(h, mlp(normed2, weights, i, delta));
    }
    const final = tf.reshape(rmsNorm(h, requireWeight(weights, 'model.norm.weight'), c.rmsNormEps), [b * t, c.hiddenSize]);
    const head = requireWeight(weights, c.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
    return tf.reshape(tf.matMul(final, head, false, true), [b, t, c.vocabSize]) as tf.Tensor3D;
  });
}
