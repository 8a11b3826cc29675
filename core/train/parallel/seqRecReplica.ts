/**
 * The replica engine of a sequential recommender (SASRec): builds the model once, then for every
 * step assigns the lead's weights to its variables and computes its shard's gradients.
 */
import { RecForgeError } from '../../errors';
import { getModelFamily } from '../../models/registry';
import { createRng } from '../rng';
import { assignFlat, flatLayout } from './flatGrads';
import type { SeqRecTask } from './protocol';
import type { ReplicaEngine } from './replicaEngine';
import { shardGradients } from './replicaGradients';

export function seqRecEngine(task: SeqRecTask): ReplicaEngine {
  // The seed does not matter: every step starts from the lead's weights.
  const model = getModelFamily(task.family).build(task.config, task.numItems, 0);
  const layout = flatLayout(model.variables);
  return {
    layout,
    gradients: async (work, weights) => {
      if (work.kind !== 'seqrec') throw new RecForgeError('internal', `a sequential-recommender replica got ${work.kind} work`);
      assignFlat(layout, model.variables, weights);
      return shardGradients(model, work.shard, createRng(work.dropoutSeed));
    },
    dispose: () => model.dispose(),
  };
}
