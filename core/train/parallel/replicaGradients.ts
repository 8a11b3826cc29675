/**
 * What every data-parallel replica computes on its shard: the shard's loss, its weight (valid
 * targets) and the gradient of the shard loss for every model variable.
 */
import * as tf from '@tensorflow/tfjs';
import type { SequentialRecModel } from '../../models/types';
import { batchTensors, disposeBatchTensors } from '../batchTensors';
import type { Rng } from '../rng';
import type { SeqBatch } from '../sampler';
import { validTargets } from './shards';

/** A shard's result; `grads` are the caller's to dispose. */
export interface ShardGradients {
  readonly loss: number;
  readonly weight: number;
  readonly grads: Map<string, tf.Tensor>;
}

/** Loss and gradients of `model` on `shard`, keyed by the model's variable names. */
export async function shardGradients(model: SequentialRecModel, shard: SeqBatch, rng: Rng): Promise<ShardGradients> {
  const t = batchTensors(shard);
  try {
    const vars = [...model.variables];
    const { value, grads } = tf.variableGrads(() => model.loss(t, rng), vars.map(([, v]) => v));
    const byName = new Map<string, tf.Tensor>();
    for (const [name, v] of vars) {
      const g = grads[v.name];
      if (g !== undefined) byName.set(name, g);
    }
    try {
      return { loss: (await value.data())[0] ?? NaN, weight: validTargets(shard), grads: byName };
    } finally {
      value.dispose();
    }
  } finally {
    disposeBatchTensors(t);
  }
}
