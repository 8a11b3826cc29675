/**
 * The replica side, independent of the transport and of the model: builds the task's engine
 * once, then for every step computes the gradients of its work from the lead's weights (shared
 * memory) and writes them into its slot.
 */
import * as tf from '@tensorflow/tfjs';
import { lmEngine } from '../lm/parallel/lmReplica';
import { writeFlat } from './flatGrads';
import type { ReplicaInit, ReplicaReply, ReplicaStep } from './protocol';
import type { ReplicaEngine } from './replicaEngine';
import { seqRecEngine } from './seqRecReplica';

/** A replica's state between steps. */
export interface Replica {
  readonly engine: ReplicaEngine;
  readonly weights: Float32Array;
  readonly grads: Float32Array;
}

export function createReplica(init: ReplicaInit): Replica {
  const engine = init.task.kind === 'seqrec' ? seqRecEngine(init.task) : lmEngine(init.task);
  return { engine, weights: new Float32Array(init.weights), grads: new Float32Array(init.grads) };
}

export async function replicaStep(r: Replica, step: ReplicaStep): Promise<ReplicaReply> {
  const res = await r.engine.gradients(step.work, r.weights);
  try {
    await writeFlat(r.engine.layout, res.grads, r.grads);
  } finally {
    tf.dispose([...res.grads.values()]);
  }
  return { kind: 'grads', loss: res.loss, weight: res.weight };
}

export function closeReplica(r: Replica): void {
  r.engine.dispose();
}
