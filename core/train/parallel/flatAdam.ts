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
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  const { m, v } = adam;
  for (let i = 0; i < weights.length; i++) {
    const g = gradient[i] as number;
    const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
    const vi = beta2 * (v[i] as number) + (1 - beta2) * g * g;
    m[i] = mi;
    v[i] = vi;
    weights[i] = (weights[i] as number) - (learningRate * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
  }
  adam.iterations = t;
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
