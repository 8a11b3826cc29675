/**
 * BatchMatMul on wasm through RecForge's own SIMD kernel (core/tensor/simd/gemm.c): the whole
 * batch in one call, transposes handled while packing, operands read and the result written in
 * place on the backend's heap. It replaces, for float32 products, the
 * stock path of explicit transposes plus one XNNPACK call per batch slice — small attention
 * products ran at ~3 GFLOP/s that way, since every slice paid XNNPACK's operator setup.
 * Other dtypes, batch shapes that broadcast beyond "equal or one shared", or a module that did
 * not load go to the wrapped kernel.
 */
import type * as tf from '@tensorflow/tfjs';
import { gemmKernelReady, runGemm, type GemmProblem, type HeapOwner } from '../simd/gemmModule';
import { broadcastBatch } from './batchMatMulSliced';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { asWasmInternals, recordOf, type WasmInternals } from './wasmInternals';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch / fast-path name as reported in BackendInfo.patches. */
export const SIMD_MATMUL_PATCH = 'BatchMatMul (RecForge wasm SIMD kernel, whole batch per call)';

/** How often each path ran (tests check the kernel is really taken). */
export const simdMatMulStats = { simd: 0, wrapped: 0 };

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

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
  const [na, nb] = [size(batchA), size(batchB)];
  const sameBatch = batchA.length === batchB.length && batchA.every((d, i) => d === batchB[i]);
  if ((!sameBatch && na !== 1 && nb !== 1) || m * n * k === 0) return null;
  const problem = { batch: Math.max(na, nb), m, n, k, transA, transB, strideA: na === 1 ? 0 : m * k, strideB: nb === 1 ? 0 : k * n };
  return { problem, outShape: [...broadcastBatch(batchA, batchB), m, n] };
}

/** The backend's wasm memory and allocator, or null when this tfjs build does not expose them. */
function heapOf(backend: WasmInternals): HeapOwner | null {
  const wasm = backend.wasm as unknown as { asm?: { memory?: object }; _malloc?: (n: number) => number; _free?: (p: number) => void };
  const memory = wasm.asm?.memory;
  const malloc = wasm._malloc;
  const free = wasm._free;
  if (memory === undefined || typeof malloc !== 'function' || typeof free !== 'function') return null;
  return { memory, malloc: (n) => malloc.call(wasm, n) >>> 0, free: (ptr) => free.call(wasm, ptr) };
}

function runSimd(backend: WasmInternals, heap: HeapOwner, a: tf.TensorInfo, b: tf.TensorInfo, problem: GemmProblem, outShape: number[]): tf.TensorInfo {
  const out = backend.makeOutput(outShape, 'float32');
  const offset = (t: tf.TensorInfo): number => recordOf(backend, t).memoryOffset;
  runGemm(heap, problem, { a: offset(a), b: offset(b), c: offset(out) });
  return out;
}

function makeSimdMatMul(wrapped: tf.KernelFunc): tf.KernelFunc {
  declareFastPath(SIMD_MATMUL_PATCH);
  return (args) => {
    const { a, b } = args.inputs;
    const backend = asWasmInternals(args.backend);
    const heap = backend === null ? null : heapOf(backend);
    const usable = a !== undefined && b !== undefined && backend !== null && heap !== null && gemmKernelReady() &&
      a.dtype === 'float32' && b.dtype === 'float32' && isFastPathEnabled(SIMD_MATMUL_PATCH);
    const plan = usable ? gemmProblemOf(a.shape, b.shape, args.attrs?.['transposeA'] === true, args.attrs?.['transposeB'] === true) : null;
    if (plan === null || !usable) {
      simdMatMulStats.wrapped++;
      return wrapped(args);
    }
    simdMatMulStats.simd++;
    return runSimd(backend, heap, a, b, plan.problem, plan.outShape);
  };
}

/** Wraps the current wasm BatchMatMul (itself patched) with the SIMD kernel. Call before setBackend. */
export function registerSimdMatMul(): void {
  wrapWasmKernel('BatchMatMul', SIMD_MATMUL_PATCH, makeSimdMatMul);
}
