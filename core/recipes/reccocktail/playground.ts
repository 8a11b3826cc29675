/**
 * The trained cocktail kept alive: base weights, the two adapters and the fixed case sets, so a
 * λ can be merged and ranked on demand (evaluateAtLambda) and the entropy of the unlabeled prompts
 * measured (entropyAtLambda). Scoring runs on the base with the merged adapter folded in
 * (mergedWeights.ts); every merged adapter is freed after use.
 */
import * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { disposeLoraAdapter, type LoraAdapter } from '../../models/lora/adapter';
import { rankCases, type RankCase, type RankMetrics } from '../llm/rankEval';
import { cocktailAdapter, meanLambda, type CocktailLambda } from './cocktail';
import { meanEntropy } from './entropy';
import { optimiseLambda, type LambdaGradientResult, type LambdaScope } from './lambdaGradient';
import { mergeTerms } from './mergeTerms';
import { withFolded } from '../llm/mergedWeights';
import type { EntropyObjective, LambdaSearch, MergeMode } from './settings';

/** The fixed case sets of a run. */
export interface CaseSets {
  readonly valid: readonly RankCase[];
  readonly warm: readonly RankCase[];
  readonly cold: readonly RankCase[];
  /** Cases of the new items set aside for validation (grid λ for new items); empty when none were (and in older runs). */
  readonly coldValid?: readonly RankCase[];
  /** ≤ 100 test prompts per scenario whose labels are never read. */
  readonly entropy: { readonly warm: readonly RankCase[]; readonly cold: readonly RankCase[] };
}

/** An inference scenario of the target domain: items seen in training, or new items. */
export type Scenario = 'warm' | 'cold';

/** How merging and entropy are computed. */
export interface CocktailOptions {
  readonly mergeMode: MergeMode;
  readonly entropyObjective: EntropyObjective;
  readonly firstTokens: number;
  /** How the entropy λ is found (absent in runs saved before the gradient search: grid). */
  readonly lambdaSearch?: LambdaSearch;
  readonly lambdaScope?: LambdaScope;
  readonly lambdaSteps?: number;
  readonly lambdaLr?: number;
}

/** Adam updates of θ per scenario when a run's state does not say (runs saved before the setting). */
export const DEFAULT_LAMBDA_STEPS = 30;

/** Metrics of the cocktail at one λ. */
export interface LambdaEvaluation {
  /** The global λ, or the mean of the per-layer ones (`layers`). */
  readonly lambda: number;
  readonly layers?: readonly number[];
  readonly valid: RankMetrics;
  readonly warm: RankMetrics;
  readonly cold: RankMetrics;
  /** Ranks of the cold validation slice (absent without one). */
  readonly coldValid?: RankMetrics;
}

/** A live cocktail; call dispose() when done. */
export interface CocktailPlayground {
  readonly lm: LmConfig;
  readonly base: ReadonlyMap<string, tf.Tensor>;
  readonly baseSpirit: LoraAdapter;
  readonly ingredient: LoraAdapter;
  readonly sets: CaseSets;
  readonly options: CocktailOptions;
  /** The merged adapter at λ (new tensors, PEFT names; the caller disposes or saves them). */
  mergedAdapter(lambda: CocktailLambda): LoraAdapter;
  evaluateAtLambda(lambda: CocktailLambda): Promise<LambdaEvaluation>;
  /** Metrics of the base alone (no adapter). */
  evaluateBase(): Promise<LambdaEvaluation>;
  /** Metrics of the base plus any adapter (λ reported as NaN). */
  evaluateAdapter(adapter: LoraAdapter): Promise<LambdaEvaluation>;
  /** Metrics of other full weights of the same architecture, e.g. an exported merged checkpoint (λ NaN). */
  evaluateWeights(weights: ReadonlyMap<string, tf.Tensor>): Promise<LambdaEvaluation>;
  /** Runs `f` on the base with the merge at λ folded in (null: the base alone). */
  withWeightsAt<T>(lambda: CocktailLambda | null, f: (w: ReadonlyMap<string, tf.Tensor>) => Promise<T>): Promise<T>;
  /** Mean entropy of the scenario's unlabeled prompts under the merge at λ. */
  entropyAtLambda(lambda: number, scenario: Scenario): Promise<number>;
  /** Entropy-guided λ by gradient (options' scope, steps, lr) from `init` on the scenario's unlabeled prompts. */
  gradientLambda(scenario: Scenario, init: number, between?: () => Promise<void>): Promise<LambdaGradientResult>;
  dispose(): void;
}

async function evaluateWeights(lm: LmConfig, w: ReadonlyMap<string, tf.Tensor>, sets: CaseSets, l: CocktailLambda): Promise<LambdaEvaluation> {
  const lambda = { lambda: meanLambda(l), ...(typeof l === 'number' ? {} : { layers: [...l] }) };
  const coldValid = sets.coldValid && sets.coldValid.length > 0 ? { coldValid: await rankCases(lm, w, sets.coldValid) } : {};
  return { ...lambda, valid: await rankCases(lm, w, sets.valid), warm: await rankCases(lm, w, sets.warm), cold: await rankCases(lm, w, sets.cold), ...coldValid };
}

/** Wraps trained parts; ownership of base and adapters moves to the playground. */
export function createPlayground(lm: LmConfig, base: Map<string, tf.Tensor>, baseSpirit: LoraAdapter, ingredient: LoraAdapter, sets: CaseSets, options: CocktailOptions): CocktailPlayground {
  const mergedAdapter = (lambda: CocktailLambda): LoraAdapter => cocktailAdapter(baseSpirit, ingredient, lambda, lm.numLayers, options.mergeMode);
  const withMerged = async <T>(lambda: CocktailLambda, f: (w: ReadonlyMap<string, tf.Tensor>) => Promise<T>): Promise<T> => {
    const merged = mergedAdapter(lambda);
    try {
      return await withFolded(base, merged, f);
    } finally {
      disposeLoraAdapter(merged);
    }
  };
  return {
    lm,
    base,
    baseSpirit,
    ingredient,
    sets,
    options,
    mergedAdapter,
    evaluateAtLambda: (lambda) => withMerged(lambda, (w) => evaluateWeights(lm, w, sets, lambda)),
    evaluateBase: () => evaluateWeights(lm, base, sets, NaN),
    evaluateAdapter: (adapter) => withFolded(base, adapter, (w) => evaluateWeights(lm, w, sets, NaN)),
    evaluateWeights: (w) => evaluateWeights(lm, w, sets, NaN),
    withWeightsAt: (lambda, f) => (lambda === null ? f(base) : withMerged(lambda, f)),
    entropyAtLambda: (lambda, scenario) => withMerged(lambda, (w) => meanEntropy(lm, w, sets.entropy[scenario], { objective: options.entropyObjective, firstTokens: options.firstTokens })),
    gradientLambda: async (scenario, init, between) => {
      const terms = mergeTerms(base, baseSpirit, ingredient, lm.numLayers);
      const constrained = options.entropyObjective === 'candidate-tokens';
      const o = { scope: options.lambdaScope ?? 'global', steps: options.lambdaSteps ?? DEFAULT_LAMBDA_STEPS, lr: options.lambdaLr ?? 0.1, firstTokens: options.firstTokens, init, constrained };
      try {
        return await optimiseLambda(lm, base, terms, sets.entropy[scenario], o, between);
      } finally {
        terms.dispose();
      }
    },
    dispose: () => {
      disposeLoraAdapter(baseSpirit);
      disposeLoraAdapter(ingredient);
      tf.dispose([...base.values()]);
      base.clear();
    },
  };
}
