/**
 * Entropy-guided λ by gradient descent (RecCocktail §3.3, Eq. 8 — "entropy minimization … to
 * update coefficients λ1 and λ2", as AdaMerging does): Adam on θ with λ = sigmoid(θ), so
 * λ1 = λ and λ2 = 1 − λ stay on the simplex by construction; one θ for the whole model (global)
 * or one per decoder layer. Each step generates the first k tokens of every unlabeled prompt
 * greedily under the current λ, holds them fixed, and differentiates the mean entropy of the k
 * next-token distributions through the exact merge W + λ·ΔW_g + (1 − λ)·ΔW_s. Labels are never
 * read. The run starts from the entropy grid's minimum (the grid is the reference and the
 * initialisation) and returns the λ of lowest measured entropy — the start itself included: a grid
 * minimum at λ = 0 or 1 lies where sigmoid(θ) only tends to, so Adam starts just inside (0.02 /
 * 0.98) and the exact end point stays a candidate.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import type { CocktailLambda } from './cocktail';
import { batchedEntropy, firstTokensEntropyOf, greedyContinuations, type EntropyPrompt } from './entropyBatch';
import { lambdasOf, mergedAt, withMergedAt, type MergeTerms } from './mergeTerms';

/** One θ for every layer, or one per decoder layer. */
export type LambdaScope = 'global' | 'per-layer';

/** How λ is optimised. */
export interface LambdaGradientOptions {
  readonly scope: LambdaScope;
  /** Adam updates of θ (≥ 0). */
  readonly steps: number;
  /** Adam learning rate on θ (λ moves ≈ lr·λ(1 − λ) per step). */
  readonly lr: number;
  /** Generated tokens whose entropy is averaged (paper: 3). */
  readonly firstTokens: number;
  /** Starting λ, e.g. the entropy grid's minimum; clamped to [0.02, 0.98] where sigmoid still has slope. */
  readonly init: number;
  /** Generate and read within the tokens that continue one of each prompt's candidates ('candidate-tokens'). */
  readonly constrained?: boolean;
}

/** The state after one measurement. */
export interface LambdaGradientStep {
  readonly step: number;
  readonly entropy: number;
  /** λ per layer. */
  readonly lambdas: readonly number[];
}

/** The chosen λ (a number when global), its entropy, where it started and every step. */
export interface LambdaGradientResult {
  readonly lambda: CocktailLambda;
  readonly entropy: number;
  /** The starting λ as given (e.g. the grid minimum) with its entropy, measured like the steps. */
  readonly start: LambdaGradientStep;
  /** Where Adam started: the start clamped to [0.02, 0.98]. */
  readonly init: number;
  readonly trace: readonly LambdaGradientStep[];
}

/** Entropy at θ and dH/dθ. */
export interface EntropyGradient {
  readonly entropy: number;
  readonly gradient: number[];
  readonly lambdas: number[];
}

/** Prompts per forward/backward: about 2^24 logits at once (a 150k vocabulary runs one long prompt at a time). */
function chunkSize(prompts: readonly EntropyPrompt[], k: number, vocab: number): number {
  const t = Math.max(1, ...prompts.map((p) => p.prompt.length)) + k;
  return Math.max(1, Math.floor(2 ** 24 / (t * vocab)));
}

/** Mean first-k-token entropy over `prompts` at θ and its gradient; the tokens are greedy at θ and held fixed. */
export async function entropyGradient(lm: LmConfig, base: ReadonlyMap<string, tf.Tensor>, m: MergeTerms, prompts: readonly EntropyPrompt[], theta: readonly number[], k: number, constrained = false): Promise<EntropyGradient> {
  const thetaT = tf.tensor1d([...theta]);
  const lambdasT = lambdasOf(thetaT, m.numLayers);
  const lambdas = Array.from(await lambdasT.data());
  lambdasT.dispose();
  const size = chunkSize(prompts, k, lm.vocabSize);
  const gradient = theta.map(() => 0);
  let entropy = 0;
  try {
    for (let i = 0; i < prompts.length; i += size) {
      const chunk = prompts.slice(i, i + size);
      const tokens = await withMergedAt(base, m, lambdas, (w) => greedyContinuations(lm, w, chunk, k, constrained));
      const f = (th: tf.Tensor1D): tf.Scalar => firstTokensEntropyOf(lm, mergedAt(base, m, lambdasOf(th, m.numLayers)), tokens, k);
      const { value, grad } = tf.valueAndGrad(f)(thetaT);
      const [h, g] = [await value.data(), await grad.data()];
      tf.dispose([value, grad]);
      const share = chunk.length / prompts.length;
      entropy += (h[0] ?? NaN) * share;
      g.forEach((x, j) => (gradient[j] = (gradient[j] ?? 0) + x * share));
    }
  } finally {
    thetaT.dispose();
  }
  return { entropy, gradient, lambdas };
}

/** Mean first-k-token entropy at fixed per-layer λs (no gradient), computed exactly as the steps compute it. */
async function entropyAt(lm: LmConfig, base: ReadonlyMap<string, tf.Tensor>, m: MergeTerms, prompts: readonly EntropyPrompt[], lambdas: readonly number[], k: number, constrained: boolean): Promise<number> {
  return withMergedAt(base, m, lambdas, (w) => batchedEntropy(lm, w, prompts, k, constrained, chunkSize(prompts, k, lm.vocabSize)));
}

const logit = (p: number): number => Math.log(p / (1 - p));

/** Adam (β 0.9 / 0.999, bias-corrected) on a few numbers. */
function adam(lr: number): (theta: number[], g: readonly number[], t: number) => number[] {
  const m: number[] = [];
  const v: number[] = [];
  return (theta, g, t) =>
    theta.map((x, j) => {
      const gj = g[j] ?? 0;
      m[j] = 0.9 * (m[j] ?? 0) + 0.1 * gj;
      v[j] = 0.999 * (v[j] ?? 0) + 0.001 * gj * gj;
      return x - (lr * ((m[j] ?? 0) / (1 - 0.9 ** t))) / (Math.sqrt((v[j] ?? 0) / (1 - 0.999 ** t)) + 1e-8);
    });
}

/** Optimises λ on unlabeled prompts; `between` runs after every step (yield, cancellation). */
export async function optimiseLambda(lm: LmConfig, base: ReadonlyMap<string, tf.Tensor>, m: MergeTerms, prompts: readonly EntropyPrompt[], o: LambdaGradientOptions, between?: () => Promise<void>): Promise<LambdaGradientResult> {
  const init = Math.min(0.98, Math.max(0.02, o.init));
  let theta = Array.from({ length: o.scope === 'global' ? 1 : m.numLayers }, () => logit(init));
  const update = adam(o.lr);
  const trace: LambdaGradientStep[] = [];
  for (let step = 0; step <= o.steps; step++) {
    const r = await entropyGradient(lm, base, m, prompts, theta, o.firstTokens, o.constrained === true);
    trace.push({ step, entropy: r.entropy, lambdas: r.lambdas });
    if (step < o.steps) theta = update(theta, r.gradient, step + 1);
    await between?.();
  }
  const startLambdas = Array.from({ length: m.numLayers }, () => o.init);
  const start = { step: -1, entropy: init === o.init ? (trace[0]?.entropy ?? NaN) : await entropyAt(lm, base, m, prompts, startLambdas, o.firstTokens, o.constrained === true), lambdas: startLambdas };
  const best = trace.reduce((a, b) => (b.entropy < a.entropy ? b : a), start);
  return { lambda: o.scope === 'global' ? (best.lambdas[0] ?? init) : best.lambdas, entropy: best.entropy, start, init, trace };
}
