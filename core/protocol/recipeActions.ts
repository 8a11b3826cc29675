/**
 * Actions the studio can ask of a finished recipe run (`runs.action`), with the zod schema of
 * their arguments: the host validates every call with it before the worker sees it. A recipe
 * lists its actions here and implements them in its runner (core/recipes/runner.ts).
 */
import { z } from 'zod';
import type { MetricRecord } from './dto';
import type { RunArtifact } from './recipeRun';
import type { RecipeRunModel } from './runSchemas';

/** lm-pretrain 'generate': greedy continuation of a prompt by the pretrained model. */
export const lmGenerateArgsSchema = z
  .object({
    prompt: z.string().max(2000),
    maxNewTokens: z.number().int().min(1).max(256).default(32),
  })
  .strict();
export type LmGenerateArgs = z.output<typeof lmGenerateArgsSchema>;
export interface LmGenerateResult {
  readonly prompt: string;
  readonly continuation: string;
  readonly tokens: number;
}

/**
 * Per-layer λs (one per decoder layer, e.g. from a per-layer Auto λ); when given they replace `lambda`.
 * The host does not know the run's depth: the worker refuses a list whose length is not the model's layer count.
 */
const layerLambdas = z.array(z.number().min(0).max(1)).min(1).max(512).optional();
/** RecCocktail playground: the merge weight λ (base spirit share). */
export const cocktailLambdaArgsSchema = z.object({ lambda: z.number().min(0).max(1), layers: layerLambdas }).strict();
/** RecCocktail 'exportMerged': the merge at λ as a PEFT adapter, or folded into a full HF checkpoint. */
export const cocktailExportArgsSchema = z
  .object({ lambda: z.number().min(0).max(1), layers: layerLambdas, format: z.enum(['adapter', 'checkpoint']).default('adapter') })
  .strict();
export type CocktailExportArgs = z.output<typeof cocktailExportArgsSchema>;
/** RecCocktail: an adapter folder of the run (e.g. an exported merge) to rank with the run's cases. */
export const cocktailAdapterArgsSchema = z
  .object({ path: z.string().max(1024).regex(/^artifacts(\/(?!\.{1,2}(\/|$))[\w.-]+)+$/, "a path under the run folder's artifacts/") })
  .strict();

/** 'evaluate' / 'evaluateAdapter': warm and cold metrics (variant 'merged') of the merge at λ. */
export interface CocktailEvaluation {
  readonly lambda: number | null;
  readonly metrics: readonly MetricRecord[];
}
/** One scenario's entropy search: the λ of lowest mean prediction entropy and the curve. */
export interface CocktailScenarioLambda {
  /** The entropy-guided λ (the gradient search's when it ran; per-layer: the mean of `layers`). */
  readonly lambda: number;
  readonly entropies: readonly { readonly lambda: number; readonly entropy: number }[];
  /** 'gradient': refined by Adam from the grid minimum; 'grid': the grid minimum (runs without the gradient search). */
  readonly method?: 'gradient' | 'grid';
  /** The entropy grid's minimum (the gradient search's start). */
  readonly gridLambda?: number;
  /** Per-layer λs of a per-layer gradient search. */
  readonly layers?: readonly number[];
  /** Mean entropy and λ (per layer) after every gradient step. */
  readonly trace?: readonly { readonly step: number; readonly entropy: number; readonly lambdas: readonly number[] }[];
}
/** 'autoLambda': per inference scenario (warm items, new items), over the run's unlabeled test prompts. */
export interface CocktailAutoLambda {
  readonly warm: CocktailScenarioLambda;
  readonly cold: CocktailScenarioLambda;
}
/** An action that wrote a file or folder into the run: the host records it as an artifact. */
export interface ActionArtifact {
  readonly artifact: RunArtifact;
}

export const RECIPE_ACTIONS: { readonly [R in RecipeRunModel]?: Readonly<Record<string, z.ZodType>> } = {
  'lm-pretrain': { generate: lmGenerateArgsSchema },
  reccocktail: {
    evaluate: cocktailLambdaArgsSchema,
    autoLambda: z.object({}).strict(),
    exportMerged: cocktailExportArgsSchema,
    evaluateAdapter: cocktailAdapterArgsSchema,
  },
};

const actionRunId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const actionName = z.string().regex(/^[a-zA-Z][\w.-]{0,63}$/);

/** runs.action: an action of the run's recipe with its arguments. */
export const runActionRequestSchema = z.object({ runId: actionRunId, action: actionName, args: z.unknown().optional() }).strict();
export type RunActionRequest = z.infer<typeof runActionRequestSchema>;

/** runs.cancelAction: stop the run's action of that name in flight (e.g. Auto λ) at its next step; nothing when none is. */
export const cancelActionRequestSchema = z.object({ runId: actionRunId, action: actionName }).strict();
export type CancelActionRequest = z.infer<typeof cancelActionRequestSchema>;

/** runs.onActionProgress: `done` of `total` steps of a long action (≤ 10 per second), sent to the window that asked for it. */
export interface ActionProgress {
  readonly runId: string;
  readonly action: string;
  readonly done: number;
  readonly total: number;
}

/** The argument schema of `action` of `recipe`, or null when the recipe has no such action. */
export function actionArgsSchema(recipe: string, action: string): z.ZodType | null {
  const actions = (RECIPE_ACTIONS as Readonly<Record<string, Readonly<Record<string, z.ZodType>> | undefined>>)[recipe];
  return actions !== undefined && Object.hasOwn(actions, action) ? (actions[action] ?? null) : null;
}
