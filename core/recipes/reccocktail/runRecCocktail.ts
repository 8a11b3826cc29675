/**
 * RecCocktail end to end (arXiv 2502.08271): build the general (non-target domains, overlap with
 * the target removed) and target instruction corpora (§3.1–3.2), pre-train a scratch model on the
 * item catalog, train the base-spirit and ingredient LoRAs on the same frozen base, sweep the
 * cocktail λ (§3.3) over a grid — validation ranks pick the grid λ, the entropy of ≤ 100
 * unlabeled test prompts picks the entropy λ — and rank warm and cold (new-item) test cases with
 * every variant, chance level included. The trained parts stay alive in the returned playground.
 */
import { RecForgeError } from '../../errors';
import type { RecipeTrainHooks } from '../../train/lm/trainInMemory';
import { TRAIN_EVERY_STAGE, type StageCheckpoints } from '../llm/stageCheckpoints';
import { createPlayground, type CocktailPlayground, type LambdaEvaluation } from './playground';
import { prepareRecCocktail, type PreparedRecCocktail, type RecCocktailData } from './prepare';
import type { RecCocktailSettings } from './settings';
import { adapterConfigOf, baseWeights, trainAdapter } from './stages';
import { generationOf, type VariantGeneration } from './generation';
import { entropyLambdas, evaluationAt, gridLambdas, sweepLambdas, type CocktailSweep, type PerScenario } from './sweep';
import type { CocktailLambda } from './cocktail';
import type { LoraAdapter } from '../../models/lora/adapter';

export type { RecCocktailData } from './prepare';

/** Training stages (LmTrainJob runIds) and their chart series. */
export const RECCOCKTAIL_SERIES = {
  'reccocktail-pretrain': 'catalog pre-training',
  'reccocktail-base-spirit': 'base spirit',
  'reccocktail-ingredient': 'ingredient',
} as const;

/** The models a run compares. */
export type CocktailVariant = 'pretrained' | 'base' | 'ingredient' | 'average' | 'grid' | 'entropy-grid' | 'merged';

/** One variant's λ (null: no adapter; merged: per scenario) and metrics. */
export interface VariantEvaluation {
  readonly variant: CocktailVariant;
  readonly lambda: number | PerScenario<CocktailLambda> | null;
  readonly evaluation: LambdaEvaluation;
}

/** Everything a run returns; `playground` owns the tensors (dispose it when done). */
export interface RecCocktailResult {
  readonly prepared: PreparedRecCocktail;
  readonly sweep: CocktailSweep;
  readonly variants: readonly VariantEvaluation[];
  /** Free and constrained generation per variant (empty when generationCases is 0). */
  readonly generation: readonly VariantGeneration[];
  readonly playground: CocktailPlayground;
}

/** Hooks of a run: training hooks plus the stage being entered. */
export interface RecCocktailHooks extends RecipeTrainHooks {
  onStage?(stage: 'pretrain' | 'base-spirit' | 'ingredient' | 'evaluate'): void;
  /** Where finished training stages are kept for a resume (default: none, every stage trains). */
  stages?: StageCheckpoints;
}

/**
 * Every variant from the sweep. The merged one is the paper's: each scenario is served by the
 * cocktail at its own entropy λ (warm cases and validation at the warm λ, new items at the cold λ).
 */
async function variantsOf(pg: CocktailPlayground, sweep: CocktailSweep): Promise<VariantEvaluation[]> {
  const at = async (variant: CocktailVariant, lambda: number): Promise<VariantEvaluation> => ({ variant, lambda, evaluation: await evaluationAt(pg, sweep.grid, lambda) });
  return [
    { variant: 'pretrained', lambda: null, evaluation: await pg.evaluateBase() },
    await at('base', 1),
    await at('ingredient', 0),
    await at('average', 0.5),
    // Validation-chosen: one λ, or one per scenario when new items have their own validation slice.
    sweep.coldGridBest ? await perScenarioVariant(pg, sweep, 'grid', gridLambdas(sweep)) : await at('grid', sweep.gridBest.lambda),
    // The entropy grid's minimum next to the gradient-refined λ (the reference the search started from).
    ...(sweep.entropyGradient ? [await perScenarioVariant(pg, sweep, 'entropy-grid', { warm: sweep.entropyBest.warm.lambda, cold: sweep.entropyBest.cold.lambda })] : []),
    await perScenarioVariant(pg, sweep, 'merged', entropyLambdas(sweep)),
  ];
}

/** A variant serving each scenario at its own λ: warm metrics at λ.warm, cold ones at λ.cold. */
async function perScenarioVariant(pg: CocktailPlayground, sweep: CocktailSweep, variant: CocktailVariant, lambda: PerScenario<CocktailLambda>): Promise<VariantEvaluation> {
  const warm = await evaluationAt(pg, sweep.grid, lambda.warm);
  const cold = await evaluationAt(pg, sweep.grid, lambda.cold);
  return { variant, lambda, evaluation: { ...warm, cold: cold.cold } };
}

/** Trains the base (scratch only) and both adapters into a playground; stages a resumed run finished are restored. */
async function trainCocktail(p: PreparedRecCocktail, s: RecCocktailSettings, hooks: RecCocktailHooks): Promise<CocktailPlayground> {
  const stages = hooks.stages ?? TRAIN_EVERY_STAGE;
  const scratch = p.model.weights === null;
  if (scratch) hooks.onStage?.('pretrain');
  // A provided model's weights are only cloned: nothing to keep (and a copy of 7B weights per run would be absurd).
  const base = scratch ? (await stages.through('pretrain', async () => ({ tensors: await baseWeights(p.model, p.catalog, s, hooks) }))).tensors : await baseWeights(p.model, p.catalog, s, hooks);
  const adapter = async (runId: string, stage: 'base-spirit' | 'ingredient', corpus: PreparedRecCocktail['corpora']['general'], steps: number): Promise<LoraAdapter> => {
    hooks.onStage?.(stage);
    const { tensors } = await stages.through(stage, async () => ({ tensors: (await trainAdapter(runId, p.model, base, corpus, steps, s, hooks)).tensors }));
    return { config: adapterConfigOf(s), tensors };
  };
  try {
    const baseSpirit = await adapter('reccocktail-base-spirit', 'base-spirit', p.corpora.general, s.baseSteps);
    const ingredient = await adapter('reccocktail-ingredient', 'ingredient', p.corpora.target, s.ingredientSteps).catch((err: unknown) => {
      for (const t of baseSpirit.tensors.values()) t.dispose();
      throw err;
    });
    return createPlayground(p.model.config, base, baseSpirit, ingredient, p.sets, s);
  } catch (err) {
    for (const t of base.values()) t.dispose();
    throw err;
  }
}

/** Runs RecCocktail on prepared data. */
export async function runPreparedRecCocktail(p: PreparedRecCocktail, s: RecCocktailSettings, hooks: RecCocktailHooks = {}): Promise<RecCocktailResult> {
  if (p.corpora.general.length === 0 || p.corpora.target.length === 0) {
    throw new RecForgeError('validation', 'RecCocktail needs training examples in the target domain and in at least one other domain', { file: 'reccocktail', field: 'sources' });
  }
  const pg = await trainCocktail(p, s, hooks);
  try {
    hooks.onStage?.('evaluate');
    const sweep = await sweepLambdas(pg, s.lambdaStep, hooks);
    const variants = await variantsOf(pg, sweep);
    const generation = s.generationCases > 0 ? await generationOf(pg, p, entropyLambdas(sweep), s.generationCases) : [];
    return { prepared: p, sweep, variants, generation, playground: pg };
  } catch (err) {
    pg.dispose();
    throw err;
  }
}

/** Runs RecCocktail from sources and a model. */
export function runRecCocktail(data: RecCocktailData, s: RecCocktailSettings, hooks: RecCocktailHooks = {}): Promise<RecCocktailResult> {
  return runPreparedRecCocktail(prepareRecCocktail(data, s), s, hooks);
}
