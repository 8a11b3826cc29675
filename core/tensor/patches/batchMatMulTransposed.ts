/**
 * Fast transposed BatchMatMul on wasm. The stock wasm kernel is 10–60× slower when transposeA or
 * transposeB is set, and matMul's gradient always sets one of them (docs/ENVIRONMENT.md §2).
 * Transposing the operand explicitly with the (fast) Transpose kernel first and then calling the
 * stock kernel untransposed restores full speed.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { isReadableBackend } from './backendShape';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch name as reported in BackendInfo.patches. */
export const BATCH_MATMUL_PATCH = 'BatchMatMul (explicit transpose, batched per XNNPACK slice)';

/** Permutation that swaps the two innermost axes of a rank-`rank` tensor. */
export function innerSwapPerm(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

function makeWrapper(matMul: tf.KernelFunc, transpose: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    let a = inputs['a'];
    let b = inputs['b'];
    if (a === undefined || b === undefined) throw new Error('BatchMatMul: expected inputs a and b');
    if (!isReadableBackend(backend)) throw new Error('BatchMatMul patch: backend cannot free tensors');
    const temps: tf.TensorInfo[] = [];
    const swap = (t: tf.TensorInfo): tf.TensorInfo => {
      const out = transpose({ inputs: { x: t }, backend, attrs: { perm: innerSwapPerm(t.shape.length) } });
      if (Array.isArray(out)) throw new Error('Transpose returned several outputs');
      temps.push(out);
      return out;
    };
    if (attrs?.['transposeA'] === true) a = swap(a);
    if (attrs?.['transposeB'] === true) b = swap(b);
    try {
      return matMul({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
}

/**
 * Wraps the wasm BatchMatMul kernel. Must run before `tf.setBackend('wasm')` initialises the
 * backend, because the stock kernel's setupFunc (kept here) binds its wasm function at init.
 * `inner` decorates the stock kernel that receives the untransposed operands (the batched fast
 * path plugs in there); wrapping happens once, so the first call's `inner` wins.
 */
export function registerBatchMatMulTransposed(inner: (stock: tf.KernelFunc) => tf.KernelFunc = (k) => k): void {
  const tr = tf.getKernel('Transpose', 'wasm');
  if (tr === undefined) throw new Error('wasm backend kernel Transpose not registered');
  wrapWasmKernel('BatchMatMul', BATCH_MATMUL_PATCH, (matMul) => makeWrapper(inner(matMul), tr.kernelFunc));
}
