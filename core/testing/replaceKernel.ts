/**
 * Swaps a registered kernel for a wrapper around it, for tests of backends or fast paths that
 * compute wrong numbers. Returns the function that puts the stock kernel back.
 */
import * as tf from '@tensorflow/tfjs';

export function replaceKernel(kernelName: string, backendName: string, wrap: (stock: tf.KernelFunc) => tf.KernelFunc): () => void {
  const stock = tf.getKernel(kernelName, backendName);
  if (stock === undefined) throw new Error(`${backendName} ${kernelName} missing`);
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({ kernelName, backendName, kernelFunc: wrap(stock.kernelFunc) });
  return () => {
    tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(stock);
  };
}
