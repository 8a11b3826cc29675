/**
 * Replaces a wasm kernel by a wrapper around the stock one, keeping the stock setupFunc and
 * disposeFunc (they bind the wasm functions at backend init). Idempotent: wrapping an already
 * wrapped kernel does nothing. Call before tf.setBackend('wasm').
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

const wrappers = new WeakSet<tf.KernelFunc>();

export function wrapWasmKernel(kernelName: string, wrap: (stock: tf.KernelFunc) => tf.KernelFunc): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (stock === undefined) throw new Error(`wasm backend kernel ${kernelName} not registered`);
  if (wrappers.has(stock.kernelFunc)) return;
  const kernelFunc = wrap(stock.kernelFunc);
  wrappers.add(kernelFunc);
  tf.unregisterKernel(kernelName, 'wasm');
  const config: tf.KernelConfig = { kernelName, backendName: 'wasm', kernelFunc };
  if (stock.setupFunc !== undefined) config.setupFunc = stock.setupFunc;
  if (stock.disposeFunc !== undefined) config.disposeFunc = stock.disposeFunc;
  tf.registerKernel(config);
}
