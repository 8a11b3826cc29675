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
