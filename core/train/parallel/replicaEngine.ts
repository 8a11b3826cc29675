/**
 * What a replica computes, whatever the model: for one step's work and the lead's current
 * weights (read from shared memory), the work's loss, its weight and the gradient of every
 * trainable tensor in the task's flat layout.
 */
import type * as tf from '@tensorflow/tfjs';
import type { FlatLayout } from './flatGrads';
import type { ReplicaStep } from './protocol';

/** A step's result; `grads` are the caller's to dispose. */
export interface WorkGradients {
  readonly loss: number;
  readonly weight: number;
  readonly grads: ReadonlyMap<string, tf.Tensor>;
}

export interface ReplicaEngine {
  /** Layout of the trainable weights and of the gradients. */
  readonly layout: FlatLayout;
  gradients(work: ReplicaStep['work'], weights: Float32Array): Promise<WorkGradients>;
  dispose(): void;
}
