/**
 * Hard code assignment of a whole item set with a trained quantiser (no gradients): the codes,
 * and per level the residual being quantised and its squared quantisation error (what dead-code
 * re-initialisation and the reconstruction metric read).
 */
import * as tf from '@tensorflow/tfjs';
import { decode, encode, levelCount, param, squaredDistances } from './quantiser';

/** Codes and per-level diagnostics of N items. */
export interface Assignment {
  readonly items: number;
  readonly levels: number;
  /** codes[i · levels + d] = code of item i at level d. */
  readonly codes: Int32Array;
  /** residuals[d] = r_d as [N, latentDim] row-major. */
  readonly residuals: readonly Float32Array[];
  /** errors[d][i] = ‖r_d − e_{c_d}‖² of item i. */
  readonly errors: readonly Float32Array[];
  /** Mean ‖x − D(Σ_{d<levels} e_{c_d})‖² over the items. */
  readonly reconstruction: number;
}

/** Assigns codes on the first `levels` levels (default: all). */
export function assignCodes(p: ReadonlyMap<string, tf.Tensor>, x: tf.Tensor2D, levels = levelCount(p)): Assignment {
  const n = x.shape[0];
  const codes = new Int32Array(n * levels);
  const residuals: Float32Array[] = [];
  const errors: Float32Array[] = [];
  const reconstruction = tf.tidy(() => {
    let r = encode(p, x);
    let sum = tf.zerosLike(r);
    for (let d = 0; d < levels; d++) {
      const cb = param(p, `codebook.${d}`) as tf.Tensor2D;
      const dist = squaredDistances(r, cb);
      const idx = tf.argMin(dist, 1);
      const q = tf.gather(cb, idx);
      const level = idx.dataSync();
      for (let i = 0; i < n; i++) codes[i * levels + d] = level[i] ?? 0;
      residuals.push(Float32Array.from(r.dataSync()));
      errors.push(Float32Array.from(tf.sum(tf.square(tf.sub(r, q)), 1).dataSync()));
      r = tf.sub(r, q);
      sum = tf.add(sum, q);
    }
    return tf.mean(tf.sum(tf.square(tf.sub(x, decode(p, sum))), 1)).dataSync()[0] ?? NaN;
  });
  return { items: n, levels, codes, residuals, errors, reconstruction };
}

/** assignCodes on row-major item vectors [items × dim] (the tensor is made and freed here). */
export function assignVectors(p: ReadonlyMap<string, tf.Tensor>, vectors: Float32Array, dim: number): Assignment {
  const x = tf.tensor2d(vectors, [vectors.length / dim, dim]);
  try {
    return assignCodes(p, x);
  } finally {
    x.dispose();
  }
}
