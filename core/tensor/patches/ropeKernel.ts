/**
 * Rotary position embedding as one wasm kernel of our SIMD module (rope.c), for
 * core/models/lm/layers.ts: the rotation and, for the gradient, its transpose, each one pass over
 * q or k instead of split, negate, concat, two products and a sum. Registered for wasm only;
 * layers.ts asks ropeKernelFits() and otherwise builds RoPE from ops.
 */
import * as tf from '@tensorflow/tfjs';
import { declareFastPath } from './fastPaths';
import { heapKernel, registerWasmKernels, wasmKernelReady } from './heapKernel';

/** Fast-path name (the self-test can turn it off). */
export const ROPE_SIMD = 'RoPE (SIMD)';

const ROPE = 'RecForgeRope';

/** How often the kernel ran (tests check it is really taken). */
export const ropeKernelStats = { calls: 0 };

const rope: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, cos, sin } = inputs as Record<'x' | 'cos' | 'sin', tf.TensorInfo>;
  const on = heapKernel(backend, ROPE);
  const [batch, heads, len, dh] = x.shape as [number, number, number, number];
  const y = on.internals.makeOutput([...x.shape], 'float32');
  const perBatch = cos.shape.length === 4 ? 1 : 0;
  on.simd.rope(on.at(x), batch, heads, len, dh, on.at(cos), on.at(sin), perBatch, attrs?.['backward'] === true ? 1 : 0, on.at(y));
  ropeKernelStats.calls++;
  return y;
};

/** Registers the kernel for wasm (idempotent). */
export function registerRopeKernel(): void {
  declareFastPath(ROPE_SIMD);
  registerWasmKernels([[ROPE, rope]]);
}

/**
 * True when the kernel runs here and the tables have one of its layouts for x [B, H, T, dh]:
 * [T, dh] shared by the batch, or [B, 1, T, dh] per token.
 */
export function ropeKernelFits(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): boolean {
  if (!wasmKernelReady(ROPE, ROPE_SIMD) || x.rank !== 4 || x.dtype !== 'float32') return false;
  const [b, , t, dh] = x.shape as [number, number, number, number];
  const layout = (tab: tf.Tensor): boolean =>
    tab.dtype === 'float32' && (tab.shape.join() === `${t},${dh}` || tab.shape.join() === `${b},1,${t},${dh}`);
  return dh % 2 === 0 && layout(cos) && layout(sin) && cos.rank === sin.rank;
}

/** The rotation of x (or its transpose, for gradients); only when ropeKernelFits(). */
export function ropeByKernel(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor, backward: boolean): tf.Tensor {
  return tf.engine().runKernel(ROPE, { x, cos, sin }, { backward }) as tf.Tensor;
}
