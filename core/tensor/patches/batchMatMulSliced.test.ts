import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { broadcastBatch, slicedBatchMatMulStats, sourceBatchIndex } from './batchMatMulSliced';
import { setFastPathEnabled } from './fastPaths';
import { applyCpuPatches, applyWasmPatches } from './index';
import { SIMD_MATMUL_PATCH } from './simdMatMul';
import { matMulShapeA, matMulShapeB, matMulValueAndGrads, maxAbsDiff, randArray, runOn, sizeOf, type MatMulCase } from './testUtil';

const rng = createRng(11);

// The SIMD kernel sits in front of this path; switched off here so the tests reach it.
beforeAll(async () => {
  applyWasmPatches();
  applyCpuPatches();
  setFastPathEnabled(SIMD_MATMUL_PATCH, false);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  setFastPathEnabled(SIMD_MATMUL_PATCH, true);
  await tf.setBackend('wasm');
});


/** A random batched problem: batch rank 1–2, dims 1–9, random transposes, same batch both sides. */
function randomMatMulCase(): MatMulCase {
  const batch = Array.from({ length: rng.nextInt(1, 3) }, () => rng.nextInt(1, 5));
  return { batchA: batch, batchB: batch, m: rng.nextInt(1, 10), k: rng.nextInt(1, 10), n: rng.nextInt(1, 10), tA: rng.nextFloat() < 0.5, tB: rng.nextFloat() < 0.5 };
}



describe('batched BatchMatMul (XNNPACK per slice) vs the stock cpu kernel', () => {
  const cases = Array.from({ length: 24 }, randomMatMulCase);
  it.each(cases)('random case %#: %j — value and gradients', async (c) => {
    const fn = matMulValueAndGrads(c, randArray(rng, sizeOf(matMulShapeA(c))), randArray(rng, sizeOf(matMulShapeB(c))));
    const before = slicedBatchMatMulStats.perSlice;
    const wasm = await runOn('wasm', fn);
    // A batch above 1 must really take the per-slice path (value and both gradients).
    if (sizeOf(c.batchA) > 1) expect(slicedBatchMatMulStats.perSlice - before).toBeGreaterThanOrEqual(3);
    expect(maxAbsDiff(wasm, await runOn('cpu', fn))).toBeLessThanOrEqual(1e-4);
  });

  it.each([
    [[128], 50, 64, 50, false, true], // SASRec scores q·kᵀ
    [[8, 4], 32, 64, 32, false, false], // LM weights·v with heads
    [[3], 1, 7, 1, true, true],
  ] as const)('attention-like batch %j m %d k %d n %d tA=%s tB=%s', async (batch, m, k, n, tA, tB) => {
    const c: MatMulCase = { batchA: [...batch], batchB: [...batch], m, k, n, tA, tB };
    const fn = matMulValueAndGrads(c, randArray(rng, sizeOf(matMulShapeA(c))), randArray(rng, sizeOf(matMulShapeB(c))));
    expect(maxAbsDiff(await runOn('wasm', fn), await runOn('cpu', fn))).toBeLessThanOrEqual(1e-4);
  });
});

describe('broadcasting', () => {
  // One side's batch is 1 (or absent): this is what the stock kernels support; b shared folds into rows.
  it.each([
    [[2, 3], [], 4, 5, 6],
    [[5], [1], 3, 2, 4],
    [[], [4], 3, 2, 4],
    [[1], [2, 3], 3, 5, 2],
  ])('a batch %j, b batch %j (m %d k %d n %d) vs stock cpu', async (batchA, batchB, m, k, n) => {
    const c: MatMulCase = { batchA, batchB, m, k, n, tA: false, tB: false };
    const a = randArray(rng, sizeOf(matMulShapeA(c)));
    const b = randArray(rng, sizeOf(matMulShapeB(c)));
    const fn = (): tf.Tensor[] => [tf.matMul(tf.tensor(a, matMulShapeA(c)), tf.tensor(b, matMulShapeB(c)))];
    const before = { ...slicedBatchMatMulStats };
    const wasm = await runOn('wasm', fn);
    const taken = slicedBatchMatMulStats.perSlice + slicedBatchMatMulStats.folded - before.perSlice - before.folded;
    expect(taken).toBe(1);
    expect(maxAbsDiff(wasm, await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
  });

  // Both sides broadcast: the stock cpu/wasm kernels return too few values here (a tfjs bug),
  // so the reference expands both operands with broadcastTo first.
  it('two-sided broadcast [2,1,4,3]ᵀ × [1,3,4,5] matches broadcastTo + matMul on cpu', async () => {
    const a = randArray(rng, 24);
    const b = randArray(rng, 60);
    const patched = (): tf.Tensor[] => [tf.matMul(tf.tensor(a, [2, 1, 4, 3]), tf.tensor(b, [1, 3, 4, 5]), true, false)];
    const reference = (): tf.Tensor[] => [
      tf.matMul(tf.broadcastTo(tf.tensor(a, [2, 1, 4, 3]), [2, 3, 4, 3]), tf.broadcastTo(tf.tensor(b, [1, 3, 4, 5]), [2, 3, 4, 5]), true, false),
    ];
    expect(maxAbsDiff(await runOn('wasm', patched), await runOn('cpu', reference))).toBeLessThanOrEqual(1e-5);
  });

  it('maps broadcast batch indices as numpy does', () => {
    expect(broadcastBatch([2, 1], [3])).toEqual([2, 3]);
    expect(Array.from(sourceBatchIndex([2, 1], [2, 3]))).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(sourceBatchIndex([3], [2, 3]))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(() => broadcastBatch([2], [3])).toThrow(/do not broadcast/);
  });
});

describe('fast-path switch', () => {
  it('gives the same values with the fast path off (stock kernel behind it)', async () => {
    const c: MatMulCase = { batchA: [4], batchB: [4], m: 5, k: 3, n: 6, tA: false, tB: true };
    const fn = matMulValueAndGrads(c, randArray(rng, sizeOf(matMulShapeA(c))), randArray(rng, sizeOf(matMulShapeB(c))));
    const fast = await runOn('wasm', fn);
    setFastPathEnabled('BatchMatMul batched (XNNPACK per slice)', false);
    try {
      expect(maxAbsDiff(fast, await runOn('wasm', fn))).toBeLessThanOrEqual(1e-5);
    } finally {
      setFastPathEnabled('BatchMatMul batched (XNNPACK per slice)', true);
    }
  });
});
