/**
 * Helpers shared by the kernel-patch tests: run a tensor function on a named backend and get its
 * outputs as plain arrays (leak-checked), and compare such outputs.
 */
import * as tf from '@tensorflow/tfjs';
import { expectNoLeaks } from '../../testing/leaks';
import type { Rng } from '../../train/rng';

/** `n` uniform values in [−1, 1). */
export const randArray = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.nextFloat() * 2 - 1);

/** Number of elements of `shape`. */
export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Runs `fn` on `backend` and returns its outputs as plain arrays (tensors disposed, no leaks). */
export async function runOn(backend: string, fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  return expectNoLeaks(() => {
    const outs = tf.tidy(fn);
    const values = outs.map((t) => t.dataSync() as Float32Array);
    tf.dispose(outs);
    return values;
  });
}

/** Largest |a − b| over all outputs; throws when counts or lengths differ. */
export function maxAbsDiff(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  if (a.length !== b.length) throw new Error(`output counts differ: ${a.length} vs ${b.length}`);
  let m = 0;
  a.forEach((x, i) => {
    const y = b[i] as Float32Array;
    if (x.length !== y.length) throw new Error(`output ${i}: ${x.length} vs ${y.length} values`);
    for (let j = 0; j < x.length; j++) m = Math.max(m, Math.abs((x[j] as number) - (y[j] as number)));
  });
  return Number.isNaN(m) ? Infinity : m;
}

/** A (batched, possibly transposed) matrix product for the BatchMatMul kernel tests. */
export interface MatMulCase {
  readonly batchA: number[];
  readonly batchB: number[];
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly tA: boolean;
  readonly tB: boolean;
}

export const matMulShapeA = (c: MatMulCase): number[] => [...c.batchA, ...(c.tA ? [c.k, c.m] : [c.m, c.k])];
export const matMulShapeB = (c: MatMulCase): number[] => [...c.batchB, ...(c.tB ? [c.n, c.k] : [c.k, c.n])];

/** Value and, unless `valueOnly`, both gradients of Σ w ⊙ matMul(a, b) (w fixed). */
export function matMulValueAndGrads(c: MatMulCase, a: number[], b: number[], valueOnly = false): () => tf.Tensor[] {
  return () => {
    const at = tf.tensor(a, matMulShapeA(c));
    const bt = tf.tensor(b, matMulShapeB(c));
    const out = tf.matMul(at, bt, c.tA, c.tB);
    if (valueOnly) return [out];
    const w = tf.sin(tf.range(0, out.size).reshape(out.shape));
    const grads = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, c.tA, c.tB), w)))([at, bt]);
    return [out, ...grads];
  };
}
