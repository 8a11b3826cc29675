/**
 * PAD's towers (paper §3.3 "triple experts"): three SASRec user encoders that differ in their item
 * table — the rec-specific expert reads ID embeddings, the LLM-specific expert reads a projection of
 * the frozen text embeddings, and the aligned expert reads ID ⊕ aligned-text (official
 * `item_tower modal_cat`: concatenation, then a dense layer back to the model width). Each expert
 * owns its own embeddings ("disentangled"), so fine-tuning one cannot overwrite another.
 */
import * as tf from '@tensorflow/tfjs';
import type { SasRecConfig } from '../../protocol/dto';
import { encodeSequence } from '../../models/sasrec/encoder';
import { initSasRecParams, sasrecVariables, type SasRecParams } from '../../models/sasrec/params';
import { dense, type DenseParams } from '../../models/nn/dense';
import { fanInUniformVariable, xavierNormalVariable } from '../../models/nn/init';
import type { Rng } from '../../train/rng';

/** Which item table a tower scores with. */
export type TowerKind = 'id' | 'text' | 'aligned';

/** One expert: a SASRec encoder plus what builds its item table. */
export interface Tower {
  readonly kind: TowerKind;
  readonly enc: SasRecParams;
  /** text → width projector (text and aligned towers). */
  readonly proj: DenseParams | null;
  /** [id ⊕ text] → width fusion (aligned tower). */
  readonly fuse: DenseParams | null;
}

/** Dense layer [inDim → outDim], xavier weights and fan-in bias. */
export function initDense(inDim: number, outDim: number, rng: Rng): DenseParams {
  return { w: xavierNormalVariable([inDim, outDim], inDim, outDim, rng), b: fanInUniformVariable([outDim], inDim, rng) };
}

/** A fresh tower of `kind`. */
export function initTower(kind: TowerKind, c: SasRecConfig, numItems: number, textDim: number, rng: Rng): Tower {
  const enc = initSasRecParams(c, numItems, rng);
  const proj = kind === 'id' ? null : initDense(textDim, c.hidden, rng);
  const fuse = kind === 'aligned' ? initDense(2 * c.hidden, c.hidden, rng) : null;
  return { kind, enc, proj, fuse };
}

/** Item table [numItems + 1, d] of the tower (computed inside the caller's tape for text parts). */
export function itemTable(t: Tower, text: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    if (t.kind === 'id' || t.proj === null) return t.enc.itemEmb.clone() as tf.Tensor2D;
    const textPart = dense(text, t.proj) as tf.Tensor2D;
    if (t.kind === 'text' || t.fuse === null) return textPart;
    return dense(tf.concat([t.enc.itemEmb, textPart], 1), t.fuse) as tf.Tensor2D;
  });
}

/** Hidden states [B, T, d] of histories, encoded with `table` as the item embedding. */
export function encodeWith(t: Tower, table: tf.Tensor2D, inputs: tf.Tensor2D, c: SasRecConfig, rng: Rng | null): tf.Tensor3D {
  // The encoder only gathers from itemEmb and reads its width, so a computed table can stand in.
  const params: SasRecParams = { ...t.enc, itemEmb: table as tf.Variable };
  return encodeSequence(params, inputs, { training: rng !== null, rng, dropout: c.dropout, heads: c.heads });
}

/** Trainable variables of the tower. */
export function towerVariables(t: Tower): tf.Variable[] {
  const out = [...sasrecVariables(t.enc).values()];
  for (const d of [t.proj, t.fuse]) if (d !== null) out.push(d.w, d.b);
  return out;
}

/** Copies every encoder value of `from` into `to` (same config). */
export function copyEncoder(from: SasRecParams, to: SasRecParams): void {
  const src = sasrecVariables(from);
  for (const [name, v] of sasrecVariables(to)) {
    const s = src.get(name);
    if (s !== undefined) v.assign(s);
  }
}

/** Frees a tower. */
export function disposeTower(t: Tower): void {
  tf.dispose(towerVariables(t));
}
