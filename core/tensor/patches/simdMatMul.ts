/**
 * BatchMatMul on wasm through RecForge's own SIMD kernel (core/tensor/simd/gemm.c): the whole
 * batch in one call, transposes handled while packing, operands read and the result written in
 * place on the backend's heap. It replaces, for float32 products, the
 * stock path of explicit transposes plus one XNNPACK call per batch slice — small attention
 * products ran at ~3 GFLOP/s that way, since every slice paid XNNPACK's operator setup.
 * Other dtypes, batch shapes that broadcast beyond "equal or one shared", or a module that did
 * not load go to the wrapped kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { runGemm, type GemmProblem } from '../simd/gemmModule';
import { simdOnBackend, type SimdOnBackend } from '../simd/simdModule';
import { broadcastBatch } from './batchMatMulSliced';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch / fast-path name as reported in BackendInfo.patches. */
export const SIMD_MATMUL_PATCH = 'BatchMatMul (RecForge wasm SIMD kernel, whole batch per call)';

/** How often each path ran (tests check the kernel is really taken). */
export const simdMatMulStats = { simd: 0, wrapped: 0 };

/** The product as one GemmProblem plus the output shape, or null when the kernel cannot take it. */
export function gemmProblemOf(a: readonly number[], b: readonly number[], transA: boolean, transB: boolean): { problem: GemmProblem; outShape: number[] } | null {
  if (a.length < 2 || b.length < 2) return null;
  const [ar, ac] = [a[a.length - 2] as number, a[a.length - 1] as number];
  const [br, bc] = [b[b.length - 2] as number, b[b.length - 1] as number];
  const [m, k] = transA ? [ac, ar] : [ar, ac];
  const [kb, n] = transB ? [bc, br] : [br, bc];
  if (k !== kb) return null;
  const batchA = a.slice(0, -2);
  const batchB = b.slice(0, -2);
  const [na, nb] = [tf.util.sizeFromShape(batchA), tf.util.sizeFromShape(batchB)];
  const sameBatch = batchA.length === batchB.length && batchA.every((d, i) => d === batchB[i]);
  if ((!sameBatch && na !== 1 && nb !== 1) || m * n * k === 0) return null;
  const problem = { batch: Math.max(na, nb), m, n, k, transA, transB, strideA: na === 1 ? 0 : m * k, strideB: nb === 1 ? 0 : k * n };
  return { problem, outShape: [...broadcastBatch(batchA, batchB), m, n] };
}

function runSimd(on: SimdOnBackend, a: tf.TensorInfo, b: tf.TensorInfo, problem: GemmProblem, outShape: number[]): tf.TensorInfo {
  const out = on.internals.makeOutput(outShape, 'float32');
  runGemm(on.heap, problem, { a: on.at(a), b: on.at(b), c: on.at(out) });
  return out;
}

function makeSimdMatMul(wrapped: tf.KernelFunc): tf.KernelFunc {
  declareFastPath(SIMD_MATMUL_PATCH);
  return (args) => {
    const { a, b } = args.inputs;
    const on = simdOnBackend(args.backend);
    const usable = a !== undefined && b !== undefined && on !== null && a.dtype === 'float32' && b.dtype === 'float32' && isFastPathEnabled(SIMD_MATMUL_PATCH);
    const plan = usable ? gemmProblemOf(a.shape, b.shape, args.attrs?.['transposeA'] === true, args.attrs?.['transposeB'] === true) : null;
    if (plan === null || !usable) {
      simdMatMulStats.wrapped++;
      return wrapped(args);
    }
    simdMatMulStats.simd++;
    return runSimd(on, a, b, plan.problem, plan.outShape);
  };
}

/** Wraps the current wasm BatchMatMul (itself patched) with the SIMD kernel. Call before setBackend. */
export function registerSimdMatMul(): void {
  wrapWasmKernel('BatchMatMul', SIMD_MATMUL_PATCH, makeSimdMatMul);
}
