/** Test-set AUC and LogLoss of a ReLLaX variant (batched inference, no gradients). */
import * as tf from '@tensorflow/tfjs';
import { collateCtr } from './ctrBatch';
import type { CtrSample } from './ctrData';
import { auc, logLoss } from './ctrMetrics';
import { ctrLogits, type RellaxContext } from './ctrForward';
import type { Prompt } from './prompt';

/** p(YES) of every sample, in order. */
export async function predictCtr(ctx: RellaxContext, params: ReadonlyMap<string, tf.Tensor>, samples: readonly CtrSample[], prompts: readonly Prompt[], batchSize: number, yieldFn?: () => Promise<void>): Promise<Float32Array> {
  const out = new Float32Array(samples.length);
  for (let s = 0; s < samples.length; s += batchSize) {
    const batch = collateCtr(samples.slice(s, s + batchSize), prompts.slice(s, s + batchSize), ctx.config.vocabSize, ctx.crm.maxLen);
    const probs = tf.tidy(() => {
      const reps = ctx.cflora ? ctx.crm.userReps(batch.crm, batch.rows) : null;
      return tf.sigmoid(ctrLogits(ctx, params, batch, reps));
    });
    out.set(probs.dataSync(), s);
    probs.dispose();
    await yieldFn?.();
  }
  return out;
}

/** AUC and LogLoss of predictions. */
export function ctrMetrics(probs: Float32Array, samples: readonly CtrSample[]): { auc: number; logLoss: number } {
  const labels = Float32Array.from(samples, (x) => x.label);
  return { auc: auc(probs, labels), logLoss: logLoss(probs, labels) };
}
