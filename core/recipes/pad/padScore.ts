/**
 * Inference scores of candidate items: the SASRec baseline (ID tower alone) and PAD (three experts
 * fused by the frequency gate of each CANDIDATE item, so a cold candidate — last bin — is scored
 * mostly through the text side, paper §3.3).
 */
import * as tf from '@tensorflow/tfjs';
import type { SasRecConfig } from '../../protocol/dto';
import { lastHidden } from '../../models/sasrec/encoder';
import { fuseScores, gateWeights } from './gating';
import { encodeWith, itemTable, type Tower } from './towers';

/** Scores [B, C] of candidates [B, C] after histories [B, maxLen] (both int32). */
export type CandidateScorer = (inputs: tf.Tensor2D, candidates: tf.Tensor2D) => tf.Tensor2D;

/** One tower's inference scores. */
export function towerScores(t: Tower, text: tf.Tensor2D, c: SasRecConfig, inputs: tf.Tensor2D, candidates: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const table = itemTable(t, text);
    const h = lastHidden(encodeWith(t, table, inputs, c, null));
    return tf.squeeze(tf.matMul(tf.gather(table, candidates), tf.expandDims(h, 2)), [2]) as tf.Tensor2D;
  });
}

/** Baseline scorer: one ID tower. */
export function towerScorer(t: Tower, text: tf.Tensor2D, c: SasRecConfig): CandidateScorer {
  return (inputs, candidates) => towerScores(t, text, c, inputs, candidates);
}

/** PAD scorer: gate-fused experts. */
export function padScorer(towers: readonly Tower[], gates: tf.Tensor2D, bins: tf.Tensor1D, text: tf.Tensor2D, c: SasRecConfig): CandidateScorer {
  return (inputs, candidates) =>
    tf.tidy(() => {
      const stacked = tf.stack(towers.map((t) => towerScores(t, text, c, inputs, candidates)), -1);
      return fuseScores(gateWeights(gates, tf.gather(bins, candidates)), stacked) as tf.Tensor2D;
    });
}
