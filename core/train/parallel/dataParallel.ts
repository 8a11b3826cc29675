/**
 * Data-parallel training step (also the single-thread step on CPU backends, with no replicas:
 * see core/train/flatSteps.ts): the lead splits each batch into shards, replicas (other threads)
 * compute the gradients of theirs while the lead computes its own, and the lead combines them
 * weighted by valid targets — the full batch's gradient — and updates the flat weights in
 * shared memory in one pass (flat Adam, see flatAdam.ts), where the replicas read them for their
 * next step; the lead's own variables are assigned from them. The optimizer state lives only on
 * the lead and is checkpointed in the same form as a single-thread run's.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import type { SequentialRecModel } from '../../models/types';
import type { Rng } from '../rng';
import type { SeqBatch } from '../sampler';
import { assignFlat, flatLayout, sharedFloats, weightedSum, writeFlat, type FlatLayout } from './flatGrads';
import type { ReplicaReply, ReplicaSlot } from './protocol';
import { shardGradients } from './replicaGradients';
import { splitBatch } from './shards';

/** Lead-side state of a data-parallel run. */
export interface DataParallel {
  readonly model: SequentialRecModel;
  readonly layout: FlatLayout;
  readonly weights: Float32Array;
  readonly replicas: readonly ReplicaSlot[];
  /** The lead's own gradient slot, reused every step. */
  readonly leadGrads: Float32Array;
  /** The combined gradient, reused every step. */
  readonly combined: Float64Array;
}

/** Applies the combined gradient to the flat weights in place (an optimizer step). */
export type FlatUpdate = (weights: Float32Array, gradient: Float64Array) => void;

export function createDataParallel(model: SequentialRecModel, weights: Float32Array, replicas: readonly ReplicaSlot[]): DataParallel {
  const layout = flatLayout(model.variables);
  // Shared memory like the replicas' slots: the combining loop then sees one kind of array (V8
  // slows down when it alternates between plain and shared ones). Alone, the lead needs none.
  const leadGrads = replicas.length > 0 ? sharedFloats(layout.length) : new Float32Array(layout.length);
  return { model, layout, weights, replicas, leadGrads, combined: new Float64Array(layout.length) };
}

/** Copies the lead's current weights where the replicas read them. */
export async function publishWeights(dp: DataParallel): Promise<void> {
  await writeFlat(dp.layout, dp.model.variables, dp.weights);
}

export function dataParallelReply(reply: ReplicaReply): { loss: number; weight: number } {
  if (reply.kind === 'grads') return reply;
  throw new RecForgeError('internal', `data-parallel replica failed: ${reply.kind === 'error' ? reply.message : `unexpected ${reply.kind}`}`);
}

/** Copies a shard out of the batch so it can cross a thread boundary on its own. */
function ownShard(s: SeqBatch): SeqBatch {
  return { size: s.size, maxLen: s.maxLen, inputs: s.inputs.slice(), positives: s.positives.slice(), negatives: s.negatives.slice() };
}

/**
 * One update over `batch`; resolves to the batch loss (weighted mean of the shard losses).
 * Call publishWeights once before the first step; after that the weights live in dp.weights.
 */
export async function dataParallelStep(dp: DataParallel, update: FlatUpdate, batch: SeqBatch, dropoutRng: Rng): Promise<number> {
  const shards = splitBatch(batch, dp.replicas.length + 1);
  const helpers = dp.replicas.slice(0, shards.length - 1);
  helpers.forEach((r, i) => r.port.send({ kind: 'step', work: { kind: 'seqrec', shard: ownShard(shards[i + 1] as SeqBatch), dropoutSeed: dropoutRng.nextUint32() } }));
  const lead = await shardGradients(dp.model, shards[0] as SeqBatch, dropoutRng);
  const leadFlat = dp.leadGrads;
  try {
    await writeFlat(dp.layout, lead.grads, leadFlat);
  } finally {
    tf.dispose([...lead.grads.values()]);
  }
  const replies = (await Promise.all(helpers.map((r) => r.port.reply()))).map(dataParallelReply);
  const parts = [{ values: leadFlat, weight: lead.weight }, ...replies.map((rep, i) => ({ values: (helpers[i] as ReplicaSlot).grads, weight: rep.weight }))];
  weightedSum(parts, dp.combined);
  update(dp.weights, dp.combined);
  assignFlat(dp.layout, dp.model.variables, dp.weights);
  const shardLosses = [{ loss: lead.loss, weight: lead.weight }, ...replies];
  const total = shardLosses.reduce((s, p) => s + p.weight, 0);
  return total > 0 ? shardLosses.reduce((s, p) => s + p.loss * p.weight, 0) / total : NaN;
}
