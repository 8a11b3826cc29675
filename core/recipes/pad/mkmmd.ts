/**
 * Multi-kernel maximum mean discrepancy (PAD §3.2 "characteristic recommendation-anchored
 * alignment", after Long et al. DAN / thuml tllib `MultipleKernelMaximumMeanDiscrepancy`).
 * The kernel is a sum of Gaussian kernels k_α(a, b) = exp(−‖a − b‖² / (2σ²_α)) with
 * σ²_α = α · mean pairwise squared distance of the pooled sample (tllib's tracked bandwidth; the
 * mean is a constant to the gradient, as tllib's `.detach()`). Characteristic kernels make MMD a
 * metric on distributions (paper §3.2), which is why PAD prefers them to a cosine kernel.
 */
import * as tf from '@tensorflow/tfjs';

/** Which estimator of MMD² (Gretton et al. 2012). Both are exactly 0 when x = y row by row. */
export type MmdEstimator = 'biased' | 'unbiased';

/** Kernel family and estimator. */
export interface MkMmdOptions {
  /** Bandwidth multipliers α (tllib PAD: 2^k for k = −3..1). */
  readonly alphas: readonly number[];
  /** Weight of each kernel (default 1 each, as tllib sums the kernel matrices). */
  readonly weights?: readonly number[];
  /** 'biased' V-statistic (default) or the paired 'unbiased' U-statistic (needs n = m). */
  readonly estimator?: MmdEstimator;
}

/** PAD's kernel family: α ∈ {1/8, 1/4, 1/2, 1, 2}. */
export function padMmdOptions(): MkMmdOptions {
  return { alphas: [0.125, 0.25, 0.5, 1, 2], estimator: 'biased' };
}

/** Identity forward, zero gradient (tfjs has no stop_gradient op). */
const stopGradient = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = inputs[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
}) as (x: tf.Tensor) => tf.Tensor;

/** Pairwise squared distances [N, N] of the rows of z [N, d]. */
export function pairwiseSqDistances(z: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const sq = tf.sum(tf.mul(z, z), 1, true); // [N, 1]
    const d = tf.sub(tf.add(sq, tf.transpose(sq)), tf.mul(tf.matMul(z, z, false, true), 2));
    return tf.relu(d) as tf.Tensor2D; // clamp tiny negative round-off
  });
}

/** Σ_α w_α exp(−D / (2 α mean(D))), mean over all N² entries (diagonal zeros included, as tllib). */
function multiKernel(dist: tf.Tensor2D, opts: MkMmdOptions): tf.Tensor2D {
  return tf.tidy(() => {
    const meanD = tf.maximum(stopGradient(tf.mean(dist)), 1e-12);
    let k: tf.Tensor = tf.zerosLike(dist);
    opts.alphas.forEach((alpha, i) => {
      const w = opts.weights?.[i] ?? 1;
      k = tf.add(k, tf.mul(tf.exp(tf.div(tf.neg(dist), tf.mul(meanD, 2 * alpha))), w));
    });
    return k as tf.Tensor2D;
  });
}

/** Weight matrix of the estimator over the pooled [x; y] kernel matrix (2n × 2n or (n+m)²). */
function estimatorWeights(n: number, m: number, estimator: MmdEstimator): tf.Tensor2D {
  const size = n + m;
  const w = new Float32Array(size * size);
  const paired = estimator === 'unbiased';
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const xi = i < n;
      const xj = j < n;
      // Paired U-statistic: drop i = j within each sample and the pairs (x_i, y_i) across.
      if (paired && (i === j || Math.abs(i - j) === n)) continue;
      const within = xi && xj ? n * (paired ? n - 1 : n) : !xi && !xj ? m * (paired ? m - 1 : m) : 0;
      w[i * size + j] = within > 0 ? 1 / within : -1 / (n * (paired ? n - 1 : m));
    }
  }
  return tf.tensor2d(w, [size, size]);
}

/**
 * MK-MMD² between samples x [n, d] and y [m, d] (pure; differentiable in x and y).
 * @example mkMmd(a, a, padMmdOptions()) // 0
 */
export function mkMmd(x: tf.Tensor2D, y: tf.Tensor2D, opts: MkMmdOptions = padMmdOptions()): tf.Scalar {
  const n = x.shape[0];
  const m = y.shape[0];
  const estimator = opts.estimator ?? 'biased';
  if (estimator === 'unbiased' && (n !== m || n < 2)) throw new Error(`unbiased MK-MMD needs paired samples of equal size ≥ 2, got ${n} and ${m}`);
  return tf.tidy(() => {
    const k = multiKernel(pairwiseSqDistances(tf.concat([x, y], 0)), opts);
    return tf.sum(tf.mul(k, estimatorWeights(n, m, estimator))) as tf.Scalar;
  });
}
