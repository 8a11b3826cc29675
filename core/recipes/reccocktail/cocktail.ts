/**
 * The LoRA cocktail (RecCocktail §3.3). Two forms:
 * - 'exact': ΔW = λ·ΔW_base + (1 − λ)·ΔW_ingredient, written as ONE PEFT adapter by concatenating
 *   ranks (A = [λ·s_b·A_b ; (1−λ)·s_i·A_i], B = [B_b, B_i], scaling 1) — PEFT's `cat` combination,
 *   with no cross terms (cf. huggingface/peft PR #3013). The reference code's forward,
 *   Σ_i w_i·B_i·A_i·x, is this form.
 * - 'paper-ab': the paper's Eq. (7) read literally, A_m = λ·A_b + (1−λ)·A_i and
 *   B_m = λ·B_b + (1−λ)·B_i at the original rank, so ΔW_m = B_m·A_m contains cross terms
 *   λ(1−λ)(B_b·A_i + B_i·A_b). Both adapters must share rank and scaling.
 * λ is the paper's λ1 (base spirit); λ2 = 1 − λ (§3.3 constrains λ1 + λ2 = 1, both in [0, 1]).
 * λ is global (one number) or per layer (one per decoder block, the "global or per layer").
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { loraScaling, type LoraConfig } from '../../models/lora/config';
import type { LoraAdapter } from '../../models/lora/adapter';
import type { MergeMode } from './settings';

/** The base spirit's share: one for every layer, or one per decoder layer (index = layer). */
export type CocktailLambda = number | readonly number[];

/** λ in [0, 1], and a per-layer λ has exactly one entry per decoder layer (checked before any tensor is built). */
function checkLambda(lambda: CocktailLambda, numLayers: number): void {
  if (typeof lambda !== 'number' && lambda.length !== numLayers) {
    const expected = `${numLayers} λs, one per decoder layer`;
    throw new RecForgeError('validation', `per-layer λ has ${lambda.length} entries, the model has ${numLayers} decoder layers`, { file: 'reccocktail', field: 'layers', expected });
  }
  for (const l of typeof lambda === 'number' ? [lambda] : lambda) {
    if (!(l >= 0 && l <= 1)) throw new RecForgeError('validation', `λ must be in [0, 1], got ${l}`, { file: 'reccocktail', field: 'lambda' });
  }
}

/** Decoder layer of a module path or PEFT tensor name (`….layers.3.self_attn…` → 3; NaN if none). */
export function layerOf(name: string): number {
  return Number(/\.layers\.(\d+)\./.exec(name)?.[1] ?? NaN);
}

/** λ of the module a PEFT tensor belongs to (per-layer λ: the tensor's decoder layer). */
export function lambdaOfTensor(lambda: CocktailLambda, tensorName: string): number {
  if (typeof lambda === 'number') return lambda;
  const l = lambda[layerOf(tensorName)];
  if (l === undefined) throw new RecForgeError('validation', `no per-layer λ for ${tensorName} (${lambda.length} given)`, { file: 'reccocktail', field: 'lambda' });
  return l;
}

/** A single number for tables and file names: the global λ, or the mean of the per-layer ones. */
export function meanLambda(lambda: CocktailLambda): number {
  return typeof lambda === 'number' ? lambda : lambda.reduce((a, b) => a + b, 0) / Math.max(1, lambda.length);
}

function sameKeys(a: LoraAdapter, b: LoraAdapter): void {
  const ka = [...a.tensors.keys()].sort().join('|');
  if (ka !== [...b.tensors.keys()].sort().join('|')) throw new RecForgeError('validation', 'base spirit and ingredient adapters must target the same modules');
}

/**
 * The merged tensor of every PEFT name, built in one tidy scope: if a name cannot be merged
 * (e.g. a tensor outside any decoder layer under a per-layer λ) the ones already built are freed.
 */
function mergeEach(base: LoraAdapter, ing: LoraAdapter, merge: (name: string, tb: tf.Tensor, ti: tf.Tensor) => tf.Tensor): Map<string, tf.Tensor> {
  const merged = tf.tidy(() => {
    const out: Record<string, tf.Tensor> = {};
    for (const [name, tb] of base.tensors) out[name] = merge(name, tb, ing.tensors.get(name) as tf.Tensor);
    return out;
  });
  return new Map(Object.entries(merged));
}

/** Exact weighted sum as one rank-(r_b + r_i) adapter. */
function exactCocktail(base: LoraAdapter, ing: LoraAdapter, lambda: CocktailLambda): LoraAdapter {
  const r = base.config.r + ing.config.r;
  const config: LoraConfig = { ...base.config, r, lora_alpha: r, use_rslora: false };
  const tensors = mergeEach(base, ing, (name, tb, ti) => {
    const l = lambdaOfTensor(lambda, name);
    const [wb, wi] = [l * loraScaling(base.config), (1 - l) * loraScaling(ing.config)];
    return name.endsWith('.lora_A.weight') ? tf.concat([tf.mul(tb, wb), tf.mul(ti, wi)], 0) : tf.concat([tb, ti], 1);
  });
  return { config, tensors };
}

/** Eq. (7): interpolate A and B separately at the shared rank. */
function paperCocktail(base: LoraAdapter, ing: LoraAdapter, lambda: CocktailLambda): LoraAdapter {
  if (base.config.r !== ing.config.r || loraScaling(base.config) !== loraScaling(ing.config)) {
    throw new RecForgeError('validation', "the paper's A/B interpolation needs adapters of equal rank and scaling");
  }
  const tensors = mergeEach(base, ing, (name, tb, ti) => {
    const l = lambdaOfTensor(lambda, name);
    return tf.add(tf.mul(tb, l), tf.mul(ti, 1 - l));
  });
  return { config: base.config, tensors };
}

/**
 * The cocktail adapter for weight λ on the base spirit (new tensors; the caller disposes them).
 * `numLayers` is the base model's decoder depth: a per-layer λ must have exactly that many entries.
 */
export function cocktailAdapter(base: LoraAdapter, ingredient: LoraAdapter, lambda: CocktailLambda, numLayers: number, mode: MergeMode = 'exact'): LoraAdapter {
  checkLambda(lambda, numLayers);
  sameKeys(base, ingredient);
  return mode === 'exact' ? exactCocktail(base, ingredient, lambda) : paperCocktail(base, ingredient, lambda);
}
