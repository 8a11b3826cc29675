/**
 * Gradients of Sum and Mean without a JS-built tensor of ones. tfjs's own multiply the reshaped
 * upstream gradient by ones(x.shape) — an array the size of x filled in JS and uploaded — for
 * every layer norm, bias and loss reduction in the backward pass (~8 ms of a SASRec step on
 * wasm). onesLike(x) is the backend's own fill kernel instead; the values are the same (d/dx of
 * a sum is 1 everywhere; of a mean 1/n). (Broadcasting with tf.broadcastTo would skip the
 * multiply, but wasm's Tile takes ~30 ms for [128, 50, 1] → [128, 50, 64].) Registered for
 * every backend, replacing tfjs's registrations.
 */
import * as tf from '@tensorflow/tfjs';

/** Patch name as reported in BackendInfo.patches. */
export const REDUCTION_GRADIENTS_PATCH = 'Sum/Mean gradients with the backend\'s ones (no JS-filled tensor)';

/** x's shape with the reduced axes set to 1: where dy's values go before broadcasting. */
function expandedShape(x: tf.Tensor, axis: unknown): number[] {
  const axes = tf.util.parseAxisParam(axis as number | number[], x.shape);
  const shape = x.shape.slice();
  for (const a of axes) shape[a] = 1;
  return shape;
}

/** Number of elements each output of the reduction averages. */
function reducedSize(x: tf.Tensor, axis: unknown): number {
  const axes = tf.util.parseAxisParam(axis as number | number[], x.shape);
  return axes.reduce((n, a) => n * (x.shape[a] as number), 1);
}

function reductionGradient(kernelName: string, scaleOf: (x: tf.Tensor, axis: unknown) => number): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as tf.Tensor[];
      const axis = (attrs as { axis?: unknown } | undefined)?.axis;
      return {
        x: () => {
          const g = dy as tf.Tensor;
          const scale = scaleOf(x as tf.Tensor, axis);
          const scaled = scale === 1 ? g : tf.div(g, scale);
          return tf.mul(tf.reshape(scaled, expandedShape(x as tf.Tensor, axis)), tf.onesLike(x as tf.Tensor));
        },
      };
    },
  };
}

/** Replaces the Sum and Mean gradients (idempotent). */
export function registerReductionGradients(): string {
  tf.registerGradient(reductionGradient(tf.Sum, () => 1));
  tf.registerGradient(reductionGradient(tf.Mean, reducedSize));
  return REDUCTION_GRADIENTS_PATCH;
}
