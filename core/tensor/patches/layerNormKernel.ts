/**
 * Layer norm and its gradient as two wasm kernels of our SIMD module (layerNorm.c), for
 * core/models/nn/layerNorm.ts: each is one call over the rows instead of ~9 (forward) and ~12
 * (gradient) tfjs kernels, most of them memory-bound passes over [B, T, d]. Registered for wasm
 * only; layerNorm.ts asks simdLayerNormReady() and otherwise builds the same thing from ops.
 */
import * as tf from '@tensorflow/tfjs';
import { declareFastPath } from './fastPaths';
import { heapKernel, registerWasmKernels, rowsOf, wasmKernelReady } from './heapKernel';

/** Fast-path name (the self-test can turn it off). */
export const LAYER_NORM_SIMD = 'LayerNorm (SIMD, one pass per row)';

const FORWARD = 'RecForgeLayerNorm';
const GRADIENT = 'RecForgeLayerNormGrad';

/** How often the kernels ran (tests check they are really taken). */
export const layerNormKernelStats = { forward: 0, gradient: 0 };

const forward: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, gamma, beta } = inputs as { x: tf.TensorInfo; gamma: tf.TensorInfo; beta: tf.TensorInfo };
  const on = heapKernel(backend, FORWARD);
  const { width, rows } = rowsOf(x);
  const y = on.internals.makeOutput([...x.shape], 'float32');
  const xhat = on.internals.makeOutput([...x.shape], 'float32');
  const rstd = on.internals.makeOutput([...x.shape.slice(0, -1), 1], 'float32');
  const at = on.at;
  on.simd.layer_norm(at(x), rows, width, at(gamma), at(beta), Number(attrs?.['eps']), at(y), at(xhat), at(rstd));
  layerNormKernelStats.forward++;
  return [y, xhat, rstd];
};

const gradient: tf.KernelFunc = ({ inputs, backend }) => {
  const { dy, xhat, rstd, gamma } = inputs as { dy: tf.TensorInfo; xhat: tf.TensorInfo; rstd: tf.TensorInfo; gamma: tf.TensorInfo };
  const on = heapKernel(backend, GRADIENT);
  const { width, rows } = rowsOf(dy);
  const dx = on.internals.makeOutput([...dy.shape], 'float32');
  const dgamma = on.internals.makeOutput([width], 'float32');
  const dbeta = on.internals.makeOutput([width], 'float32');
  const at = on.at;
  // float64 accumulators for dgamma/dbeta; malloc's 8-byte alignment suits them.
  const scratch = on.heap.malloc(16 * width + 16);
  try {
    on.simd.layer_norm_grad(at(dy), at(xhat), at(rstd), at(gamma), rows, width, scratch, at(dx), at(dgamma), at(dbeta));
  } finally {
    on.heap.free(scratch);
  }
  layerNormKernelStats.gradient++;
  return [dx, dgamma, dbeta];
};

/** Registers both kernels for wasm (idempotent). */
export function registerLayerNormKernels(): void {
  declareFastPath(LAYER_NORM_SIMD);
  registerWasmKernels([[FORWARD, forward], [GRADIENT, gradient]]);
}

/** True when the current backend runs the SIMD layer norm (wasm, module loaded, fast path on). */
export function simdLayerNormReady(): boolean {
  return wasmKernelReady(FORWARD, LAYER_NORM_SIMD);
}

/** y, x̂ and rstd ([..., 1]) of x; only when simdLayerNormReady(). */
export function layerNormForward(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): { y: tf.Tensor; xhat: tf.Tensor; rstd: tf.Tensor } {
  const [y, xhat, rstd] = tf.engine().runKernel(FORWARD, { x, gamma, beta }, { eps }) as tf.Tensor[];
  return { y: y as tf.Tensor, xhat: xhat as tf.Tensor, rstd: rstd as tf.Tensor };
}

/** [dx, dgamma, dbeta]; only when simdLayerNormReady(). */
export function layerNormGradient(dy: tf.Tensor, xhat: tf.Tensor, rstd: tf.Tensor, gamma: tf.Tensor): tf.Tensor[] {
  return tf.engine().runKernel(GRADIENT, { dy, xhat, rstd, gamma }, {}) as tf.Tensor[];
}
