/**
 * One optimizer update: gradients of the mean token loss over k micro-batches, accumulated, then
 * clipped by global norm and applied with AdamW. Every micro-batch's summed loss is divided by the
 * scored-token count of the whole update (not of the micro-batch), so k micro-batches give the
 * gradient of one big batch — HF's per-micro-batch averaging does not when counts differ.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import type { Rng } from '../rng';
import { adamwStep, disposeAdamWState } from './adamw';
import type { AdamWHyper, AdamWState } from './adamw';
import { clipByGlobalNorm } from './clip';
import { flatStepsPay } from '../flatSteps';
import { flatClipAdamW } from './flatAdamW';
import { tokenNllSum } from './loss';
import type { MicroBatch } from './packing';
import { trainForward } from './trainForward';
import type { TrainableModel } from './trainables';

/** Gradients summed over micro-batches, and the mean loss they belong to. */
export interface AccumulatedGradients {
  readonly grads: Map<string, tf.Tensor>;
  readonly loss: number;
}

/** Inputs of gradient computation that stay fixed during a run. */
export interface GradientContext {
  readonly config: LmConfig;
  readonly model: TrainableModel;
  readonly dropoutRng: Rng | null;
}

/** The parts of a gradient context that do not change between micro-batches. */
export type GradientModel = Pick<GradientContext, 'config' | 'model'>;

/** One micro-batch of an update and the dropout stream its forward pass draws from. */
export interface MicroBatchWork {
  readonly batch: MicroBatch;
  readonly dropoutRng: Rng | null;
}

/** ∂(Σ token NLL of `batch` / total)/∂params and that scaled loss, for one micro-batch. */
function microGradients(ctx: GradientModel, params: ReadonlyMap<string, tf.Tensor>, work: MicroBatchWork, total: number): { value: tf.Scalar; grads: tf.Tensor[] } {
  const names = [...params.keys()];
  const lossOf = (...xs: tf.Tensor[]): tf.Scalar => {
    const stand = new Map(names.map((n, i) => [n, xs[i] as tf.Tensor]));
    const { weights, delta } = ctx.model.forwardInputs(stand, work.dropoutRng);
    const logits = trainForward(ctx.config, weights, work.batch.ids, work.batch.layout, delta);
    return tf.div(tokenNllSum(logits, work.batch.targets), total) as tf.Scalar;
  };
  return tf.tidy(() => tf.valueAndGrads(lossOf)([...params.values()]));
}

/** Scored tokens of an update (at least 1): what every micro-batch's summed loss is divided by. */
export function scoredTotal(batches: readonly MicroBatch[]): number {
  return Math.max(1, batches.reduce((n, b) => n + b.scored, 0));
}

/**
 * Σ over `work` of ∂(token NLL sum / total)/∂params, and Σ of those scaled losses. With
 * total = the update's scored tokens, parts of an update (micro-batches, or their rows on other
 * threads) add up to the update's mean-loss gradient.
 */
export async function sumGradients(ctx: GradientModel, params: ReadonlyMap<string, tf.Tensor>, work: readonly MicroBatchWork[], total: number): Promise<AccumulatedGradients> {
  const names = [...params.keys()];
  const sums = new Map<string, tf.Tensor>();
  let loss = 0;
  for (const w of work) {
    const { value, grads } = microGradients(ctx, params, w, total);
    // Asynchronous reads: GPU backends (WebGPU) have no reliable synchronous read-back.
    loss += (await value.data())[0] ?? NaN;
    value.dispose();
    grads.forEach((g, i) => {
      const name = names[i] as string;
      const prev = sums.get(name);
      sums.set(name, prev === undefined ? g : tf.tidy(() => tf.add(prev, g)));
      if (prev !== undefined) tf.dispose([prev, g]);
    });
  }
  return { grads: sums, loss };
}

/** Gradient of the mean loss over all micro-batches' scored tokens. */
export function accumulateGradients(ctx: GradientContext, params: ReadonlyMap<string, tf.Tensor>, batches: readonly MicroBatch[]): Promise<AccumulatedGradients> {
  return sumGradients(ctx, params, batches.map((batch) => ({ batch, dropoutRng: ctx.dropoutRng })), scoredTotal(batches));
}

/** How an update gets its gradients: here (accumulateGradients) or spread over threads. */
export type GradientsOf = (ctx: GradientContext, params: ReadonlyMap<string, tf.Tensor>, batches: readonly MicroBatch[]) => Promise<AccumulatedGradients>;

/** What one update did. */
export interface StepResult {
  readonly params: Map<string, tf.Tensor>;
  readonly state: AdamWState;
  readonly loss: number;
  readonly gradNorm: number; // before clipping
}

/** Options of trainStep. */
export interface StepOptions {
  readonly lr: number;
  readonly hyper: AdamWHyper;
  readonly clipNorm: number | null;
}

/**
 * Accumulate → clip → AdamW (on flat arrays on CPU backends: flatAdamW.ts). Consumes `params` and `state` (disposed, replaced by the result's)
 * so a training loop cannot keep using stale tensors. `gradientsOf` computes the accumulated
 * gradients (default: on this thread).
 */
export async function trainStep(ctx: GradientContext, params: Map<string, tf.Tensor>, state: AdamWState, batches: readonly MicroBatch[], opts: StepOptions, gradientsOf: GradientsOf = accumulateGradients): Promise<StepResult> {
  const acc = await gradientsOf(ctx, params, batches);
  if (flatStepsPay()) {
    const next = await flatClipAdamW(params, acc.grads, state, opts.lr, opts.hyper, opts.clipNorm);
    tf.dispose([...acc.grads.values(), ...params.values()]);
    disposeAdamWState(state);
    return { params: next.params, state: next.state, loss: acc.loss, gradNorm: next.gradNorm };
  }
  const clipped = clipByGlobalNorm(acc.grads, opts.clipNorm);
  const gradNorm = (await clipped.norm.data())[0] ?? NaN;
  const next = adamwStep(params, clipped.grads, state, opts.lr, opts.hyper);
  tf.dispose([...acc.grads.values(), ...clipped.grads.values(), clipped.norm, ...params.values()]);
  disposeAdamWState(state);
  return { params: next.params, state: next.state, loss: acc.loss, gradNorm };
}
