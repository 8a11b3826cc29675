/** The optimizer SASRec trains with, and a way to drive its lr from a schedule. */
import * as tf from '@tensorflow/tfjs';

/** Adam with SASRec's betas (0.9, 0.98) and PyTorch's eps 1e-8. */
export function createAdam(learningRate: number): tf.AdamOptimizer {
  return tf.train.adam(learningRate, 0.9, 0.98, 1e-8);
}

/**
 * Sets Adam's learning rate for the next update. tfjs reads `this.learningRate` on every
 * applyGradients but keeps the field protected, so we write it through a structural view.
 */
export function setLearningRate(optimizer: tf.AdamOptimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}
