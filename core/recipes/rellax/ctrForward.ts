/**
 * The CTR score of a batch (ReLLa/TALLRec style, ReLLaX §3.1): the decoder reads the prompt and
 * the score is logit(YES) − logit(NO) at the last prompt token, i.e. p = softmax over {YES, NO}.
 * SPA swaps soft-slot embeddings in; CFLoRA replaces the LoRA delta by B·W(u)·A.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { lmForward } from '../../models/lm/forward';
import { loraDelta, type LoraAdapter } from '../../models/lora/adapter';
import { cfloraDelta, cfloraInteraction } from './cflora';
import type { CtrBatch } from './ctrBatch';
import type { Crm } from './crm';
import { weightsWithSoftRows } from './spa';
import { SPECIAL } from './vocab';

/** Frozen parts of a ReLLaX variant and its switches. */
export interface RellaxContext {
  readonly config: LmConfig;
  readonly base: ReadonlyMap<string, tf.Tensor>;
  readonly adapter: LoraAdapter;
  readonly crm: Crm;
  readonly spa: boolean;
  readonly cflora: boolean;
}

/** logit(YES) − logit(NO) [rows] for `batch`; `userReps` [rows, crmDim] needed when CFLoRA is on. */
export function ctrLogits(ctx: RellaxContext, params: ReadonlyMap<string, tf.Tensor>, batch: CtrBatch, userReps: tf.Tensor2D | null): tf.Tensor1D {
  return tf.tidy(() => {
    const weights = ctx.spa && batch.softItems.length > 0 ? weightsWithSoftRows(ctx.base, params, ctx.crm.itemEmb, batch.softItems).weights : ctx.base;
    const r = ctx.adapter.config.r;
    const reps = userReps;
    const delta = ctx.cflora && reps !== null ? cfloraDelta(ctx.adapter, batch.rows, (path) => (params.has(`cflora.${path}.w1`) ? cfloraInteraction(params, path, reps, r) : null)) : loraDelta(ctx.adapter);
    const ids = tf.tensor2d(batch.ids, [batch.rows, batch.length], 'int32');
    const { logits } = lmForward(ctx.config, weights, ids, { delta });
    const last = tf.gather(tf.reshape(logits, [-1, ctx.config.vocabSize]), tf.tensor1d(batch.lastIndex, 'int32'));
    const yesNo = tf.gather(last, tf.tensor1d([SPECIAL.yes, SPECIAL.no], 'int32'), 1);
    const [yes, no] = tf.split(yesNo, 2, 1) as [tf.Tensor, tf.Tensor];
    return tf.reshape(tf.sub(yes, no), [batch.rows]) as tf.Tensor1D;
  });
}

/** Mean BCE of σ(score) against labels. */
export function ctrLoss(scores: tf.Tensor1D, labels: Float32Array): tf.Scalar {
  return tf.tidy(() => {
    const y = tf.tensor1d(labels);
    // −y·log σ(s) − (1 − y)·log(1 − σ(s)) = softplus(s) − y·s
    return tf.mean(tf.sub(tf.softplus(scores), tf.mul(y, scores))) as tf.Scalar;
  });
}
