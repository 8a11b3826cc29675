/**
 * Soft Prompt Augmentation (ReLLaX §3.3): the frozen CRM's item embedding goes through a two-layer
 * MLP (official `ctr_input_embedding_prj`: Linear(embed, d_llm) → GELU → Linear(d_llm, d_llm)) and
 * becomes the input embedding of the soft token placed after the item's text. lmForward takes token
 * ids, so each soft slot gets a fresh id past the vocabulary and its row is appended to the
 * embedding table for this batch only (gradients reach the projector through the concat). Needs an
 * untied lm_head so the extra rows never become output classes.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../train/rng';
import { mlp2 } from './gelu';

const EMBED = 'model.embed_tokens.weight';

/** Adds the projector `spa.{w1,b1,w2,b2}` ([crmDim → dLlm → dLlm]) to `params`. */
export function initSpaProjector(params: Map<string, tf.Tensor>, crmDim: number, dLlm: number, rng: Rng): void {
  const xavier = (a: number, b: number): tf.Tensor => tf.tensor2d(Float32Array.from({ length: a * b }, () => rng.nextNormal() * Math.sqrt(2 / (a + b)) * 0.5), [a, b]);
  params.set('spa.w1', xavier(crmDim, dLlm));
  params.set('spa.b1', tf.zeros([dLlm]));
  params.set('spa.w2', xavier(dLlm, dLlm));
  params.set('spa.b2', tf.zeros([dLlm]));
}

/**
 * Decoder weights whose embedding table has one extra row per soft slot: row vocab + s is
 * projector(crmItemEmb[softItems[s]]). Only the embedding entry is new; the rest are shared.
 */
export function weightsWithSoftRows(base: ReadonlyMap<string, tf.Tensor>, params: ReadonlyMap<string, tf.Tensor>, crmItemEmb: tf.Tensor2D, softItems: Int32Array): { weights: Map<string, tf.Tensor>; extra: tf.Tensor } {
  const embed = base.get(EMBED);
  if (embed === undefined) throw new Error(`decoder has no ${EMBED}`);
  const extra = tf.tidy(() => {
    const rows = mlp2(tf.gather(crmItemEmb, tf.tensor1d(softItems, 'int32')) as tf.Tensor2D, params, 'spa');
    return tf.concat([embed, rows], 0);
  });
  const weights = new Map(base);
  weights.set(EMBED, extra);
  return { weights, extra };
}
