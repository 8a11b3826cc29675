import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { applyCpuPatches, applyWasmPatches } from './index';
import { maxAbsDiff, randArray, runOn } from './testUtil';

const rng = createRng(5);

beforeAll(async () => {
  applyWasmPatches();
  applyCpuPatches();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('Identity / same-dtype Cast sharing buffers (wasm) vs stock cpu', () => {
  it('shares the buffer instead of copying, and the copy outlives its source', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const y = tf.clone(x);
    const z = tf.cast(x, 'float32');
    expect(y.dataId).toBe(x.dataId);
    expect(z.dataId).toBe(x.dataId);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(Array.from(z.dataSync())).toEqual([1, 2, 3, 4]);
    z.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('still converts when the dtype changes', async () => {
    // (int32 → bool is left out: the stock wasm Cast keeps 3 as 3 there, a tfjs quirk we do not touch.)
    const out = await runOn('wasm', () => [tf.cast(tf.tensor1d([1.7, -2.2, 0]), 'int32'), tf.cast(tf.tensor1d([2, 5], 'int32'), 'float32')]);
    expect(out.map((a) => Array.from(a))).toEqual([[1, -2, 0], [2, 5]]);
  });

  it.each([[[3, 4]], [[2, 3, 5]], [[7]]])('gradients through mul/cast/clone chains match cpu, shape %j', async (shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const a = randArray(rng, n);
    const b = randArray(rng, n);
    const fn = (): tf.Tensor[] => {
      const f = (x: tf.Tensor, y: tf.Tensor): tf.Tensor => tf.sum(tf.mul(tf.clone(tf.mul(x, y)), tf.cast(y, 'float32')));
      return tf.grads(f)([tf.tensor(a, shape), tf.tensor(b, shape)]);
    };
    expect(maxAbsDiff(await runOn('wasm', fn), await runOn('cpu', fn))).toBeLessThanOrEqual(1e-6);
  });

  it('variables assigned from a clone keep their own value', async () => {
    await tf.setBackend('wasm');
    const v = tf.variable(tf.tensor1d([1, 2]));
    const c = tf.clone(v);
    v.assign(tf.tensor1d([5, 6]));
    expect(Array.from(c.dataSync())).toEqual([1, 2]);
    expect(Array.from(v.dataSync())).toEqual([5, 6]);
    tf.dispose([v, c]);
  });
});
