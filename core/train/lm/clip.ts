/**
 * Gradient clipping by global L2 norm (PyTorch clip_grad_norm_): when ‖g‖ over all parameters
 * exceeds maxNorm, every gradient is scaled by maxNorm / (‖g‖ + 1e-6), so the update keeps its
 * direction. Guards against the loss spikes small-batch LM training is prone to.
 */
import * as tf from '@tensorflow/tfjs';

/** √(Σ g²) over every tensor, as a scalar. */
export function globalNorm(grads: ReadonlyMap<string, tf.Tensor>): tf.Scalar {
  return tf.tidy(() => {
    let sum: tf.Tensor = tf.scalar(0);
    for (const g of grads.values()) sum = tf.add(sum, tf.sum(tf.square(g)));
    return tf.sqrt(sum) as tf.Scalar;
  });
}

/**
 * Clipped copies of the gradients (new tensors; the inputs are untouched) and the norm before
 * clipping. maxNorm null leaves them unscaled.
 */
export function clipByGlobalNorm(grads: ReadonlyMap<string, tf.Tensor>, maxNorm: number | null): { grads: Map<string, tf.Tensor>; norm: tf.Scalar } {
  const norm = globalNorm(grads);
  const out = new Map<string, tf.Tensor>();
  tf.tidy(() => {
    const scale = maxNorm === null ? tf.scalar(1) : tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-6)));
    for (const [name, g] of grads) out.set(name, tf.keep(tf.mul(g, scale)));
  });
  return { grads: out, norm };
}
