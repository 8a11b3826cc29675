import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { loadSimdKernels } from '../simd/simdModule';
import { applyCpuPatches, applyWasmPatches } from './index';
import { gemmProblemOf, simdMatMulStats } from './simdMatMul';
import { matMulShapeA, matMulShapeB, matMulValueAndGrads, randArray, runOn, sizeOf, type MatMulCase } from './testUtil';

const rng = createRng(29);

beforeAll(async () => {
  expect(await loadSimdKernels()).not.toBeNull();
  applyWasmPatches();
  applyCpuPatches();
  expect(await tf.setBackend('wasm')).toBe(true);
});



/** Random problem: dims 1–40 (crossing the 4×8 tile edges), random transposes and batch sharing. */
function randomMatMulCase(): MatMulCase {
  const batch = Array.from({ length: rng.nextInt(0, 3) }, () => rng.nextInt(1, 5));
  const share = rng.nextInt(0, 3); // 0: same batch, 1: a shared, 2: b shared
  return {
    batchA: share === 1 ? [] : batch,
    batchB: share === 2 ? [] : batch,
    m: rng.nextInt(1, 41), k: rng.nextInt(1, 41), n: rng.nextInt(1, 41),
    tA: rng.nextFloat() < 0.5, tB: rng.nextFloat() < 0.5,
  };
}

/** One operand shared across the batch: tfjs's own BatchMatMul gradient cannot reduce it, so value only. */
const shared = (c: MatMulCase): boolean => c.batchA.length !== c.batchB.length;

/** Largest |a − b| relative to the reference's largest magnitude (at least 1). */
function relativeDiff(got: readonly Float32Array[], want: readonly Float32Array[]): number {
  let diff = 0;
  let scale = 1;
  want.forEach((w, i) => {
    const g = got[i] as Float32Array;
    expect(g.length).toBe(w.length);
    for (let j = 0; j < w.length; j++) {
      scale = Math.max(scale, Math.abs(w[j] as number));
      diff = Math.max(diff, Math.abs((g[j] as number) - (w[j] as number)));
    }
  });
  return Number.isNaN(diff) ? Infinity : diff / scale;
}

describe('BatchMatMul on the RecForge SIMD kernel vs the stock cpu kernel', () => {
  it.each(Array.from({ length: 40 }, randomMatMulCase))('random case %#: %j — value and both gradients', async (c) => {
    const fn = matMulValueAndGrads(c, randArray(rng, sizeOf(matMulShapeA(c))), randArray(rng, sizeOf(matMulShapeB(c))), shared(c));
    const before = simdMatMulStats.simd;
    const wasm = await runOn('wasm', fn);
    expect(simdMatMulStats.simd - before).toBeGreaterThanOrEqual(shared(c) ? 1 : 3); // forward (and both gradients)
    expect(relativeDiff(wasm, await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
  });

  it.each([
    [[128], 50, 64, 50, false, true], // SASRec attention scores q·kᵀ
    [[128], 50, 50, 64, false, false], // weights·v
    [[], 6400, 64, 64, false, false], // a dense layer on [B·T, d]
    [[], 64, 6400, 64, true, false], // its weight gradient xᵀ·dy
    [[2], 9, 300, 270, true, true], // k and n past one 256 cache block, ragged edges
    [[], 20, 600, 520, false, true], // three k blocks, three n blocks (an LM head's shape class)
  ] as const)('SASRec and cache-block shape batch %j m %d k %d n %d tA=%s tB=%s', async (batch, m, k, n, tA, tB) => {
    const c: MatMulCase = { batchA: [...batch], batchB: [...batch], m, k, n, tA, tB };
    const fn = matMulValueAndGrads(c, randArray(rng, sizeOf(matMulShapeA(c))), randArray(rng, sizeOf(matMulShapeB(c))), shared(c));
    expect(relativeDiff(await runOn('wasm', fn), await runOn('cpu', fn))).toBeLessThanOrEqual(1e-5);
  });
});

describe('gemmProblemOf', () => {
  it('reads transposes, shares a batch of one and refuses what it cannot take', () => {
    expect(gemmProblemOf([2, 3, 4], [2, 5, 4], false, true)).toEqual({ problem: { batch: 2, m: 3, n: 5, k: 4, transA: false, transB: true, strideA: 12, strideB: 20 }, outShape: [2, 3, 5] });
    expect(gemmProblemOf([4, 3], [2, 4, 5], true, false)?.problem).toMatchObject({ batch: 2, m: 3, k: 4, strideA: 0, strideB: 20 });
    expect(gemmProblemOf([2, 3, 4], [3, 4, 5], false, false)).toBeNull(); // batches 2 vs 3
    expect(gemmProblemOf([2, 3, 4], [2, 5, 5], false, false)).toBeNull(); // inner sizes differ
    expect(gemmProblemOf([2, 0, 4], [2, 4, 5], false, false)).toBeNull(); // empty
  });
});
