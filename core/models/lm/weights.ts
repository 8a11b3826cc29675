/**
 * The HF tensor names and shapes of a decoder (`model.layers.{i}.self_attn.q_proj.weight` [out, in], …),
 * parameter counts and memory estimates, and freshly initialised weights.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { createRng } from '../../train/rng';
import type { LmConfig } from './config';

/** Decoder weights keyed by HF tensor name. The map owns its tensors. */
export type LmWeights = Map<string, tf.Tensor>;

/** The seven linear projections of a decoder layer (PEFT target_modules names). */
export const PROJECTIONS = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** Module path of a projection, e.g. `model.layers.0.self_attn.q_proj`. */
export function projectionPath(layer: number, proj: Projection): string {
  const block = proj === 'gate_proj' || proj === 'up_proj' || proj === 'down_proj' ? 'mlp' : 'self_attn';
  return `model.layers.${layer}.${block}.${proj}`;
}

/** [out, in] of a projection's weight. */
export function projectionShape(c: LmConfig, proj: Projection): [number, number] {
  const q = c.numHeads * c.headDim;
  const kv = c.numKvHeads * c.headDim;
  const shapes: Record<Projection, [number, number]> = {
    q_proj: [q, c.hiddenSize],
    k_proj: [kv, c.hiddenSize],
    v_proj: [kv, c.hiddenSize],
    o_proj: [c.hiddenSize, q],
    gate_proj: [c.intermediateSize, c.hiddenSize],
    up_proj: [c.intermediateSize, c.hiddenSize],
    down_proj: [c.hiddenSize, c.intermediateSize],
  };
  return shapes[proj];
}

function hasBias(c: LmConfig, proj: Projection): boolean {
  if (proj === 'q_proj' || proj === 'k_proj' || proj === 'v_proj') return c.qkvBias;
  return proj === 'o_proj' && c.oBias;
}

function layerShapes(c: LmConfig, i: number, out: Map<string, number[]>): void {
  out.set(`model.layers.${i}.input_layernorm.weight`, [c.hiddenSize]);
  for (const proj of PROJECTIONS) {
    const shape = projectionShape(c, proj);
    out.set(`${projectionPath(i, proj)}.weight`, shape);
    if (hasBias(c, proj)) out.set(`${projectionPath(i, proj)}.bias`, [shape[0]]);
  }
  out.set(`model.layers.${i}.post_attention_layernorm.weight`, [c.hiddenSize]);
}

/** Every tensor the checkpoint must hold, name → shape, in HF order (lm_head only when untied). */
export function expectedTensorShapes(c: LmConfig): Map<string, number[]> {
  const out = new Map<string, number[]>([['model.embed_tokens.weight', [c.vocabSize, c.hiddenSize]]]);
  for (let i = 0; i < c.numLayers; i++) layerShapes(c, i, out);
  out.set('model.norm.weight', [c.hiddenSize]);
  if (!c.tieWordEmbeddings) out.set('lm_head.weight', [c.vocabSize, c.hiddenSize]);
  return out;
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Number of parameters (tied embeddings counted once). */
export function parameterCount(c: LmConfig): number {
  let n = 0;
  for (const shape of expectedTensorShapes(c).values()) n += size(shape);
  return n;
}

/** Rough memory needs of inference, in bytes. */
export interface LmMemoryEstimate {
  readonly weightBytes: number;
  /** Keys and values of every layer for `batch` × `seqLen` tokens (float32). */
  readonly kvCacheBytes: number;
  /** Largest transient activations: attention scores of one layer plus the logits (float32). */
  readonly activationBytes: number;
  readonly totalBytes: number;
}

/** Estimates memory for a forward pass over `batch` sequences of `seqLen` tokens. */
export function estimateLmMemory(c: LmConfig, batch = 1, seqLen = c.maxPositionEmbeddings, bytesPerWeight = 4): LmMemoryEstimate {
  const weightBytes = parameterCount(c) * bytesPerWeight;
  const kvCacheBytes = 2 * c.numLayers * batch * seqLen * c.numKvHeads * c.headDim * 4;
  const activationBytes = (batch * c.numHeads * seqLen * seqLen + batch * seqLen * c.vocabSize) * 4;
  return { weightBytes, kvCacheBytes, activationBytes, totalBytes: weightBytes + kvCacheBytes + activationBytes };
}

/** The tensor `name`, or RecForgeError('validation') naming it. */
export function requireWeight(weights: ReadonlyMap<string, tf.Tensor>, name: string): tf.Tensor {
  const t = weights.get(name);
  if (t === undefined) throw new RecForgeError('validation', `LM weights have no tensor ${name}`);
  return t;
}

/**
 * Fresh weights for pretraining from scratch: Normal(0, std²) matrices (HF initializer_range),
 * zero biases, unit norms. Deterministic in `seed`.
 */
export function initLmWeights(c: LmConfig, seed: number, std = 0.02): LmWeights {
  const rng = createRng(seed);
  const out: LmWeights = new Map();
  for (const [name, shape] of expectedTensorShapes(c)) {
    const values = new Float32Array(size(shape));
    if (name.endsWith('norm.weight')) values.fill(1);
    else if (!name.endsWith('.bias')) for (let k = 0; k < values.length; k++) values[k] = rng.nextNormal() * std;
    out.set(name, tf.tensor(values, shape, 'float32'));
  }
  return out;
}

/** Disposes every tensor of a weights map and clears it. */
export function disposeWeights(weights: Map<string, tf.Tensor>): void {
  for (const t of weights.values()) t.dispose();
  weights.clear();
}
