import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { layerNorm, layerNormByAutodiff, type LayerNormParams } from './layerNorm';

useTensorSuite();

async function maxGap(a: readonly tf.Tensor[], b: readonly tf.Tensor[]): Promise<number> {
  let worst = 0;
  for (const [i, t] of a.entries()) {
    const [x, y] = [await t.data(), await (b[i] as tf.Tensor).data()];
    x.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - (y[j] as number)) / Math.max(1, Math.abs(y[j] as number)))));
  }
  return worst;
}

describe('layerNorm (written-out gradient) vs the same forward differentiated op by op', () => {
  it.each([[[4, 7, 16]], [[33, 8]], [[2, 3, 5, 12]]])('shape %j: values and the gradients of x, gamma and beta agree within 1e-5', async (shape) => {
    const rng = createRng(shape.length);
    const width = shape[shape.length - 1] as number;
    const rand = (n: number, scale: number, shift = 0): Float32Array => Float32Array.from({ length: n }, () => shift + scale * rng.nextNormal());
    const size = shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(rand(size, 2, 0.5), shape);
    const w = tf.tensor(rand(size, 1), shape); // a random linear read-out, so dy is not uniform
    const p: LayerNormParams = tf.tidy(() => ({ gamma: tf.variable(tf.tensor1d(rand(width, 0.3, 1))), beta: tf.variable(tf.tensor1d(rand(width, 0.3))) }));
    const run = (f: typeof layerNorm): tf.Tensor[] => {
      const out = f(x, p);
      const grads = tf.grads((xx: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(xx, { gamma: g as tf.Variable, beta: b as tf.Variable }), w)))([x, p.gamma, p.beta]);
      return [out, ...grads];
    };
    const fused = run(layerNorm);
    const reference = run(layerNormByAutodiff);
    expect(await maxGap(fused, reference)).toBeLessThan(1e-5);
    tf.dispose([x, w, p.gamma, p.beta, ...fused, ...reference]);
  });
});
