import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { setFastPathEnabled } from '../../tensor/patches/fastPaths';
import { LAYER_NORM_SIMD, layerNormKernelStats, simdLayerNormReady } from '../../tensor/patches/layerNormKernel';
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

async function compareWithAutodiff(shape: number[], simd: boolean): Promise<void> {
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
  const before = { ...layerNormKernelStats };
  const fused = run(layerNorm);
  expect(layerNormKernelStats.forward - before.forward).toBe(simd ? 2 : 0);
  expect(layerNormKernelStats.gradient - before.gradient).toBe(simd ? 1 : 0);
  const reference = run(layerNormByAutodiff);
  expect(await maxGap(fused, reference)).toBeLessThan(1e-5);
  tf.dispose([x, w, p.gamma, p.beta, ...fused, ...reference]);
}

const shapeRng = createRng(99);
/** Fixed edge shapes (width tails, rank 4) and four random ones. */
const SHAPES = [
  [[4, 7, 16]], [[33, 8]], [[2, 3, 5, 12]], [[5, 66]], [[3, 7]],
  ...Array.from({ length: 4 }, () => [[shapeRng.nextInt(1, 6), shapeRng.nextInt(1, 30), shapeRng.nextInt(1, 80)]]),
];

describe('layerNorm (written-out gradient; SIMD kernels on wasm) vs the same forward differentiated op by op', () => {
  it('runs the SIMD kernels on the wasm test backend', () => {
    expect(tf.getBackend() !== 'wasm' || simdLayerNormReady()).toBe(true);
  });

  it.each(SHAPES)('shape %j, ops path (SIMD switched off)', async (shape) => {
    setFastPathEnabled(LAYER_NORM_SIMD, false);
    try {
      await compareWithAutodiff(shape, false);
    } finally {
      setFastPathEnabled(LAYER_NORM_SIMD, true);
    }
  });

  it.each(SHAPES)('shape %j: values and the gradients of x, gamma and beta agree within 1e-5', async (shape) => {
    await compareWithAutodiff(shape, simdLayerNormReady());
  });
});
