/**
 * Causal LM loss: mean next-token cross-entropy over the supervised positions only. Targets are
 * already shifted (target of position t is the token at t+1) with −100 where nothing is scored
 * (prompt, padding, example boundaries) — HF's labels with ignore_index −100, shift folded in.
 */
import * as tf from '@tensorflow/tfjs';
import { rowLogSumExp, simdSoftmaxXentReady, softmaxXentGradient } from '../../tensor/patches/softmaxXentKernel';

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
    if (simdSoftmaxXentReady()) return nllSumByKernels(logits, targets, flat);
    const logp = tf.reshape(tf.logSoftmax(tf.reshape(logits, [b * t, vocab]), -1), [-1]);
    return tf.neg(tf.sum(tf.gather(logp, tf.tensor1d(flat, 'int32')))) as tf.Scalar;
  });
}

/**
 * The same sum as Σ_scored (lse − logit at the target), with the gradient softmax − one-hot
 * written out: two passes of our SIMD kernels over the [B·T, V] logits instead of ~10 tfjs ones.
 */
function nllSumByKernels(logits: tf.Tensor3D, targets: ArrayLike<number>, flat: readonly number[]): tf.Scalar {
  const [b, t, vocab] = logits.shape;
  const rows = b * t;
  const targetOfRow = Int32Array.from({ length: rows }, (_, i) => (targets[i] === IGNORE ? -1 : (targets[i] as number)));
  const scoredRows = Int32Array.from(flat, (f) => Math.floor(f / vocab));
  const nll = tf.customGrad((x, save) => {
    const byRow = tf.reshape(x as tf.Tensor, [rows, vocab]) as tf.Tensor2D;
    const lse = rowLogSumExp(byRow);
    const picked = tf.gather(tf.reshape(x as tf.Tensor, [-1]), tf.tensor1d(flat as number[], 'int32'));
    (save as tf.GradSaveFunc)([byRow, lse]);
    return {
      value: tf.sub(tf.sum(tf.gather(lse, tf.tensor1d(scoredRows, 'int32'))), tf.sum(picked)),
      gradFunc: (dy, saved) => {
        const [x2, l] = saved as [tf.Tensor2D, tf.Tensor1D];
        const scale = tf.mul(tf.ones([rows]), dy as tf.Tensor) as tf.Tensor1D;
        return tf.reshape(softmaxXentGradient(x2, l, scale, tf.tensor1d(targetOfRow, 'int32')), [b, t, vocab]);
      },
    };
  });
  return nll(logits) as tf.Scalar;
}

/** Mean cross-entropy over scored positions (tokenNllSum / count); 0 when none are scored. */
export function causalLmLoss(logits: tf.Tensor3D, targets: ArrayLike<number>): tf.Scalar {
  return tf.tidy(() => tf.div(tokenNllSum(logits, targets), Math.max(1, countTargets(targets))) as tf.Scalar);
}
