/**
 * The SASRec sequence encoder (pmixer's log2feats): a pure function of (params, item ids,
 * training flag, rng) → hidden states [B, T, d].
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../train/rng';
import { dense } from '../nn/dense';
import { dropout } from '../nn/dropout';
import { layerNorm } from '../nn/layerNorm';
import { attentionBias, causalSelfAttention } from './attention';
import type { SasRecBlockParams, SasRecParams } from './params';

/** Forward-pass switches. */
export interface EncodeOptions {
  /** Training mode turns dropout on (masks drawn from `rng`). */
  readonly training: boolean;
  readonly rng: Rng | null;
  readonly dropout: number;
  readonly heads: number;
}

function dropFn(opts: EncodeOptions): (x: tf.Tensor) => tf.Tensor {
  const rng = opts.rng;
  if (!opts.training || opts.dropout <= 0 || rng === null) return (x) => x;
  return (x) => dropout(x, opts.dropout, rng);
}

/** Point-wise feed-forward (two kernel-1 convolutions), residual from its (normed) input. */
function feedForward(x: tf.Tensor, p: SasRecBlockParams, drop: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  const h = tf.relu(drop(dense(x, p.ffn1)));
  return tf.add(drop(dense(h, p.ffn2)), x);
}

function block(x: tf.Tensor, p: SasRecBlockParams, bias: tf.Tensor3D, mask: tf.Tensor, opts: EncodeOptions): tf.Tensor {
  const drop = dropFn(opts);
  const normed = layerNorm(x, p.attnNorm);
  // As pmixer: the attention residual adds the *normed* queries, not the raw input.
  const attended = tf.add(normed, causalSelfAttention(normed, x, bias, p, opts.heads, drop));
  return tf.mul(feedForward(layerNorm(attended, p.ffnNorm), p, drop), mask);
}

/**
 * Hidden states [B, T, d] for left-padded item ids [B, T] (int32, 0 = padding, T = maxLen).
 * Padding positions are zeroed after the embedding and after every block.
 */
export function encodeSequence(p: SasRecParams, seq: tf.Tensor2D, opts: EncodeOptions): tf.Tensor3D {
  return tf.tidy(() => {
    const d = p.itemEmb.shape[1] as number;
    const mask = tf.expandDims(tf.cast(tf.notEqual(seq, 0), 'float32'), -1); // [B, T, 1]
    // Scale by sqrt(d) before adding positions, as in the paper's Transformer embedding.
    const emb = tf.add(tf.mul(tf.gather(p.itemEmb, seq), Math.sqrt(d)), p.posEmb);
    let x = tf.mul(dropFn(opts)(emb), mask);
    const bias = attentionBias(seq);
    for (const b of p.blocks) x = block(x, b, bias, mask, opts);
    return layerNorm(x, p.finalNorm) as tf.Tensor3D;
  });
}

/** Hidden state at the last (most recent) position, [B, d]. */
export function lastHidden(hidden: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const [b, t, d] = hidden.shape;
    return tf.reshape(tf.slice(hidden, [0, t - 1, 0], [b, 1, d]), [b, d]);
  });
}
