/**
 * The epoch loop every PAD phase shares: sample warm batches, take an Adam step on the phase's
 * variables, report the mean loss per epoch, yield and honour cancellation between batches.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import type { SeqBatchTensors } from '../../models/types';
import { createAdam } from '../../train/optimizer';
import type { Rng } from '../../train/rng';
import { warmBatchTensors, type WarmBatch, type WarmSampler } from './warmSampler';

/** Phases reported in progress. */
export type PadPhase = 'pretrain' | 'align' | 'finetune' | 'baseline';

/** One epoch's report. */
export interface PadProgress {
  readonly phase: PadPhase;
  readonly epoch: number;
  readonly loss: number;
}

/** Host hooks (all optional; a test passes none). */
export interface PadHooks {
  /** A phase starts (before its first batch); `epochs` is its length. */
  onPhase?(phase: PadPhase, epochs: number): void;
  onProgress?(p: PadProgress): void;
  /** Training is over; the trained model is being evaluated. */
  onEvaluate?(): void;
  yieldToEventLoop?(): Promise<void>;
  isCancelled?(): boolean;
}

/** What one phase trains. */
export interface PhaseSpec {
  readonly phase: PadPhase;
  readonly epochs: number;
  readonly learningRate: number;
  readonly variables: tf.Variable[];
  /** Variables with their own (larger) Adam learning rate, e.g. the gate logits. */
  readonly fast?: { readonly variables: tf.Variable[]; readonly learningRate: number };
  /** Loss of one batch (called inside the optimizer's tape). */
  loss(t: SeqBatchTensors, b: WarmBatch): tf.Scalar;
}

/** One update: gradients of every variable at once, each group through its own optimizer. */
function step(opts: readonly tf.Optimizer[], spec: PhaseSpec, b: WarmBatch): number {
  const t = warmBatchTensors(b);
  const groups = [spec.variables, spec.fast?.variables ?? []];
  try {
    const { value, grads } = tf.variableGrads(() => spec.loss(t, b), groups.flat());
    groups.forEach((vars, i) => {
      if (vars.length > 0) opts[i]?.applyGradients(Object.fromEntries(vars.map((v) => [v.name, grads[v.name] as tf.Tensor])));
    });
    const v = value.dataSync()[0] ?? NaN;
    tf.dispose([value, ...Object.values(grads)]);
    return v;
  } finally {
    tf.dispose([t.inputs, t.positives, t.negatives]);
  }
}

/** Runs a phase; throws RecForgeError('cancelled') when the host cancels. */
export async function runPhase(spec: PhaseSpec, sampler: WarmSampler, rng: Rng, hooks: PadHooks): Promise<void> {
  hooks.onPhase?.(spec.phase, spec.epochs);
  const opts = [createAdam(spec.learningRate), createAdam(spec.fast?.learningRate ?? spec.learningRate)];
  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      let sum = 0;
      const batches = sampler.epoch(rng);
      for (const b of batches) {
        const loss = step(opts, spec, b);
        if (!Number.isFinite(loss)) throw new RecForgeError('internal', `PAD ${spec.phase} diverged: loss ${loss}`);
        sum += loss;
        await hooks.yieldToEventLoop?.();
        if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'PAD training cancelled');
      }
      hooks.onProgress?.({ phase: spec.phase, epoch, loss: sum / Math.max(1, batches.length) });
    }
  } finally {
    opts.forEach((o) => o.dispose());
  }
}
