/**
 * What our own wasm kernels (layer norm, softmax cross-entropy) share: the SIMD module on the
 * kernel's backend (with byte offsets of tensors in the heap), and the rows × width view of a tensor
 * whose last axis is the one a row kernel runs along.
 */
import * as tf from '@tensorflow/tfjs';
import { simdOnBackend, type SimdOnBackend } from '../simd/simdModule';
import { isFastPathEnabled } from './fastPaths';

/** The module on `backend`; throws when it is not loaded (callers check readiness first). */
export function heapKernel(backend: unknown, kernel: string): SimdOnBackend {
  const on = simdOnBackend(backend);
  if (on === null) throw new Error(`${kernel}: the SIMD kernel module is not loaded on this backend`);
  return on;
}

/** Rows and width of `x` viewed as [size / last axis, last axis]. */
export function rowsOf(x: tf.TensorInfo): { rows: number; width: number } {
  const width = x.shape[x.shape.length - 1] ?? 1;
  const size = x.shape.reduce((a, b) => a * b, 1);
  return { width, rows: width > 0 ? size / width : 0 };
}

/** Registers wasm kernels that do not exist yet (idempotent: registration is global). */
export function registerWasmKernels(kernels: readonly (readonly [string, tf.KernelFunc])[]): void {
  for (const [kernelName, kernelFunc] of kernels) {
    if (tf.getKernel(kernelName, 'wasm') === undefined) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}

/** True when the current backend is wasm with `kernel` registered, the module loaded and `fastPath` on. */
export function wasmKernelReady(kernel: string, fastPath: string): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(kernel, 'wasm') !== undefined && isFastPathEnabled(fastPath) && simdOnBackend(tf.backend()) !== null;
}
