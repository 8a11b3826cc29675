/** Layer normalisation over the last axis. */
import * as tf from '@tensorflow/tfjs';

/** Learned scale and shift of one layer norm, both [width]. */
export interface LayerNormParams {
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
}

/** SASRec (pmixer) uses eps 1e-8, not the usual 1e-5. */
export const LAYER_NORM_EPS = 1e-8;

/** Creates gamma = 1, beta = 0 of the given width. */
export function initLayerNorm(width: number): LayerNormParams {
  return {
    gamma: tf.tidy(() => tf.variable(tf.ones([width]))),
    beta: tf.tidy(() => tf.variable(tf.zeros([width]))),
  };
}

/** y = (x − mean) / sqrt(var + eps) · gamma + beta, statistics over the last axis. */
export function layerNorm(x: tf.Tensor, p: LayerNormParams, eps: number = LAYER_NORM_EPS): tf.Tensor {
  return tf.tidy(() => {
    const centred = tf.sub(x, tf.mean(x, -1, true));
    // x·x instead of square/pow: cheaper on wasm (docs/ENVIRONMENT.md §3).
    const variance = tf.mean(tf.mul(centred, centred), -1, true);
    return tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, eps))), p.gamma), p.beta);
  });
}
