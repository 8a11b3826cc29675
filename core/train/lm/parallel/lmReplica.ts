/**
 * The replica engine of an LM: rebuilds the trainable model once (a LoRA replica reads the frozen
 * base from shared memory once and keeps it), then for every step reads the lead's current
 * parameters and computes the gradients of its rows of the update.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../../errors';
import { readFlat } from '../../parallel/flatGrads';
import type { LmTask } from '../../parallel/protocol';
import type { ReplicaEngine } from '../../parallel/replicaEngine';
import { createRng } from '../../rng';
import type { MicroBatch } from '../packing';
import { sumGradients, type MicroBatchWork } from '../step';
import { fullModel, loraModel, type TrainableModel } from '../trainables';

/** Micro-batches paired with the dropout streams their seeds start (null = no dropout). */
export function seededWork(batches: readonly MicroBatch[], seeds: readonly (number | null)[]): MicroBatchWork[] {
  return batches.map((batch, i) => {
    const seed = seeds[i] ?? null;
    return { batch, dropoutRng: seed === null ? null : createRng(seed) };
  });
}

function trainableOf(task: LmTask): TrainableModel {
  if (task.frozen.kind === 'full') return fullModel();
  return loraModel(readFlat(task.frozen.base, new Float32Array(task.frozen.weights)), task.frozen.lora);
}

export function lmEngine(task: LmTask): ReplicaEngine {
  const model = trainableOf(task);
  const ctx = { config: task.config, model };
  return {
    layout: task.params,
    gradients: async (work, weights) => {
      if (work.kind !== 'lm') throw new RecForgeError('internal', `an LM replica got ${work.kind} work`);
      const params = readFlat(task.params, weights);
      try {
        const acc = await sumGradients(ctx, params, seededWork(work.batches, work.dropoutSeeds), work.total);
        return { loss: acc.loss, weight: work.batches.reduce((n, b) => n + b.scored, 0), grads: acc.grads };
      } finally {
        tf.dispose([...params.values()]);
      }
    },
    dispose: () => model.dispose(),
  };
}
