/** The optimizer SASRec trains with, and a way to drive its lr from a schedule. */
import * as tf from '@tensorflow/tfjs';

import type { AdamHyper } from './parallel/flatAdam';

/** SASRec's betas (0.9, 0.98) and PyTorch's eps 1e-8. */
export const SASREC_ADAM: AdamHyper = { beta1: 0.9, beta2: 0.98, epsilon: 1e-8 };

/** tfjs Adam with SASREC_ADAM. */
export function createAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, SASREC_ADAM.beta1, SASREC_ADAM.beta2, SASREC_ADAM.epsilon);
}

/**
 * Sets Adam's learning rate for the next update. tfjs reads `this.learningRate` on every
 * applyGradients but keeps the field protected, so we write it through a structural view.
 */
export function setLearningRate(optimizer: tf.AdamOptimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}
