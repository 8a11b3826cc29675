import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { loadSimdKernels } from '../simd/simdModule';
import { setFastPathEnabled } from './fastPaths';
import { GATHER_ROWS_SIMD, gatherRowsStats } from './gatherRows';
import { applyCpuPatches, applyWasmPatches } from './index';
import { SEGMENT_SUM_SIMD, segmentSumStats } from './unsortedSegmentSum';
import { maxAbsDiff, randArray, runOn, sizeOf } from './testUtil';

const rng = createRng(7);

beforeAll(async () => {
  expect(await loadSimdKernels()).toBe(true);
  applyWasmPatches();
  applyCpuPatches();
  expect(await tf.setBackend('wasm')).toBe(true);
});

type MatCase = [aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean];

/** matMul value plus (unless broadcasting, which tfjs's BatchMatMul gradient rejects) gradients. */
function matMulCase(a: number[], b: number[], [aShape, bShape, tA, tB]: MatCase, withGrads: boolean): () => tf.Tensor[] {
  return () => {
    const at = tf.tensor(a, aShape);
    const bt = tf.tensor(b, bShape);
    const out = tf.matMul(at, bt, tA, tB);
    if (!withGrads) return [out];
    const w = tf.linspace(-1, 1, out.size).reshape(out.shape);
    const grads = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, tA, tB), w)))([at, bt]);
    return [out, ...grads];
  };
}
const MATMUL_CASES: MatCase[] = [
  [[3, 4], [4, 5], false, false],
  [[4, 3], [4, 5], true, false],
  [[3, 4], [5, 4], false, true],
  [[4, 3], [5, 4], true, true],
  [[2, 3, 4], [2, 4, 5], false, false],
  [[2, 4, 3], [2, 5, 4], true, true],
  [[2, 3, 7, 4], [2, 3, 5, 4], false, true],
  [[2, 3, 7, 4], [2, 3, 7, 5], true, false],
];

// Two-sided broadcasting ([2,1,…] × [1,3,…]) is in batchMatMulSliced.test.ts: the stock cpu
// kernel returns too few values there, so it needs a broadcastTo reference.
const BROADCAST_CASES: MatCase[] = [
  [[2, 3, 4], [4, 6], false, false],
  [[2, 4, 3], [6, 4], true, true],
];

describe('BatchMatMul patch (wasm) vs cpu', () => {
  it.each(MATMUL_CASES)('a %j b %j tA=%s tB=%s: value and gradients', async (...c) => {
    const fn = matMulCase(randArray(rng, sizeOf(c[0])), randArray(rng, sizeOf(c[1])), c, true);
    const wasm = await runOn('wasm', fn);
    expect(maxAbsDiff(wasm, await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
    await tf.setBackend('wasm');
  });

  it.each(BROADCAST_CASES)('broadcast a %j b %j tA=%s tB=%s: value', async (...c) => {
    const fn = matMulCase(randArray(rng, sizeOf(c[0])), randArray(rng, sizeOf(c[1])), c, false);
    const wasm = await runOn('wasm', fn);
    expect(maxAbsDiff(wasm, await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
    await tf.setBackend('wasm');
  });
});

type SegCase = [xShape: number[], numSegments: number];
const SEGMENT_CASES: SegCase[] = [
  [[6, 3], 4],
  [[10, 2, 3], 5],
  [[7], 3],
  [[300, 64], 50], // SIMD rows of 16 vectors
  ...Array.from({ length: 3 }, (): SegCase => [[rng.nextInt(1, 200), rng.nextInt(1, 70)], rng.nextInt(1, 60)]),
];

describe('UnsortedSegmentSum patch (wasm and cpu) vs one-hot matmul reference', () => {
  it.each(SEGMENT_CASES)('x %j into %d segments', async (xShape, numSegments) => {
    const x = randArray(rng, sizeOf(xShape));
    const rows = xShape[0] as number;
    // Include an out-of-range id (dropped, as in TF) and repeated ids.
    const ids = Array.from({ length: rows }, (_, i) => (i === rows - 1 ? numSegments : rng.nextInt(0, numSegments)));
    const patched = (): tf.Tensor[] => [tf.unsortedSegmentSum(tf.tensor(x, xShape), tf.tensor1d(ids, 'int32'), numSegments)];
    const reference = (): tf.Tensor[] => {
      const flat = tf.tensor(x, [rows, sizeOf(xShape) / rows]);
      const oneHot = tf.oneHot(tf.tensor1d(ids, 'int32'), numSegments).toFloat();
      return [tf.matMul(oneHot, flat, true, false).reshape([numSegments, ...xShape.slice(1)])];
    };
    const ref = await runOn('cpu', reference);
    const simdBefore = segmentSumStats.simd;
    expect(maxAbsDiff(await runOn('wasm', patched), ref)).toBeLessThanOrEqual(1e-5);
    expect(segmentSumStats.simd).toBe(simdBefore + 1);
    expect(maxAbsDiff(await runOn('cpu', patched), ref)).toBeLessThanOrEqual(1e-5);
    setFastPathEnabled(SEGMENT_SUM_SIMD, false); // the JS kernel behind it
    try {
      expect(maxAbsDiff(await runOn('wasm', patched), ref)).toBeLessThanOrEqual(1e-5);
    } finally {
      setFastPathEnabled(SEGMENT_SUM_SIMD, true);
    }
    expect(segmentSumStats.simd).toBe(simdBefore + 1);
    await tf.setBackend('wasm');
  });

  it('gather gradient matches on wasm and cpu', async () => {
    const table = randArray(rng, 9 * 4);
    const ids = [[1, 3, 3], [0, 8, 1]];
    const w = randArray(rng, 2 * 3 * 4);
    const fn = (): tf.Tensor[] => {
      const idsT = tf.tensor2d(ids, [2, 3], 'int32');
      const wT = tf.tensor(w, [2, 3, 4]);
      const f = (t: tf.Tensor): tf.Tensor => tf.sum(tf.mul(tf.gather(t, idsT), wT));
      return [tf.grad(f)(tf.tensor2d(table, [9, 4]))];
    };
    const ref = (): tf.Tensor[] => {
      const oneHot = tf.oneHot(tf.tensor1d(ids.flat(), 'int32'), 9).toFloat();
      return [tf.matMul(oneHot, tf.tensor2d(w, [6, 4]), true, false)];
    };
    const expected = await runOn('cpu', ref);
    expect(maxAbsDiff(await runOn('wasm', fn), expected)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(await runOn('cpu', fn), expected)).toBeLessThanOrEqual(1e-5);
    await tf.setBackend('wasm');
  });

  it('int32 segment sums stay integers', async () => {
    const out = await runOn('wasm', () => [tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4], 'int32'), tf.tensor1d([0, 1, 0, 1], 'int32'), 2)]);
    expect(Array.from(out[0] as Float32Array)).toEqual([4, 6]);
  });
});

describe('GatherV2 row patch (wasm) vs cpu', () => {
  it.each([
    [[9, 4], [[1, 3, 3], [0, 8, 1]], 0],
    [[5], [4, 0, 4], 0],
    [[6, 2, 3], [5, 1], 0],
    [[3, 4], [2, 0, 1, 3], 1], // axis 1: falls back to the stock kernel
    [[50, 64], [49, 0, 7, 7, 12], 0],
  ])('table %j ids %j axis %d', async (shape, ids, axis) => {
    const table = randArray(rng, sizeOf(shape));
    const idsShape = Array.isArray(ids[0]) ? [ids.length, (ids[0] as number[]).length] : [ids.length];
    const fn = (): tf.Tensor[] => [tf.gather(tf.tensor(table, shape), tf.tensor((ids as number[]).flat(), idsShape, 'int32'), axis)];
    const before = { ...gatherRowsStats };
    const wasm = await runOn('wasm', fn);
    expect(gatherRowsStats.simd).toBe(before.simd + (axis === 0 ? 1 : 0));
    const cpu = await runOn('cpu', fn);
    expect(maxAbsDiff(wasm, cpu)).toBe(0);
    setFastPathEnabled(GATHER_ROWS_SIMD, false); // the JS copy behind it
    try {
      expect(maxAbsDiff(await runOn('wasm', fn), cpu)).toBe(0);
    } finally {
      setFastPathEnabled(GATHER_ROWS_SIMD, true);
    }
    expect(gatherRowsStats.js).toBe(before.js + (axis === 0 ? 1 : 0));
    await tf.setBackend('wasm');
  });

  it('gathers int32 tables and rejects out-of-range ids', async () => {
    const out = await runOn('wasm', () => [tf.gather(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), tf.tensor1d([1, 1, 0], 'int32'))]);
    expect(Array.from(out[0] as Float32Array)).toEqual([3, 4, 3, 4, 1, 2]);
    const before = tf.memory().numTensors;
    const table = tf.zeros([3, 2]);
    const bad = tf.tensor1d([3], 'int32');
    expect(() => tf.gather(table, bad)).toThrow(/index 3 is not in \[0, 2\]/);
    tf.dispose([table, bad]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
