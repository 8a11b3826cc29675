/**
 * One constrained beam step on device: next-token log-probs, disallowed tokens masked to −∞,
 * and the best k (hypothesis, token) extensions over all hypotheses by cumulative score.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../../errors';
import type { TokenTrie } from './trie';

/** One scored extension of a live hypothesis. */
export interface Expansion {
  /** Index of the hypothesis (batch row) it extends. */
  readonly parent: number;
  readonly token: number;
  /** log p(token | prompt, prefix). */
  readonly logProb: number;
}

/** Additive mask [K·V]: 0 where the trie allows the token after hypothesis k's prefix, −∞ elsewhere. */
export function allowedMask(trie: TokenTrie, nodes: readonly number[], vocab: number): Float32Array {
  const mask = new Float32Array(nodes.length * vocab).fill(-Infinity);
  nodes.forEach((node, k) => {
    for (const tok of trie.allowed(node)) {
      if (tok >= vocab) throw new RecForgeError('validation', `allowed sequences hold token ${tok}, outside the vocabulary [0, ${vocab})`);
      mask[k * vocab + tok] = 0;
    }
  });
  return mask;
}

/**
 * The best k allowed extensions of K hypotheses by prevScores[k] + log p, from last-position
 * logits [K, V]. Ranking happens on device (only k values come back); fewer than k come back when
 * fewer are allowed.
 */
export async function topAllowed(logits: tf.Tensor2D, prevScores: readonly number[], mask: Float32Array, k: number): Promise<Expansion[]> {
  const [rows, vocab] = logits.shape;
  const { indices, logProbs } = tf.tidy(() => {
    const logp = tf.logSoftmax(logits);
    const total = tf.add(tf.add(logp, tf.tensor2d(mask, [rows, vocab])), tf.tensor2d(prevScores as number[], [rows, 1]));
    const top = tf.topk(tf.reshape(total, [-1]), Math.min(k, rows * vocab));
    return { indices: top.indices, logProbs: tf.gather(tf.reshape(logp, [-1]), top.indices) };
  });
  const [idx, lp] = await Promise.all([indices.data(), logProbs.data()]);
  tf.dispose([indices, logProbs]);
  const out: Expansion[] = [];
  idx.forEach((flat, i) => {
    const parent = Math.floor(flat / vocab);
    if (mask[flat] === 0) out.push({ parent, token: flat - parent * vocab, logProb: lp[i] as number });
  });
  return out;
}
