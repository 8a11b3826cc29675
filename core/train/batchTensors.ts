/** A sampled batch's int32 columns as the [size, maxLen] tensors a model's loss takes. */
import * as tf from '@tensorflow/tfjs';
import type { SeqBatchTensors } from '../models/types';
import type { SeqBatch } from './sampler';

/** New tensors, the caller's to dispose (disposeBatchTensors). */
export function batchTensors(b: SeqBatch): SeqBatchTensors {
  const shape: [number, number] = [b.size, b.maxLen];
  return {
    inputs: tf.tensor2d(b.inputs, shape, 'int32'),
    positives: tf.tensor2d(b.positives, shape, 'int32'),
    negatives: tf.tensor2d(b.negatives, shape, 'int32'),
  };
}

export function disposeBatchTensors(t: SeqBatchTensors): void {
  tf.dispose([t.inputs, t.positives, t.negatives]);
}
