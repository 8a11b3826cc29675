import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { applyCpuPatches, applyWasmPatches } from './index';
import { loadSimdKernels } from '../simd/simdModule';
import { leadingAxesCount, sumLeadingAxesStats, sumRows } from './sumLeadingAxes';
import { maxAbsDiff, randArray, runOn, sizeOf } from './testUtil';

const rng = createRng(3);

beforeAll(async () => {
  expect(await loadSimdKernels()).toBe(true);
  applyWasmPatches();
  applyCpuPatches();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('Sum over leading axes (wasm: SIMD module, JS fallback) vs stock cpu', () => {
  it('recognises leading-axis reductions only', () => {
    expect(leadingAxesCount(0, 2)).toBe(1);
    expect(leadingAxesCount([1, 0], 3)).toBe(2);
    expect(leadingAxesCount([-3, -2], 3)).toBe(2);
    expect(leadingAxesCount([0, 1, 2], 3)).toBe(0); // full reduction: stock is fine
    expect(leadingAxesCount([1], 3)).toBe(0);
    expect(leadingAxesCount([-1], 2)).toBe(0);
  });

  const cases: [number[], number | number[], boolean][] = [
    [[6400, 64], 0, false],
    [[128, 50, 64], [0, 1], false],
    [[128, 50, 64], 0, true],
    [[7, 3, 2, 5], [0, 1, 2], true],
    [[33, 7], 0, false], // narrower than a stripe: scalar columns only
    [[9, 37], 0, false], // two 16-column stripes + a 5-column tail
    [[5, 3, 6], [0, 1], true],
    [[9, 4], -1, false], // not leading: stock
    [[5, 6, 2], [1, 2], false], // not leading: stock
  ];
  it.each(cases)('x %j axis %j keepDims %s', async (shape, axis, keepDims) => {
    const x = randArray(rng, sizeOf(shape));
    const fn = (): tf.Tensor[] => [tf.sum(tf.tensor(x, shape), axis, keepDims)];
    const before = sumLeadingAxesStats.simd;
    const wasm = await runOn('wasm', fn);
    if (leadingAxesCount(axis, shape.length) > 0) expect(sumLeadingAxesStats.simd).toBe(before + 1);
    const cpu = await runOn('cpu', fn);
    expect(maxAbsDiff(wasm, cpu)).toBeLessThanOrEqual(1e-4);
    await tf.setBackend('wasm');
    const shapeOf = tf.tidy(() => tf.sum(tf.tensor(x, shape), axis, keepDims).shape);
    await tf.setBackend('cpu');
    expect(shapeOf).toEqual(tf.tidy(() => tf.sum(tf.tensor(x, shape), axis, keepDims).shape));
  });

  it('the JS fallback gives the same column sums', async () => {
    const x = Float32Array.from(randArray(rng, 13 * 6));
    const out = new Float32Array(6);
    sumRows(x, 13, 6, out);
    const cpu = await runOn('cpu', () => [tf.sum(tf.tensor2d(x, [13, 6]), 0)]);
    expect(maxAbsDiff([out], cpu)).toBeLessThanOrEqual(1e-5);
  });

  it('gradients of broadcast add / layer-norm-like chains match cpu', async () => {
    const x = randArray(rng, 4 * 5 * 6);
    const g = randArray(rng, 6);
    const p = randArray(rng, 5 * 6);
    const fn = (): tf.Tensor[] => {
      const f = (gamma: tf.Tensor, pos: tf.Tensor): tf.Tensor => tf.sum(tf.sin(tf.add(tf.mul(tf.tensor(x, [4, 5, 6]), gamma), pos)));
      return tf.grads(f)([tf.tensor1d(g), tf.tensor2d(p, [5, 6])]);
    };
    expect(maxAbsDiff(await runOn('wasm', fn), await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
  });

  it('int32 sums stay on the stock kernel and stay exact', async () => {
    const out = await runOn('wasm', () => [tf.sum(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), 0)]);
    expect(Array.from(out[0] as Float32Array)).toEqual([4, 6]);
  });
});
