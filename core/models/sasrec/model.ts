/**
 * SASRec loss and scoring as pure functions of its params, and the SequentialRecModel that binds
 * them to one set of variables.
 */
import * as tf from '@tensorflow/tfjs';
import type { SasRecConfig } from '../../protocol/dto';
import { createRng, type Rng } from '../../train/rng';
import type { SeqBatchTensors, SequentialRecModel } from '../types';
import { validateSasRecConfig } from './config';
import { encodeSequence, lastHidden, type EncodeOptions } from './encoder';
import { initSasRecParams, sasrecVariables, type SasRecParams } from './params';

function options(config: SasRecConfig, training: boolean, rng: Rng | null): EncodeOptions {
  return { training, rng, dropout: config.dropout, heads: config.heads };
}

/**
 * Binary cross-entropy with one sampled negative per position (pmixer): for every non-padding
 * target, −log σ(h·e_pos) − log(1 − σ(h·e_neg)), averaged over those positions.
 */
export function sasrecLoss(p: SasRecParams, config: SasRecConfig, batch: SeqBatchTensors, rng: Rng): tf.Scalar {
  return tf.tidy(() => {
    const h = encodeSequence(p, batch.inputs, options(config, true, rng));
    const posLogits = tf.sum(tf.mul(h, tf.gather(p.itemEmb, batch.positives)), -1);
    const negLogits = tf.sum(tf.mul(h, tf.gather(p.itemEmb, batch.negatives)), -1);
    const valid = tf.cast(tf.notEqual(batch.positives, 0), 'float32');
    // softplus(−z) = −log σ(z), softplus(z) = −log(1 − σ(z)), both numerically stable.
    const perPosition = tf.add(tf.softplus(tf.neg(posLogits)), tf.softplus(negLogits));
    return tf.div(tf.sum(tf.mul(perPosition, valid)), tf.maximum(tf.sum(valid), 1)) as tf.Scalar;
  });
}

/** Scores [B, C] = h_last · e_candidate, inference mode. */
export function sasrecScoreCandidates(p: SasRecParams, config: SasRecConfig, inputs: tf.Tensor2D, candidates: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const h = lastHidden(encodeSequence(p, inputs, options(config, false, null)));
    const e = tf.gather(p.itemEmb, candidates); // [B, C, d]
    return tf.squeeze(tf.matMul(e, tf.expandDims(h, 2)), [2]) as tf.Tensor2D;
  });
}

/** Scores [B, numItems + 1] of every item, inference mode. */
export function sasrecScoreAll(p: SasRecParams, config: SasRecConfig, inputs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const h = lastHidden(encodeSequence(p, inputs, options(config, false, null)));
    return tf.matMul(h, p.itemEmb, false, true);
  });
}

/** Builds a SASRec model with fresh variables; deterministic in `seed`. */
export function buildSasRec(config: SasRecConfig, numItems: number, seed: number): SequentialRecModel {
  validateSasRecConfig(config);
  const params = initSasRecParams(config, numItems, createRng(seed));
  const variables = sasrecVariables(params);
  return {
    family: 'sasrec',
    maxLen: config.maxLen,
    numItems,
    variables,
    loss: (batch, rng) => sasrecLoss(params, config, batch, rng),
    scoreCandidates: (inputs, candidates) => sasrecScoreCandidates(params, config, inputs, candidates),
    scoreAll: (inputs) => sasrecScoreAll(params, config, inputs),
    dispose: () => {
      for (const v of variables.values()) v.dispose();
    },
  };
}
