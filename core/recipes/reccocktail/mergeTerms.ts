/**
 * The exact cocktail as a differentiable function of λ: for every projection both adapters
 * target, W(λ) = W + λ·ΔW_g + (1 − λ)·ΔW_s with ΔW = scaling·B·A of each adapter (the issue's
 * merge; A and B are never mixed separately). ΔW_g and ΔW_s are computed once; a merge at a λ
 * tensor is then two multiply-adds per projection, so the gradient of anything scored with the
 * merged weights flows to λ (and through λ = sigmoid(θ) to θ). λ has one entry per decoder layer;
 * a global λ is the same value broadcast to every layer.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { loraPair, parseLoraTensorName, type LoraAdapter } from '../../models/lora/adapter';
import { loraScaling } from '../../models/lora/config';
import { layerOf } from './cocktail';

/** One targeted projection: its weight name, decoder layer and both scaled low-rank updates. */
interface MergeTerm {
  readonly key: string;
  readonly layer: number;
  readonly base: tf.Tensor;
  readonly spirit: tf.Tensor;
  readonly ingredient: tf.Tensor;
}

/** Both adapters' ΔW per targeted projection; dispose() frees the ΔWs (never the base). */
export interface MergeTerms {
  readonly terms: readonly MergeTerm[];
  readonly numLayers: number;
  dispose(): void;
}

function deltaW(adapter: LoraAdapter, modulePath: string): tf.Tensor {
  const pair = loraPair(adapter, modulePath);
  if (pair === null) throw new RecForgeError('validation', `both adapters must target ${modulePath}`);
  return tf.tidy(() => tf.mul(tf.matMul(pair.b, pair.a), loraScaling(adapter.config)));
}

/** Precomputes ΔW_g (base spirit) and ΔW_s (ingredient) of every projection the adapters target. */
export function mergeTerms(base: ReadonlyMap<string, tf.Tensor>, spirit: LoraAdapter, ingredient: LoraAdapter, numLayers: number): MergeTerms {
  const terms: MergeTerm[] = [];
  const dispose = (): void => tf.dispose(terms.flatMap((t) => [t.spirit, t.ingredient]));
  for (const name of spirit.tensors.keys()) {
    const parsed = parseLoraTensorName(name);
    if (parsed?.part !== 'A') continue;
    const key = `${parsed.modulePath}.weight`;
    const w = base.get(key);
    const layer = layerOf(parsed.modulePath);
    if (w === undefined || !(layer >= 0 && layer < numLayers)) {
      dispose();
      throw new RecForgeError('validation', `cannot merge LoRA into ${key}: no such base weight or layer`);
    }
    terms.push({ key, layer, base: w, spirit: deltaW(spirit, parsed.modulePath), ingredient: deltaW(ingredient, parsed.modulePath) });
  }
  return { terms, numLayers, dispose };
}

/** λ per layer [L] from the free parameters θ: sigmoid keeps λ1 = λ in (0, 1) and λ2 = 1 − λ; one θ is broadcast. */
export function lambdasOf(theta: tf.Tensor1D, numLayers: number): tf.Tensor1D {
  return tf.tidy(() => {
    const l = tf.sigmoid(theta);
    return (theta.shape[0] === 1 ? tf.tile(l, [numLayers]) : l) as tf.Tensor1D;
  });
}

/**
 * The base weights with W + λ_l·ΔW_g + (1 − λ_l)·ΔW_s for every targeted projection (new tensors
 * for those, shared ones for the rest; call inside tf.tidy or a gradient scope).
 */
export function mergedAt(base: ReadonlyMap<string, tf.Tensor>, m: MergeTerms, lambdas: tf.Tensor1D): Map<string, tf.Tensor> {
  const weights = new Map(base);
  for (const t of m.terms) {
    const l = tf.reshape(tf.slice(lambdas, [t.layer], [1]), []);
    weights.set(t.key, tf.add(t.base, tf.add(tf.mul(t.spirit, l), tf.mul(t.ingredient, tf.sub(1, l)))));
  }
  return weights;
}

/** Runs `f` on the base merged at fixed per-layer λs (no gradient) and frees the merged tensors afterwards. */
export async function withMergedAt<T>(base: ReadonlyMap<string, tf.Tensor>, m: MergeTerms, lambdas: readonly number[], f: (w: ReadonlyMap<string, tf.Tensor>) => Promise<T>): Promise<T> {
  const folded = tf.tidy(() => {
    const w = mergedAt(base, m, tf.tensor1d([...lambdas]));
    return m.terms.map((t) => w.get(t.key) as tf.Tensor);
  });
  const weights = new Map(base);
  m.terms.forEach((t, i) => weights.set(t.key, folded[i] as tf.Tensor));
  try {
    return await f(weights);
  } finally {
    tf.dispose(folded);
  }
}
