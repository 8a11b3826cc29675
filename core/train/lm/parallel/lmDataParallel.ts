/**
 * Data-parallel LM updates. The lead publishes its parameters to shared memory, every thread
 * (the lead included) computes the gradients of its rows of every micro-batch with losses divided
 * by the whole update's scored tokens, and the lead adds them up — the update's gradient, as if
 * one thread had accumulated it. Clipping and AdamW stay on the lead (trainStep), so checkpoints
 * and resume are unchanged. A LoRA base crosses once, when the replicas start.
 */
import * as tf from '@tensorflow/tfjs';
import { dataParallelReply } from '../../parallel/dataParallel';
import { addInto, flatLayout, readFlat, sharedFloats, writeFlat, type FlatLayout } from '../../parallel/flatGrads';
import type { LmTask, ReplicaSlot, StartReplicas } from '../../parallel/protocol';
import type { MicroBatch } from '../packing';
import type { AccumulatedGradients, GradientContext, GradientsOf } from '../step';
import { scoredTotal, sumGradients } from '../step';
import type { TrainableModel } from '../trainables';
import { seededWork } from './lmReplica';
import { splitMicroBatches } from './rowShards';

/** Lead-side state: the parameters' layout, where replicas read them, and the replicas. */
export interface LmDataParallel {
  readonly layout: FlatLayout;
  readonly weights: Float32Array;
  readonly replicas: readonly ReplicaSlot[];
  /** The lead's own gradient slot, reused every update (shared memory, like the replicas' slots). */
  readonly leadGrads: Float32Array;
}

/** Float32 copy of `tensors` in shared memory, with its layout. */
async function sharedCopy(tensors: ReadonlyMap<string, tf.Tensor>): Promise<{ layout: FlatLayout; values: Float32Array }> {
  const layout = flatLayout(tensors);
  const values = sharedFloats(layout.length);
  await writeFlat(layout, tensors, values);
  return { layout, values };
}

/** Starts replicas for an LM with parameters `params`; null when the host gives none. */
export async function startLmReplicas(config: GradientContext['config'], model: TrainableModel, params: ReadonlyMap<string, tf.Tensor>, start: StartReplicas | undefined): Promise<LmDataParallel | null> {
  if (start === undefined) return null;
  const { layout, values: weights } = await sharedCopy(params);
  const frozen: LmTask['frozen'] = model.frozen === null ? { kind: 'full' } : await loraFrozen(model.frozen);
  const replicas = await start({ task: { kind: 'lm', config, params: layout, frozen }, weights: weights.buffer as SharedArrayBuffer }, layout.length);
  return replicas.length === 0 ? null : { layout, weights, replicas, leadGrads: sharedFloats(layout.length) };
}

async function loraFrozen(frozen: NonNullable<TrainableModel['frozen']>): Promise<LmTask['frozen']> {
  const base = await sharedCopy(frozen.base);
  return { kind: 'lora', lora: frozen.lora, base: base.layout, weights: base.values.buffer as SharedArrayBuffer };
}

export async function closeLmReplicas(dp: LmDataParallel | null): Promise<void> {
  await Promise.all((dp?.replicas ?? []).map((r) => r.port.close()));
}

/** One dropout seed per micro-batch of a part, drawn from the lead's stream in a fixed order. */
function seedsOf(part: readonly MicroBatch[], ctx: GradientContext): (number | null)[] {
  return part.map(() => ctx.dropoutRng?.nextUint32() ?? null);
}

/** The update's accumulated gradients, computed by the lead and its replicas together. */
export async function parallelGradients(dp: LmDataParallel, ctx: GradientContext, params: ReadonlyMap<string, tf.Tensor>, batches: readonly MicroBatch[]): Promise<AccumulatedGradients> {
  await writeFlat(dp.layout, params, dp.weights);
  const total = scoredTotal(batches);
  const parts = splitMicroBatches(batches, dp.replicas.length + 1);
  const seeds = parts.map((p) => seedsOf(p, ctx));
  const helpers = dp.replicas.slice(0, parts.length - 1);
  helpers.forEach((r, i) => r.port.send({ kind: 'step', work: { kind: 'lm', batches: parts[i + 1] as MicroBatch[], dropoutSeeds: seeds[i + 1] as (number | null)[], total } }));
  const lead = await sumGradients(ctx, params, seededWork(parts[0] ?? [], seeds[0] ?? []), total);
  const flat = dp.leadGrads;
  try {
    await writeFlat(dp.layout, lead.grads, flat);
  } finally {
    tf.dispose([...lead.grads.values()]);
  }
  const replies = await Promise.all(helpers.map(async (r) => dataParallelReply(await r.port.reply())));
  addInto(flat, helpers.map((r) => r.grads));
  return { grads: readFlat(dp.layout, flat), loss: replies.reduce((s, r) => s + r.loss, lead.loss) };
}

/** trainStep's gradient function for `dp` (or the single-thread default when there is none). */
export function gradientsFor(dp: LmDataParallel | null): GradientsOf | undefined {
  return dp === null ? undefined : (ctx, params, batches) => parallelGradients(dp, ctx, params, batches);
}
