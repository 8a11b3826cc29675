/**
 * Stage 2 — ReLLaX's own training (§3.3–3.4; official code trains only `lora_gate` and
 * `ctr_input_embedding_prj`): the decoder and the stage-1 LoRA A/B are frozen; the SPA projector
 * and/or the CFLoRA generators learn from the CTR loss (BCE over softmax{YES, NO}), AdamW without
 * weight decay, seeded random mini-batches.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { adamwStep, defaultAdamW, disposeAdamWState, initAdamWState } from '../../train/lm/adamw';
import { createRng, mixSeed } from '../../train/rng';
import { collateCtr } from './ctrBatch';
import type { CtrSample } from './ctrData';
import { ctrLogits, ctrLoss, type RellaxContext } from './ctrForward';
import type { Prompt } from './prompt';
import type { RellaxSettings } from './settings';
import type { RellaxHooks } from './stage1';

function lossAndGrads(ctx: RellaxContext, params: Map<string, tf.Tensor>, samples: CtrSample[], prompts: Prompt[]): { loss: number; grads: Map<string, tf.Tensor> } {
  const names = [...params.keys()];
  const batch = collateCtr(samples, prompts, ctx.config.vocabSize, ctx.crm.maxLen);
  const reps = ctx.cflora ? ctx.crm.userReps(batch.crm, batch.rows) : null;
  try {
    const f = (...ts: tf.Tensor[]): tf.Scalar => ctrLoss(ctrLogits(ctx, new Map(names.map((n, i) => [n, ts[i] as tf.Tensor])), batch, reps), batch.labels);
    const { value, grads } = tf.valueAndGrads(f)(names.map((n) => params.get(n) as tf.Tensor));
    const loss = value.dataSync()[0] ?? NaN;
    value.dispose();
    return { loss, grads: new Map(names.map((n, i) => [n, grads[i] as tf.Tensor])) };
  } finally {
    reps?.dispose();
  }
}

/** Trains `params` in place (the map's tensors are replaced; old ones freed); `series` names the loss curve. */
export async function trainStage2(ctx: RellaxContext, params: Map<string, tf.Tensor>, train: readonly CtrSample[], prompts: readonly Prompt[], s: RellaxSettings, series: string, hooks: RellaxHooks): Promise<void> {
  const rng = createRng(mixSeed(s.seed, 41));
  let state = initAdamWState(params);
  const hyper = { ...defaultAdamW(), weightDecay: 0 };
  try {
    for (let step = 1; step <= s.stage2Steps; step++) {
      const idx = Array.from({ length: Math.min(s.batchSize, train.length) }, () => rng.nextInt(0, train.length));
      const { loss, grads } = lossAndGrads(ctx, params, idx.map((i) => train[i] as CtrSample), idx.map((i) => prompts[i] as Prompt));
      const next = adamwStep(params, grads, state, s.stage2Lr, hyper);
      tf.dispose([...grads.values(), ...params.values()]);
      disposeAdamWState(state);
      state = next.state;
      for (const [n, t] of next.params) params.set(n, t);
      if (!Number.isFinite(loss)) throw new RecForgeError('internal', `ReLLaX stage 2 diverged at step ${step}`);
      hooks.onProgress?.({ series, step, loss });
      await hooks.yieldToEventLoop?.();
      if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'ReLLaX stage 2 cancelled');
    }
  } finally {
    disposeAdamWState(state);
  }
}
