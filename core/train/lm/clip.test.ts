import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { clipByGlobalNorm } from './clip';

useTensorSuite();

async function clip(maxNorm: number | null): Promise<{ a: number[]; b: number[]; norm: number }> {
  // ‖(3, 4, 12)‖ = 13 over two tensors.
  const grads = new Map<string, tf.Tensor>([['a', tf.tensor1d([3, 4])], ['b', tf.tensor2d([[12]])]]);
  const out = clipByGlobalNorm(grads, maxNorm);
  const res = { a: Array.from((await out.grads.get('a')?.data()) ?? []), b: Array.from((await out.grads.get('b')?.data()) ?? []), norm: (await out.norm.data())[0] ?? NaN };
  tf.dispose([...grads.values(), ...out.grads.values(), out.norm]);
  return res;
}

describe('clipByGlobalNorm', () => {
  it('scales every gradient by maxNorm / global norm when above it', async () => {
    const r = await clip(6.5);
    expect(r.norm).toBeCloseTo(13, 5);
    expect(r.a[0]).toBeCloseTo(1.5, 5);
    expect(r.a[1]).toBeCloseTo(2, 5);
    expect(r.b[0]).toBeCloseTo(6, 5);
  });

  it('leaves gradients below the limit (or with no limit) unchanged', async () => {
    for (const max of [100, null]) {
      const r = await clip(max);
      expect(r.a).toEqual([3, 4]);
      expect(r.b).toEqual([12]);
    }
  });
});
