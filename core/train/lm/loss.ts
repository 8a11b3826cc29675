/**
 * Causal LM loss: mean next-token cross-entropy over the supervised positions only. Targets are
 * already shifted (target of position t is the token at t+1) with −100 where nothing is scored
 * (prompt, padding, example boundaries) — HF's labels with ignore_index −100, shift folded in.
 */
import * as tf from '@tensorflow/tfjs';

/** Target value meaning "no loss here" (PyTorch CrossEntropyLoss ignore_index). */
export const IGNORE = -100;

/** Number of scored positions. */
export function countTargets(targets: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < targets.length; i++) if (targets[i] !== IGNORE) n++;
  return n;
}

/**
 * Σ −log p(target) over scored positions, as a scalar (0 when none are scored). logits [B, T, V],
 * targets [B·T]. log-softmax keeps it stable for large logits; only the scored entries are
 * gathered (one flat gather), so no [B·T, V] one-hot is built.
 */
export function tokenNllSum(logits: tf.Tensor3D, targets: ArrayLike<number>): tf.Scalar {
  return tf.tidy(() => {
    const [b, t, vocab] = logits.shape;
    const flat: number[] = [];
    for (let i = 0; i < b * t; i++) {
      const target = targets[i] as number;
      if (target !== IGNORE) flat.push(i * vocab + target);
    }
    if (flat.length === 0) return tf.mul(tf.sum(logits), 0) as tf.Scalar; // keeps the gradient defined (zeros)
    const logp = tf.reshape(tf.logSoftmax(tf.reshape(logits, [b * t, vocab]), -1), [-1]);
    return tf.neg(tf.sum(tf.gather(logp, tf.tensor1d(flat, 'int32')))) as tf.Scalar;
  });
}

/** Mean cross-entropy over scored positions (tokenNllSum / count); 0 when none are scored. */
export function causalLmLoss(logits: tf.Tensor3D, targets: ArrayLike<number>): tf.Scalar {
  return tf.tidy(() => tf.div(tokenNllSum(logits, targets), Math.max(1, countTargets(targets))) as tf.Scalar);
}
