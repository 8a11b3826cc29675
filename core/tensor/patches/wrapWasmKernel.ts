/**
 * Replaces a wasm kernel by a wrapper around the current one, keeping the stock setupFunc and
 * disposeFunc (they bind the wasm functions at backend init). Wrappers stack (BatchMatMul has
 * two); each is named by its `layer`, and wrapping a kernel whose chain already has that layer
 * does nothing, so patches stay idempotent. Call before tf.setBackend('wasm').
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/** For each wrapper we registered, the layers in its chain. */
const chains = new WeakMap<tf.KernelFunc, ReadonlySet<string>>();

export function wrapWasmKernel(kernelName: string, layer: string, wrap: (current: tf.KernelFunc) => tf.KernelFunc): void {
  const current = tf.getKernel(kernelName, 'wasm');
  if (current === undefined) throw new Error(`wasm backend kernel ${kernelName} not registered`);
  const layers = chains.get(current.kernelFunc) ?? new Set<string>();
  if (layers.has(layer)) return;
  const kernelFunc = wrap(current.kernelFunc);
  chains.set(kernelFunc, new Set([...layers, layer]));
  tf.unregisterKernel(kernelName, 'wasm');
  const config: tf.KernelConfig = { kernelName, backendName: 'wasm', kernelFunc };
  if (current.setupFunc !== undefined) config.setupFunc = current.setupFunc;
  if (current.disposeFunc !== undefined) config.disposeFunc = current.disposeFunc;
  tf.registerKernel(config);
}
