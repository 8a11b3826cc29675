/**
 * PAD's training objectives as pure functions of the towers and one batch:
 * BCE with one sampled negative per position (SASRec's loss, the "recommendation anchor"), the
 * alignment loss BCE + λ·MK-MMD(text projection, ID embeddings) (paper §3.2, official
 * `Model2_transfer`), and the fused triple-expert loss (paper §3.3).
 */
import * as tf from '@tensorflow/tfjs';
import type { SeqBatchTensors } from '../../models/types';
import type { SasRecConfig } from '../../protocol/dto';
import type { Rng } from '../../train/rng';
import { dense } from '../../models/nn/dense';
import { fuseScores, gateWeights } from './gating';
import { mkMmd } from './mkmmd';
import { padMmd, padSasrec, type PadSettings } from './settings';
import { encodeWith, itemTable, type Tower } from './towers';

/** Positive and negative logits [B, T] of one tower. */
export function towerLogits(t: Tower, text: tf.Tensor2D, b: SeqBatchTensors, c: SasRecConfig, rng: Rng | null): { pos: tf.Tensor; neg: tf.Tensor } {
  return tf.tidy(() => {
    const table = itemTable(t, text);
    const h = encodeWith(t, table, b.inputs, c, rng);
    const pos = tf.sum(tf.mul(h, tf.gather(table, b.positives)), -1);
    const neg = tf.sum(tf.mul(h, tf.gather(table, b.negatives)), -1);
    return { pos, neg };
  });
}

/** Mean over non-padding positions of −log σ(pos) − log(1 − σ(neg)). */
export function bce(pos: tf.Tensor, neg: tf.Tensor, positives: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const valid = tf.cast(tf.notEqual(positives, 0), 'float32');
    const per = tf.add(tf.softplus(tf.neg(pos)), tf.softplus(neg));
    return tf.div(tf.sum(tf.mul(per, valid)), tf.maximum(tf.sum(valid), 1)) as tf.Scalar;
  });
}

/** Phase 1 (and the SASRec baseline): BCE of an ID tower. */
export function idLoss(t: Tower, text: tf.Tensor2D, b: SeqBatchTensors, c: SasRecConfig, rng: Rng): tf.Scalar {
  return tf.tidy(() => {
    const { pos, neg } = towerLogits({ ...t, kind: 'id' }, text, b, c, rng);
    return bce(pos, neg, b.positives);
  });
}

/**
 * Phase 2: the aligned tower scored by its ID table (BCE keeps the collaborative embeddings from
 * catastrophic forgetting) plus λ·MK-MMD between the text projection and the ID embeddings of the
 * batch's items `items` (int32 [n]).
 */
export function alignLoss(t: Tower, text: tf.Tensor2D, b: SeqBatchTensors, items: tf.Tensor1D, s: PadSettings, rng: Rng): { total: tf.Scalar; mmd: tf.Scalar } {
  return tf.tidy(() => {
    if (t.proj === null) throw new Error('alignment needs a tower with a text projector');
    const rec = idLoss(t, text, b, padSasrec(s), rng);
    const projected = dense(tf.gather(text, items), t.proj) as tf.Tensor2D;
    const mmd = mkMmd(projected, tf.gather(t.enc.itemEmb, items) as tf.Tensor2D, padMmd(s));
    return { total: tf.add(rec, tf.mul(mmd, s.mmdWeight)) as tf.Scalar, mmd };
  });
}

/** Phase 3: BCE of the gate-fused score, plus expertLossWeight × each expert's own BCE. */
export function tripleLoss(towers: readonly Tower[], gates: tf.Tensor2D, bins: tf.Tensor1D, text: tf.Tensor2D, b: SeqBatchTensors, s: PadSettings, rng: Rng): tf.Scalar {
  return tf.tidy(() => {
    const logits = towers.map((t) => towerLogits(t, text, b, padSasrec(s), rng));
    const pos = fuseScores(gateWeights(gates, tf.gather(bins, b.positives)), tf.stack(logits.map((l) => l.pos), -1));
    const neg = fuseScores(gateWeights(gates, tf.gather(bins, b.negatives)), tf.stack(logits.map((l) => l.neg), -1));
    let loss = bce(pos, neg, b.positives);
    for (const l of logits) loss = tf.add(loss, tf.mul(bce(l.pos, l.neg, b.positives), s.expertLossWeight));
    return loss as tf.Scalar;
  });
}
