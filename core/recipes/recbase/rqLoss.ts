/**
 * The RQ-VAE / CL-VAE training loss (§4.2.2): L = L_R + L_Q + γ·L_E over the active levels.
 * - L_R = ‖x − x̂‖², x̂ decoded from the straight-through quantised latent z + sg(ẑ − z).
 * - L_Q = Σ_d ‖sg[r_d] − e_{c_d}‖² + β‖r_d − sg[e_{c_d}]‖² (codebook + commitment).
 * - L_E: the paper writes −Σ_{d,j} p_{d,j} log p_{d,j} (the usage entropy) and says the term must
 *   push usage towards uniform, i.e. the entropy is maximised; we add γ·(−H_d) per level. Hard
 *   usage counts have no gradient, so p_{d,·} is the batch mean of a soft assignment
 *   softmax(−‖r_d − e_k‖² / τ), τ = softTemperature × the batch's mean distance (scale-free).
 */
import * as tf from '@tensorflow/tfjs';
import { decode, encode, param, squaredDistances } from './quantiser';

/** What one loss evaluation uses. */
export interface LossOptions {
  readonly activeLevels: number; // curriculum: levels trained so far (§4.2.2 Fig. 1b)
  readonly beta: number;
  readonly gamma: number; // 0 = no entropy term (plain RQ-VAE)
  readonly softTemperature: number;
}

/** tfjs has no stop_gradient: identity forward, zero gradient backward. */
const stopGradientOp = tf.customGrad((...inputs) => ({ value: tf.clone(inputs[0] as tf.Tensor), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) }));

/** sg[x]: x forward, no gradient backward (§4.2.2 L_Q). */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return stopGradientOp(x) as T;
}

/** −H of the batch-mean soft assignment of one level. */
function negativeUsageEntropy(dist: tf.Tensor2D, temperature: number): tf.Scalar {
  const tau = tf.mul(stopGradient(tf.mean(dist)), temperature);
  const soft = tf.softmax(tf.neg(tf.div(dist, tau)));
  const p = tf.mean(soft, 0);
  return tf.sum(tf.mul(p, tf.log(tf.add(p, 1e-10))));
}

/** The scalar loss of a batch x [B, inputDim]. Call inside a gradient tape. */
export function quantiserLoss(p: ReadonlyMap<string, tf.Tensor>, x: tf.Tensor2D, o: LossOptions): tf.Scalar {
  const z = encode(p, x);
  let r: tf.Tensor2D = z;
  let zHat: tf.Tensor2D = tf.zerosLike(z);
  let lq: tf.Scalar = tf.scalar(0);
  let le: tf.Scalar = tf.scalar(0);
  for (let d = 0; d < o.activeLevels; d++) {
    const cb = param(p, `codebook.${d}`) as tf.Tensor2D;
    const dist = squaredDistances(r, cb);
    const q = tf.matMul(tf.oneHot(tf.argMin(stopGradient(dist) as tf.Tensor2D, 1), cb.shape[0]), cb);
    const codebook = tf.mean(tf.sum(tf.square(tf.sub(stopGradient(r), q)), 1));
    const commit = tf.mean(tf.sum(tf.square(tf.sub(r, stopGradient(q))), 1));
    lq = tf.add(lq, tf.add(codebook, tf.mul(o.beta, commit)));
    if (o.gamma > 0) le = tf.add(le, negativeUsageEntropy(dist, o.softTemperature));
    zHat = tf.add(zHat, q);
    r = tf.sub(r, stopGradient(q)) as tf.Tensor2D;
  }
  const zq = tf.add(z, stopGradient(tf.sub(zHat, z))) as tf.Tensor2D;
  const lr = tf.mean(tf.sum(tf.square(tf.sub(x, decode(p, zq))), 1));
  return tf.add(tf.add(lr, lq), tf.mul(o.gamma, le));
}
