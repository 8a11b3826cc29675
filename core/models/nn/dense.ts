/** Position-wise affine layer (a Conv1d with kernel 1 / nn.Linear) on [..., in] tensors. */
import * as tf from '@tensorflow/tfjs';

/** Weight [in, out] and bias [out]. */
export interface DenseParams {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
}

/**
 * x·w + b over the last axis. Rank >2 inputs are flattened to 2-D first: tfjs's BatchMatMul
 * gradient does not support broadcasting a 2-D weight against batched inputs, and one big 2-D
 * matmul is also the fastest form on wasm.
 */
export function dense(x: tf.Tensor, p: DenseParams): tf.Tensor {
  return tf.tidy(() => {
    const inDim = x.shape[x.shape.length - 1] as number;
    const outDim = p.w.shape[1] as number;
    const y = tf.add(tf.matMul(tf.reshape(x, [-1, inDim]), p.w), p.b);
    return tf.reshape(y, [...x.shape.slice(0, -1), outDim]);
  });
}
