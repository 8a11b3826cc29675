/**
 * What the trainer and evaluator know about a model: nothing architecture-specific. A model is a
 * set of named variables plus pure functions of them (loss for a batch, scores for candidates).
 */
import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../train/rng';

/**
 * One training batch as tensors, all int32 [B, T]: the input histories (left-padded with 0),
 * the next item at every position (0 at padding) and one sampled negative per position.
 */
export interface SeqBatchTensors {
  readonly inputs: tf.Tensor2D;
  readonly positives: tf.Tensor2D;
  readonly negatives: tf.Tensor2D;
}

/** A next-item model over histories of item ids (1-based, 0 = padding). */
export interface SequentialRecModel {
  /** Registry name of the model family. */
  readonly family: string;
  /** History length the model reads (inputs are [B, maxLen]). */
  readonly maxLen: number;
  /** Items are 1..numItems. */
  readonly numItems: number;
  /** Trainable variables by stable name (checkpoint keys), in a fixed order. */
  readonly variables: ReadonlyMap<string, tf.Variable>;
  /** Mean training loss of a batch, in training mode (dropout drawn from `rng`). */
  loss(batch: SeqBatchTensors, rng: Rng): tf.Scalar;
  /** Inference scores [B, C] of candidate items [B, C] after histories [B, maxLen]. */
  scoreCandidates(inputs: tf.Tensor2D, candidates: tf.Tensor2D): tf.Tensor2D;
  /** Inference scores [B, numItems + 1] of every item id (column 0 is padding). */
  scoreAll(inputs: tf.Tensor2D): tf.Tensor2D;
  /** Frees every variable. */
  dispose(): void;
}

/** A registry entry: default config and a builder. */
export interface ModelFamily<Config> {
  readonly name: string;
  /** Defaults of every hyper-parameter. */
  defaultConfig(): Config;
  /** Creates freshly initialised variables; deterministic in `seed`. Throws RecForgeError on a bad config. */
  build(config: Config, numItems: number, seed: number): SequentialRecModel;
}
