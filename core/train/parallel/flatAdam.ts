/**
 * Adam over one flat weight vector, for the lead of a data-parallel run. tfjs's optimizer spends
 * ~10 ms of every SASRec update dispatching a dozen small ops per variable; the data-parallel
 * lead already holds the combined gradient and the weights as flat arrays, so one pass over them
 * does the same update while the replicas wait. Same formula as tfjs's AdamOptimizer:
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  w ← w − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε)
 * computed in float64 per element and stored in float32.
 */
import type { AdamMoments } from '../checkpoint';
import type { FlatLayout } from './flatGrads';

/** Adam's constants (the learning rate comes with each update: schedules change it). */
export interface AdamHyper {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

export interface FlatAdam {
  readonly hyper: AdamHyper;
  readonly m: Float32Array;
  readonly v: Float32Array;
  /** Updates done so far (t − 1 before the next one). */
  iterations: number;
}

export function createFlatAdam(length: number, hyper: AdamHyper): FlatAdam {
  return { hyper, m: new Float32Array(length), v: new Float32Array(length), iterations: 0 };
}

/**
 * One update of `weights` in place with `gradient`. The bias corrections come from the update
 * count rather than a running product, so a run resumed from a checkpoint (which stores the
 * count) takes exactly the steps an uninterrupted one takes.
 */
export function flatAdamStep(adam: FlatAdam, weights: Float32Array, gradient: Float64Array | Float32Array, learningRate: number): void {
  const { beta1, beta2, epsilon } = adam.hyper;
  const t = adam.iterations + 1;
  adamPass(weights, gradient, adam.m, adam.v, { beta1, beta2, eps: epsilon, lr: learningRate, c1: 1 - beta1 ** t, c2: 1 - beta2 ** t, gradScale: 1, keep: 1 });
  adam.iterations = t;
}

/** One update's constants: bias corrections c = 1 − βᵗ; AdamW's clip scale and decoupled decay factor (1 for plain Adam). */
export interface AdamPassConstants {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly lr: number;
  readonly c1: number;
  readonly c2: number;
  readonly gradScale: number;
  readonly keep: number;
}

/** The element-wise update, in place on w, m, v (also the LM trainer's flat AdamW, core/train/lm/flatAdamW.ts). */
export function adamPass(w: Float32Array, g: Float64Array | Float32Array, m: Float32Array, v: Float32Array, k: AdamPassConstants): void {
  const { beta1, beta2, eps } = k;
  for (let i = 0; i < w.length; i++) {
    const gi = (g[i] as number) * k.gradScale;
    const mi = beta1 * (m[i] as number) + (1 - beta1) * gi;
    const vi = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] = (w[i] as number) * k.keep - (k.lr * (mi / k.c1)) / (Math.sqrt(vi / k.c2) + eps);
  }
}

/** The state in a checkpoint's form (views into the flat moments, valid until the next update). */
export function flatMoments(adam: FlatAdam, layout: FlatLayout): AdamMoments {
  const views = (flat: Float32Array): Map<string, Float32Array> =>
    new Map(layout.names.map((name, k) => [name, flat.subarray(layout.offsets[k], (layout.offsets[k] as number) + sizeOf(layout, k))]));
  return { iterations: adam.iterations, m: views(adam.m), v: views(adam.v) };
}

/** A flat Adam continuing from `moments` (a fresh optimizer has none: zeros). */
export function flatAdamFrom(moments: AdamMoments, layout: FlatLayout, hyper: AdamHyper): FlatAdam {
  const adam = createFlatAdam(layout.length, hyper);
  adam.iterations = moments.iterations;
  layout.names.forEach((name, k) => {
    for (const kind of ['m', 'v'] as const) {
      const part = moments[kind].get(name);
      if (part !== undefined) adam[kind].set(part, layout.offsets[k]);
    }
  });
  return adam;
}

function sizeOf(layout: FlatLayout, k: number): number {
  return (layout.shapes[k] as number[]).reduce((a, b) => a * b, 1);
}
