/**
 * The replica side, independent of the transport: builds the model once, then for every step
 * loads the lead's weights from shared memory, computes its shard's gradients and writes them
 * into its slot.
 */
import * as tf from '@tensorflow/tfjs';
import { getModelFamily } from '../../models/registry';
import type { SequentialRecModel } from '../../models/types';
import { createRng } from '../rng';
import { flatLayout, readFlat, writeFlat, type FlatLayout } from './flatGrads';
import type { ReplicaInit, ReplicaReply, ReplicaStep } from './protocol';
import { shardGradients } from './replicaGradients';

/** A replica's state between steps. */
export interface Replica {
  readonly model: SequentialRecModel;
  readonly layout: FlatLayout;
  readonly weights: Float32Array;
  readonly grads: Float32Array;
}

export function createReplica(init: ReplicaInit): Replica {
  // The seed does not matter: every step starts from the lead's weights.
  const model = getModelFamily(init.family).build(init.config, init.numItems, 0);
  return { model, layout: flatLayout(model.variables), weights: new Float32Array(init.weights), grads: new Float32Array(init.grads) };
}

function loadWeights(r: Replica): void {
  const fresh = readFlat(r.layout, r.weights);
  for (const [name, t] of fresh) r.model.variables.get(name)?.assign(t);
  tf.dispose([...fresh.values()]);
}

export async function replicaStep(r: Replica, step: ReplicaStep): Promise<ReplicaReply> {
  loadWeights(r);
  const res = await shardGradients(r.model, step.shard, createRng(step.dropoutSeed));
  try {
    await writeFlat(r.layout, res.grads, r.grads);
  } finally {
    tf.dispose([...res.grads.values()]);
  }
  return { kind: 'grads', loss: res.loss, weight: res.weight };
}
