/**
 * Next-token cross-entropy as two wasm kernels of our SIMD module (softmaxXent.c), for
 * core/train/lm/loss.ts: row maxima and Σ exp in one call, and the gradient (softmax − one-hot,
 * scaled per row) in another, instead of a log-softmax, a gather, their gradients and a scatter
 * into a zeroed [rows·V] array — the largest tensors of an LM step. Registered for wasm only;
 * loss.ts asks simdSoftmaxXentReady() and otherwise builds the loss from ops.
 */
import * as tf from '@tensorflow/tfjs';
import { declareFastPath } from './fastPaths';
import { heapKernel, registerWasmKernels, rowsOf, wasmKernelReady } from './heapKernel';

/** Fast-path name (the self-test can turn it off). */
export const SOFTMAX_XENT_SIMD = 'softmax cross-entropy (SIMD)';

const MAX_SUM_EXP = 'RecForgeRowMaxSumExp';
const GRADIENT = 'RecForgeSoftmaxXentGrad';

/** How often the kernels ran (tests check they are really taken). */
export const softmaxXentKernelStats = { forward: 0, gradient: 0 };

const maxSumExp: tf.KernelFunc = ({ inputs, backend }) => {
  const x = inputs['x'] as tf.TensorInfo;
  const on = heapKernel(backend, MAX_SUM_EXP);
  const { rows, width } = rowsOf(x);
  const maxima = on.internals.makeOutput([rows], 'float32');
  const sums = on.internals.makeOutput([rows], 'float32');
  on.simd.row_max_sum_exp(on.at(x), rows, width, on.at(maxima), on.at(sums));
  softmaxXentKernelStats.forward++;
  return [maxima, sums];
};

const gradient: tf.KernelFunc = ({ inputs, backend }) => {
  const { x, lse, scale, target } = inputs as Record<'x' | 'lse' | 'scale' | 'target', tf.TensorInfo>;
  const on = heapKernel(backend, GRADIENT);
  const { rows, width } = rowsOf(x);
  const dx = on.internals.makeOutput([...x.shape], 'float32');
  on.simd.softmax_xent_grad(on.at(x), on.at(lse), on.at(scale), on.at(target), rows, width, on.at(dx));
  softmaxXentKernelStats.gradient++;
  return dx;
};

/** Registers both kernels for wasm (idempotent). */
export function registerSoftmaxXentKernels(): void {
  declareFastPath(SOFTMAX_XENT_SIMD);
  registerWasmKernels([[MAX_SUM_EXP, maxSumExp], [GRADIENT, gradient]]);
}

/** True when the current backend runs the SIMD cross-entropy (wasm, module loaded, fast path on). */
export function simdSoftmaxXentReady(): boolean {
  return wasmKernelReady(MAX_SUM_EXP, SOFTMAX_XENT_SIMD);
}

/** log Σ_j e^(x[r, j]) per row of x [rows, V]; only when simdSoftmaxXentReady(). */
export function rowLogSumExp(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const [maxima, sums] = tf.engine().runKernel(MAX_SUM_EXP, { x }, {}) as tf.Tensor1D[];
    return tf.add(maxima as tf.Tensor1D, tf.log(sums as tf.Tensor1D));
  });
}

/**
 * The gradient of Σ_r scale[r]·(lse[r] − x[r, target[r]]) with respect to x [rows, V]; rows with
 * target −1 get zeros. Only when simdSoftmaxXentReady().
 */
export function softmaxXentGradient(x: tf.Tensor2D, lse: tf.Tensor1D, scale: tf.Tensor1D, target: tf.Tensor1D): tf.Tensor2D {
  return tf.engine().runKernel(GRADIENT, { x, lse, scale, target }, {}) as tf.Tensor2D;
}
