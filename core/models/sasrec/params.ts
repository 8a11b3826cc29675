/**
 * SASRec variables, initialised as pmixer's PyTorch SASRec does: xavier-normal for every matrix
 * (embeddings included), PyTorch defaults for what xavier skips (1-D: layer norms 1/0, Conv1d
 * biases uniform ±1/sqrt(fan_in), attention biases 0). Row 0 of the item table is padding.
 */
import * as tf from '@tensorflow/tfjs';
import type { SasRecConfig } from '../../protocol/dto';
import type { Rng } from '../../train/rng';
import type { DenseParams } from '../nn/dense';
import { fanInUniformVariable, normalValues, xavierNormalVariable, xavierStd, zerosVariable } from '../nn/init';
import { initLayerNorm, type LayerNormParams } from '../nn/layerNorm';

/**
 * One block: attention (Q from the normed input, K and V from the raw input) and the FFN.
 * K and V are separate matmuls rather than one fused [d, 2d]: splitting the fused output costs
 * ~10 ms per call on wasm (slow SplitV/Slice kernels), more than the second matmul.
 */
export interface SasRecBlockParams {
  readonly attnNorm: LayerNormParams;
  readonly query: DenseParams; // [d, d]
  readonly key: DenseParams; // [d, d]
  readonly value: DenseParams; // [d, d]
  readonly out: DenseParams; // [d, d]
  readonly ffnNorm: LayerNormParams;
  readonly ffn1: DenseParams; // [d, d]
  readonly ffn2: DenseParams; // [d, d]
}

/** All SASRec variables. */
export interface SasRecParams {
  readonly itemEmb: tf.Variable; // [numItems + 1, d]
  readonly posEmb: tf.Variable; // [maxLen, d]
  readonly blocks: readonly SasRecBlockParams[];
  readonly finalNorm: LayerNormParams;
}

function initBlock(d: number, rng: Rng): SasRecBlockParams {
  return {
    attnNorm: initLayerNorm(d),
    // PyTorch MultiheadAttention: in_proj_weight [3d, d] xavier-normal as one matrix, biases 0.
    query: { w: xavierNormalVariable([d, d], d, 3 * d, rng), b: zerosVariable([d]) },
    key: { w: xavierNormalVariable([d, d], d, 3 * d, rng), b: zerosVariable([d]) },
    value: { w: xavierNormalVariable([d, d], d, 3 * d, rng), b: zerosVariable([d]) },
    out: { w: xavierNormalVariable([d, d], d, d, rng), b: zerosVariable([d]) },
    ffnNorm: initLayerNorm(d),
    ffn1: { w: xavierNormalVariable([d, d], d, d, rng), b: fanInUniformVariable([d], d, rng) },
    ffn2: { w: xavierNormalVariable([d, d], d, d, rng), b: fanInUniformVariable([d], d, rng) },
  };
}

/** Fresh variables for `numItems` items; deterministic in the rng state. */
export function initSasRecParams(config: SasRecConfig, numItems: number, rng: Rng): SasRecParams {
  const d = config.hidden;
  const itemEmb = initItemEmbedding(numItems, d, rng);
  const posEmb = xavierNormalVariable([config.maxLen, d], config.maxLen, d, rng);
  const blocks = Array.from({ length: config.blocks }, () => initBlock(d, rng));
  return { itemEmb, posEmb, blocks, finalNorm: initLayerNorm(d) };
}

/** Xavier-normal item table whose padding row 0 is zero (it only meets masked positions). */
function initItemEmbedding(numItems: number, d: number, rng: Rng): tf.Variable {
  const values = normalValues((numItems + 1) * d, xavierStd(numItems + 1, d), rng);
  values.fill(0, 0, d);
  return tf.tidy(() => tf.variable(tf.tensor2d(values, [numItems + 1, d])));
}

/** Stable names → variables, in a fixed order (checkpoint keys; optimizer variable list). */
export function sasrecVariables(p: SasRecParams): Map<string, tf.Variable> {
  const out = new Map<string, tf.Variable>([
    ['item_emb', p.itemEmb],
    ['pos_emb', p.posEmb],
  ]);
  const addNorm = (prefix: string, n: LayerNormParams): void => {
    out.set(`${prefix}.gamma`, n.gamma);
    out.set(`${prefix}.beta`, n.beta);
  };
  const addDense = (prefix: string, l: DenseParams): void => {
    out.set(`${prefix}.w`, l.w);
    out.set(`${prefix}.b`, l.b);
  };
  p.blocks.forEach((b, i) => {
    addNorm(`blocks.${i}.attn_norm`, b.attnNorm);
    addDense(`blocks.${i}.query`, b.query);
    addDense(`blocks.${i}.key`, b.key);
    addDense(`blocks.${i}.value`, b.value);
    addDense(`blocks.${i}.attn_out`, b.out);
    addNorm(`blocks.${i}.ffn_norm`, b.ffnNorm);
    addDense(`blocks.${i}.ffn1`, b.ffn1);
    addDense(`blocks.${i}.ffn2`, b.ffn2);
  });
  addNorm('final_norm', p.finalNorm);
  return out;
}
