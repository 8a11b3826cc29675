/** Packing token rows into padded forward-pass batches. */
import * as tf from '@tensorflow/tfjs';

/** Right-pads rows into a [B, width] int32 batch with `pad` (padding only ever follows real tokens). */
export function rightPadded(rows: readonly (readonly number[])[], width: number, pad = 0): tf.Tensor2D {
  const data = new Int32Array(rows.length * width).fill(pad);
  rows.forEach((r, i) => data.set(r, i * width));
  return tf.tensor2d(data, [rows.length, width], 'int32');
}

/** Consecutive slices of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
