/**
 * The residual-quantised autoencoder's parameters and forward pieces (RQ-VAE, §4.2.1): an MLP
 * encoder E maps an item vector e to z; m codebooks C_d of K vectors quantise z residual by
 * residual (c_d = argmin_k ‖r_d − e_k‖, r_{d+1} = r_d − e_{c_d}); an MLP decoder reconstructs the
 * item vector from Σ_d e_{c_d}. Matrices are stored [in, out] (x · W), our own layout.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { createRng } from '../../train/rng';
import type { Rng } from '../../train/rng';

/** Parameters by name: encoder.{0,1}.{weight,bias}, decoder.{0,1}.{weight,bias}, codebook.{d}. */
export type QuantiserParams = Map<string, tf.Variable>;

/** Shape of a quantiser. */
export interface QuantiserShape {
  readonly inputDim: number;
  readonly hiddenDim: number;
  readonly latentDim: number;
  readonly levels: number;
  readonly codes: number;
}

function normal(rng: Rng, n: number, std: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.nextNormal() * std);
}

/** A trainable variable holding `t`'s values; `t` itself is freed (tf.variable would keep it alive). */
export function variableOf(t: tf.Tensor): tf.Variable {
  const v = tf.variable(t, true);
  t.dispose();
  return v;
}

function dense(out: QuantiserParams, name: string, rng: Rng, inDim: number, outDim: number): void {
  // He initialisation for the ReLU MLP.
  out.set(`${name}.weight`, variableOf(tf.tensor2d(normal(rng, inDim * outDim, Math.sqrt(2 / inDim)), [inDim, outDim])));
  out.set(`${name}.bias`, variableOf(tf.zeros([outDim])));
}

/**
 * Fresh parameters, deterministic in `seed`. Codebooks start as VQ-VAE does (uniform in
 * ±1/K): tiny vectors near the origin, which is exactly the start from which plain RQ-VAE
 * collapses onto a few codes (§4.2.2 "codebook collapse").
 */
export function initQuantiser(shape: QuantiserShape, seed: number): QuantiserParams {
  const rng = createRng(seed);
  const p: QuantiserParams = new Map();
  dense(p, 'encoder.0', rng, shape.inputDim, shape.hiddenDim);
  dense(p, 'encoder.1', rng, shape.hiddenDim, shape.latentDim);
  dense(p, 'decoder.0', rng, shape.latentDim, shape.hiddenDim);
  dense(p, 'decoder.1', rng, shape.hiddenDim, shape.inputDim);
  for (let d = 0; d < shape.levels; d++) {
    const k = shape.codes;
    const values = Float32Array.from({ length: k * shape.latentDim }, () => (2 * rng.nextFloat() - 1) / k);
    p.set(`codebook.${d}`, variableOf(tf.tensor2d(values, [k, shape.latentDim])));
  }
  return p;
}

/** The named parameter (throws when missing). */
export function param(p: ReadonlyMap<string, tf.Tensor>, name: string): tf.Tensor {
  const t = p.get(name);
  if (t === undefined) throw new RecForgeError('validation', `quantiser has no tensor ${name}`);
  return t;
}

/** Number of code levels in a parameter map. */
export function levelCount(p: ReadonlyMap<string, tf.Tensor>): number {
  let d = 0;
  while (p.has(`codebook.${d}`)) d++;
  return d;
}

function mlp(p: ReadonlyMap<string, tf.Tensor>, prefix: string, x: tf.Tensor2D): tf.Tensor2D {
  const h = tf.relu(tf.add(tf.matMul(x, param(p, `${prefix}.0.weight`) as tf.Tensor2D), param(p, `${prefix}.0.bias`)));
  return tf.add(tf.matMul(h, param(p, `${prefix}.1.weight`) as tf.Tensor2D), param(p, `${prefix}.1.bias`));
}

/** z = E(x). */
export function encode(p: ReadonlyMap<string, tf.Tensor>, x: tf.Tensor2D): tf.Tensor2D {
  return mlp(p, 'encoder', x);
}

/** x̂ = D(z_q). */
export function decode(p: ReadonlyMap<string, tf.Tensor>, zq: tf.Tensor2D): tf.Tensor2D {
  return mlp(p, 'decoder', zq);
}

/** Squared distances ‖r_i − e_k‖² as [N, K]. */
export function squaredDistances(r: tf.Tensor2D, codebook: tf.Tensor2D): tf.Tensor2D {
  const rr = tf.sum(tf.square(r), 1, true);
  const ee = tf.reshape(tf.sum(tf.square(codebook), 1), [1, -1]);
  return tf.add(tf.sub(rr, tf.mul(2, tf.matMul(r, codebook, false, true))), ee);
}

/** Frees every parameter. */
export function disposeQuantiser(p: Map<string, tf.Tensor>): void {
  for (const t of p.values()) t.dispose();
  p.clear();
}
