/** Log-probabilities of chosen tokens under next-token logits. */
import * as tf from '@tensorflow/tfjs';

/**
 * log p(target_n) = logit_n[target_n] − logsumexp(logit_n) for logits [N, V] and N target ids.
 * Gathering one logit per row and a row logsumexp avoids materialising a second [N, V] tensor
 * (the full log-softmax), which dominates memory when N·V is large.
 */
export function tokenLogProbs(logits: tf.Tensor2D, targets: Int32Array): tf.Tensor1D {
  return tf.tidy(() => {
    const [n, v] = logits.shape;
    const flatIdx = new Int32Array(n);
    for (let i = 0; i < n; i++) flatIdx[i] = i * v + (targets[i] as number);
    const picked = tf.gather(tf.reshape(logits, [n * v]), tf.tensor1d(flatIdx, 'int32'));
    return tf.sub(picked, tf.logSumExp(logits, 1)) as tf.Tensor1D;
  });
}

/**
 * log p(targets[i]) under row `rows[i]` of logits [..., V] flattened to [M, V], so positions
 * that are never scored (padding, a candidate's last token) never reach the softmax.
 */
export function rowTokenLogProbs(logits: tf.Tensor, rows: Int32Array, targets: Int32Array): tf.Tensor1D {
  return tf.tidy(() => {
    const v = logits.shape[logits.shape.length - 1] as number;
    const flat = tf.reshape(logits, [-1, v]) as tf.Tensor2D;
    const identity = rows.length === flat.shape[0] && rows.every((r, i) => r === i);
    return tokenLogProbs(identity ? flat : (tf.gather(flat, tf.tensor1d(rows, 'int32')) as tf.Tensor2D), targets);
  });
}
