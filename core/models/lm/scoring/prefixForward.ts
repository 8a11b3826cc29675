/**
 * The decoder's layer stack (embed → L × (RMSNorm → attention → residual → RMSNorm → SwiGLU →
 * residual) → RMSNorm → lm_head) on one packed row of tokens that continues a shared prefix
 * cache, with lm_head applied only to the rows that are scored. lmForward's layers, with
 * prefixSelfAttention in place of selfAttention; scoring.test.ts pins the two to each other.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../../errors';
import type { LayerKv } from '../attention';
import type { LmConfig } from '../config';
import type { KvCache } from '../forward';
import { mlp, rmsNorm, ropeAtPositions } from '../layers';
import type { ProjectionDelta } from '../layers';
import { requireWeight } from '../weights';
import { prefixSelfAttention } from './prefixAttention';

/** One packed row: token ids, their absolute positions and the additive [N, N] mask among them. */
export interface PackedTokens {
  readonly ids: Int32Array;
  readonly positions: Int32Array;
  /** Row-major [N, N]: 0 where token i may attend to token j, −1e9 elsewhere. */
  readonly mask: Float32Array;
}

/** Logits [R, V] of the requested rows, and the packed tokens' own keys/values (owned by the caller). */
export interface PrefixForwardResult {
  readonly logits: tf.Tensor2D;
  readonly kv: KvCache;
}

function lmHead(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): tf.Tensor {
  return requireWeight(weights, c.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
}

function checkPrefix(prefix: KvCache | undefined): void {
  const batch = prefix?.layers[0]?.k.shape[0];
  if (batch !== undefined && batch !== 1) throw new RecForgeError('validation', `a shared prefix cache has batch 1, got ${batch}`);
}

/**
 * Runs `tokens` after `prefix` (a batch-1 cache, or none) and returns logits only at `logitRows`
 * (indices into the packed row). Pure: intermediates are freed.
 */
export function prefixForward(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  tokens: PackedTokens,
  logitRows: Int32Array,
  opts: { readonly prefix?: KvCache; readonly delta?: ProjectionDelta } = {},
): PrefixForwardResult {
  checkPrefix(opts.prefix);
  const n = tokens.ids.length;
  const { logits, flat } = tf.tidy(() => {
    const { cos, sin } = ropeAtPositions(c, tokens.positions, 1, n);
    const mask = tf.tensor2d(tokens.mask, [n, n]);
    let h = tf.gather(requireWeight(weights, 'model.embed_tokens.weight'), tf.tensor2d(tokens.ids, [1, n], 'int32'));
    const flat: tf.Tensor[] = [];
    for (let i = 0; i < c.numLayers; i++) {
      const prefix = opts.prefix?.layers[i];
      const normed = rmsNorm(h, requireWeight(weights, `model.layers.${i}.input_layernorm.weight`), c.rmsNormEps);
      const attn = prefixSelfAttention(normed, { config: c, weights, layer: i, cos, sin, mask, ...(prefix ? { prefix } : {}), ...(opts.delta ? { delta: opts.delta } : {}) });
      h = tf.add(h, attn.out);
      const normed2 = rmsNorm(h, requireWeight(weights, `model.layers.${i}.post_attention_layernorm.weight`), c.rmsNormEps);
      h = tf.add(h, mlp(normed2, weights, i, opts.delta));
      flat.push(attn.kv.k, attn.kv.v);
    }
    const picked = tf.gather(tf.reshape(h, [n, c.hiddenSize]), tf.tensor1d(logitRows, 'int32'));
    const final = rmsNorm(picked, requireWeight(weights, 'model.norm.weight'), c.rmsNormEps);
    return { logits: tf.matMul(final, lmHead(c, weights), false, true) as tf.Tensor2D, flat };
  });
  const layers: LayerKv[] = Array.from({ length: c.numLayers }, (_, i) => ({ k: flat[2 * i] as tf.Tensor4D, v: flat[2 * i + 1] as tf.Tensor4D }));
  return { logits, kv: { layers, length: n } };
}
