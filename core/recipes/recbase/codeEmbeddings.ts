/**
 * Decoder initial weights whose code-token embeddings come from the tokenizer's codebooks: the
 * embedding of level d's code k is e_{d,k} (a latentDim vector) through one fixed random
 * projection to the decoder width, rescaled per level to a given RMS. Codes that are close in the
 * quantiser's latent space (items of one topic) start close in the decoder, and with tied
 * embeddings they are also predicted together: what lets a small decoder, trained on a few
 * thousand sequences, carry a taste learned on some codes over to nearby codes — the held-out
 * domain's items. (Our addition; the paper's 0.3B+ decoder learns this from 35M users.)
 * Specials and disambiguation tokens keep their random initialisation.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { initLmWeights, requireWeight } from '../../models/lm/weights';
import type { LmWeights } from '../../models/lm/weights';
import { createRng } from '../../train/rng';
import { codeToken } from './codeVocab';
import type { CodeVocab } from './codeVocab';
import { param } from './quantiser';

const EMBEDDINGS = 'model.embed_tokens.weight';

/** Writes level d's codebook, projected by `projection` [latent × hidden] and scaled to `rms`, into `emb`. */
function writeLevel(emb: Float32Array, codebook: Float32Array, projection: Float32Array, hidden: number, rms: number, rowOf: (k: number) => number): void {
  const latent = projection.length / hidden;
  const codes = codebook.length / latent;
  const rows = new Float32Array(codes * hidden);
  for (let k = 0; k < codes; k++) {
    for (let l = 0; l < latent; l++) {
      const c = codebook[k * latent + l] ?? 0;
      for (let h = 0; h < hidden; h++) rows[k * hidden + h] = (rows[k * hidden + h] ?? 0) + c * (projection[l * hidden + h] ?? 0);
    }
  }
  const current = Math.sqrt(rows.reduce((s, v) => s + v * v, 0) / rows.length) || 1;
  for (let k = 0; k < codes; k++) emb.set(rows.subarray(k * hidden, (k + 1) * hidden).map((v) => (v * rms) / current), rowOf(k) * hidden);
}

/**
 * Fresh decoder weights (initLmWeights, `seed`) with code embeddings from the codebooks of
 * `quantiser`; `rms` ≤ 0 returns the plain random initialisation. The caller owns the result.
 */
export function codeInitialisedWeights(c: LmConfig, quantiser: ReadonlyMap<string, tf.Tensor>, vocab: CodeVocab, rms: number, seed: number): LmWeights {
  const weights = initLmWeights(c, seed);
  if (rms <= 0) return weights;
  const old = requireWeight(weights, EMBEDDINGS);
  const emb = Float32Array.from(old.dataSync());
  const latent = param(quantiser, 'codebook.0').shape[1] ?? 1;
  const rng = createRng(seed ^ 0x5eed);
  const projection = Float32Array.from({ length: latent * c.hiddenSize }, () => rng.nextNormal() / Math.sqrt(latent));
  for (let d = 0; d < vocab.levels; d++) {
    const codebook = Float32Array.from(param(quantiser, `codebook.${d}`).dataSync());
    writeLevel(emb, codebook, projection, c.hiddenSize, rms, (k) => codeToken(vocab, d, k));
  }
  weights.set(EMBEDDINGS, tf.tensor2d(emb, [c.vocabSize, c.hiddenSize]));
  old.dispose();
  return weights;
}
