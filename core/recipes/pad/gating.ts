/**
 * Frequency-aware gating (PAD §3.3): every expert has one learnable logit per frequency bin of the
 * TARGET item; the gate is sigmoid(logit[bin]) normalised over the experts, and it weights each
 * expert's score. Initialisation follows the official code (`Model_new3_3`): the rec-specific
 * expert starts strong on frequent items, the LLM-specific one on rare/cold items, the aligned one
 * low (γ2 = −4) and is learned up where it helps. Items never seen in training (the last, cold bin)
 * give the rec-specific expert weight 0: its ID embedding of such an item never received a
 * gradient, so its score is noise. (Official PAD has no never-seen bin: its rarest bin still trains.)
 */
import * as tf from '@tensorflow/tfjs';

/** Expert order used by every tensor with an expert axis. */
export const EXPERTS = ['id', 'aligned', 'text'] as const;

function linspace(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? from : from + ((to - from) * i) / (n - 1)));
}

/** Gate logits [3, bins]: rows id, aligned, text; bin 0 = most frequent, last = cold. */
export function initGateLogits(bins: number, gamma2: number): tf.Variable {
  const rows = [linspace(1, 0, bins), linspace(gamma2, gamma2 - 1, bins), linspace(0, 1, bins)];
  return tf.tidy(() => tf.variable(tf.tensor2d(rows)));
}

/** [bins, 3] ones, except 0 for the rec-specific expert in the cold bin. */
function expertMask(bins: number): tf.Tensor2D {
  const m = new Float32Array(bins * 3).fill(1);
  m[(bins - 1) * 3] = 0;
  return tf.tensor2d(m, [bins, 3]);
}

/** Normalised gates [..., 3] for item bins [...] (int32). */
export function gateWeights(logits: tf.Tensor2D, itemBins: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const g = tf.mul(tf.sigmoid(tf.gather(tf.transpose(logits), itemBins)), tf.gather(expertMask(logits.shape[1]), itemBins)); // [..., 3]
    return tf.div(g, tf.sum(g, -1, true));
  });
}

/** Σ_e gate_e · score_e for expert scores stacked on a last axis [..., 3]. */
export function fuseScores(gates: tf.Tensor, stacked: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sum(tf.mul(gates, stacked), -1));
}
