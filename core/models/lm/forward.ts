/**
 * The decoder's pure forward pass over HF-named weights: embed → L × (RMSNorm → GQA attention →
 * residual → RMSNorm → SwiGLU → residual) → RMSNorm → lm_head (or tied embeddings) → logits.
 */
import * as tf from '@tensorflow/tfjs';
import { checkAttentionSpan, type LmConfig } from './config';
import { causalMask, selfAttention } from './attention';
import type { LayerKv } from './attention';
import { mlp, rmsNorm, ropeAtPositions, ropeTables } from './layers';
import type { ProjectionDelta } from './layers';
import { requireWeight } from './weights';

/** Keys and values of every layer for the tokens seen so far. The caller disposes it (disposeKvCache). */
export interface KvCache {
  readonly layers: readonly LayerKv[];
  /** Number of cached positions. */
  readonly length: number;
}

/** Options of lmForward. */
export interface LmForwardOptions {
  /** Cache from a previous call; the new tokens continue those sequences. Not disposed here. */
  readonly cache?: KvCache;
  /** Additive projection outputs (LoRA adapters). */
  readonly delta?: ProjectionDelta;
  /**
   * Position of every token, [B·T] (training on packed rows: positions restart per example).
   * Default: past, past+1, … for every row.
   */
  readonly positions?: Int32Array;
  /** Additive mask broadcastable to [B, H, T, past+T] replacing the causal mask (e.g. block-causal). */
  readonly attentionMask?: tf.Tensor;
}

/** Logits [B, T, V] and the cache including the new tokens. */
export interface LmForwardResult {
  readonly logits: tf.Tensor3D;
  readonly cache: KvCache;
}

function lmHead(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): tf.Tensor {
  return requireWeight(weights, c.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
}

/** How far back any token attends: past + T, or with packed positions under their own mask, the longest example. */
function contextSpan(past: number, t: number, opts: LmForwardOptions): number {
  if (opts.positions === undefined || opts.attentionMask === undefined) return past + t;
  let longest = 0;
  for (const p of opts.positions) longest = Math.max(longest, p + 1);
  return longest;
}

/**
 * Runs the decoder on token ids [B, T] (int32). Pure: all intermediates are freed; the result's
 * tensors (logits and cache) belong to the caller.
 * @example const { logits, cache } = lmForward(cfg, weights, tf.tensor2d([[1, 2, 3]], undefined, 'int32'));
 */
export function lmForward(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, ids: tf.Tensor2D, opts: LmForwardOptions = {}): LmForwardResult {
  const past = opts.cache?.length ?? 0;
  checkAttentionSpan(c, contextSpan(past, ids.shape[1], opts));
  // tidy keeps only TensorContainers, so the cache travels as two plain arrays.
  const { logits, ks, vs } = tf.tidy(() => {
    const [b, t] = ids.shape;
    const { cos, sin } = opts.positions ? ropeAtPositions(c, opts.positions, b, t) : ropeTables(c, past, t);
    const mask = opts.attentionMask ?? causalMask(past, t);
    let h = tf.gather(requireWeight(weights, 'model.embed_tokens.weight'), tf.cast(ids, 'int32'));
    const ks: tf.Tensor4D[] = [];
    const vs: tf.Tensor4D[] = [];
    for (let i = 0; i < c.numLayers; i++) {
      const pastKv = opts.cache?.layers[i];
      const normed = rmsNorm(h, requireWeight(weights, `model.layers.${i}.input_layernorm.weight`), c.rmsNormEps);
      const attn = selfAttention(normed, { config: c, weights, layer: i, cos, sin, mask, ...(pastKv ? { past: pastKv } : {}), ...(opts.delta ? { delta: opts.delta } : {}) });
      h = tf.add(h, attn.out);
      const normed2 = rmsNorm(h, requireWeight(weights, `model.layers.${i}.post_attention_layernorm.weight`), c.rmsNormEps);
      h = tf.add(h, mlp(normed2, weights, i, opts.delta));
      ks.push(attn.kv.k);
      vs.push(attn.kv.v);
    }
    const final = tf.reshape(rmsNorm(h, requireWeight(weights, 'model.norm.weight'), c.rmsNormEps), [b * t, c.hiddenSize]);
    const logits = tf.reshape(tf.matMul(final, lmHead(c, weights), false, true), [b, t, c.vocabSize]) as tf.Tensor3D;
    return { logits, ks, vs };
  });
  const layers: LayerKv[] = ks.map((k, i) => ({ k, v: vs[i] as tf.Tensor4D }));
  return { logits, cache: { layers, length: past + ids.shape[1] } };
}

/** Frees a cache's tensors. */
export function disposeKvCache(cache: KvCache): void {
  for (const kv of cache.layers) {
    kv.k.dispose();
    kv.v.dispose();
  }
}
