/** Layer normalisation over the last axis. */
import * as tf from '@tensorflow/tfjs';
import { layerNormForward, layerNormGradient, simdLayerNormReady } from '../../tensor/patches/layerNormKernel';

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
  return fusedLayerNorm(eps)(x, p.gamma, p.beta);
}

/** The forward pass: x̂ = (x − mean)·rstd with rstd = 1/sqrt(var + eps), and y = x̂·gamma + beta. */
function normalise(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): { y: tf.Tensor; xhat: tf.Tensor; rstd: tf.Tensor } {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  // x·x instead of square/pow: cheaper on wasm (docs/ENVIRONMENT.md §3).
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.mul(centred, centred), -1, true), eps));
  const xhat = tf.mul(centred, rstd);
  return { y: tf.add(tf.mul(xhat, gamma), beta), xhat, rstd };
}

/** The gradient from ops: see fusedLayerNorm. */
function gradientByOps(dy: tf.Tensor, xhat: tf.Tensor, rstd: tf.Tensor, gamma: tf.Tensor): tf.Tensor[] {
  const leading = dy.shape.slice(0, -1).map((_, i) => i);
  const g = tf.mul(dy, gamma);
  const inner = tf.sub(tf.sub(g, tf.mean(g, -1, true)), tf.mul(xhat, tf.mean(tf.mul(g, xhat), -1, true)));
  return [tf.mul(inner, rstd), tf.sum(tf.mul(dy, xhat), leading), tf.sum(dy, leading)];
}

/**
 * Layer norm with its gradient written out: with g = dy·gamma,
 * dx = rstd·(g − mean(g) − x̂·mean(g·x̂)), dgamma = Σ dy·x̂, dbeta = Σ dy (sums over every axis but
 * the last). About half the full-size passes of differentiating the forward ops one by one
 * (a SASRec step runs five of these; each pass over [B, T, d] is memory-bound); on wasm both
 * directions are single kernels of our SIMD module (core/tensor/patches/layerNormKernel.ts).
 */
function fusedLayerNorm(eps: number): (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor {
  return tf.customGrad((x, gamma, beta, save) => {
    const simd = simdLayerNormReady();
    const args = [x, gamma, beta] as [tf.Tensor, tf.Tensor, tf.Tensor];
    const { y, xhat, rstd } = simd ? layerNormForward(...args, eps) : normalise(...args, eps);
    (save as tf.GradSaveFunc)([xhat, rstd, gamma as tf.Tensor]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xh, r, gm] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        return (simd ? layerNormGradient : gradientByOps)(dy as tf.Tensor, xh, r, gm);
      },
    };
  }) as (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
}

/** The reference: the same forward differentiated op by op (tests compare the two). */
export function layerNormByAutodiff(x: tf.Tensor, p: LayerNormParams, eps: number = LAYER_NORM_EPS): tf.Tensor {
  return tf.tidy(() => normalise(x, p.gamma, p.beta, eps).y);
}
