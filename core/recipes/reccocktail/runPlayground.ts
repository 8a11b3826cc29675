/**
 * The studio's cocktail playground over a finished run folder: the λ slider (evaluateAtLambda,
 * cached per λ), Auto λ (entropy guidance over the run's ≤ 100 unlabeled prompts), exporting the
 * merge as a PEFT folder or folded into a full HF checkpoint, and ranking such a folder with the
 * run's cases (so an export can be checked after loading it back). The last opened run stays in
 * memory; close() frees it. Actions run one at a time, in the order they were asked for.
 */
import * as tf from '@tensorflow/tfjs';
import { serialQueue } from '../../serialQueue';
import { disposeLoraAdapter, type LoraAdapter } from '../../models/lora/adapter';
import type { MetricRecord } from '../../protocol/dto';
import { rankMetricRecords } from '../llm/metricRecords';
import type { RecipeFiles } from '../llm/recipeFiles';
import { joinPath } from '../llm/recipeFiles';
import type { CocktailScenarioLambda } from '../../protocol/recipeActions';
import { meanLambda, type CocktailLambda } from './cocktail';
import { lambdaGrid } from './lambdaSearch';
import { foldAdapter } from '../llm/mergedWeights';
import { createPlayground, type CocktailPlayground, type LambdaEvaluation, type Scenario } from './playground';
import type { HfTokenizerFiles } from '../../text/tokenizer/hfJson';
import { baseModelDir, COCKTAIL_PATHS, loadCocktailState, type CocktailRunState } from './runState';
import { entropySearch, type EntropySearch, type PerScenario, type SweepHooks } from './sweep';

/** Metrics at one λ: raw ranks and warm/cold records with protocol (variant 'λ = <value>'). */
export interface PlaygroundEvaluation {
  readonly evaluation: LambdaEvaluation;
  readonly metrics: readonly MetricRecord[];
}

/** The playground's operations on run folders. */
export interface RunPlayground {
  evaluateAtLambda(runDir: string, lambda: CocktailLambda): Promise<PlaygroundEvaluation>;
  /**
   * Per scenario: the entropy-guided λ (grid minimum, then the gradient search when the run used it) and the grid curve.
   * `hooks` are called between grid points and gradient steps (yield to the event loop, cancel).
   */
  autoLambda(runDir: string, hooks?: SweepHooks): Promise<PerScenario<CocktailScenarioLambda>>;
  exportMerged(runDir: string, lambda: CocktailLambda, outDir: string, format?: 'adapter' | 'checkpoint'): Promise<void>;
  /** Ranks the run's cases with a folder: a PEFT adapter on the run's base, or a full HF checkpoint. */
  evaluateFolder(runDir: string, dir: string): Promise<PlaygroundEvaluation>;
  /** Frees the open run once the actions already asked for are done. */
  close(): Promise<void>;
}

interface OpenRun {
  readonly runDir: string;
  readonly state: CocktailRunState;
  readonly pg: CocktailPlayground;
  readonly tokenizerFiles: HfTokenizerFiles;
  /** Evaluations by λ (per-layer λs joined): a slider going back and forth re-ranks nothing. */
  readonly cache: Map<string, LambdaEvaluation>;
}

/** Loads the run's base and both adapters; on a failure frees what was already loaded and rethrows. */
async function openRun(files: RecipeFiles, runDir: string): Promise<OpenRun> {
  const state = await loadCocktailState(files, runDir);
  const model = await files.loadModelFolder(baseModelDir(runDir, state));
  const adapters: LoraAdapter[] = [];
  const load = async (rel: string): Promise<LoraAdapter> => {
    const adapter = await files.loadAdapter(joinPath(runDir, rel), model.config);
    adapters.push(adapter);
    return adapter;
  };
  try {
    const [baseSpirit, ingredient] = [await load(COCKTAIL_PATHS.baseSpirit), await load(COCKTAIL_PATHS.ingredient)];
    const pg = createPlayground(model.config, model.weights, baseSpirit, ingredient, state.sets, state.options);
    return { runDir, state, pg, tokenizerFiles: model.tokenizerFiles, cache: new Map() };
  } catch (err) {
    adapters.forEach(disposeLoraAdapter);
    tf.dispose([...model.weights.values()]);
    throw err;
  }
}

function recordsOf(e: LambdaEvaluation, state: CocktailRunState, variant: string): MetricRecord[] {
  return [...rankMetricRecords(e.warm, state.protocols.warm, variant), ...rankMetricRecords(e.cold, state.protocols.cold, variant)];
}

/** One scenario of an entropy search as the studio reads it. */
function scenarioLambda(search: EntropySearch, scenario: Scenario): CocktailScenarioLambda {
  const grid = { entropies: search.entropies[scenario], gridLambda: search.best[scenario].lambda };
  const g = search.gradient?.[scenario];
  if (!g) return { lambda: grid.gridLambda, method: 'grid', ...grid };
  return { lambda: meanLambda(g.lambda), method: 'gradient', ...grid, ...(typeof g.lambda === 'number' ? {} : { layers: g.lambda }), trace: g.trace };
}

/** PEFT's adapter config file: its presence tells an adapter folder from a model folder. */
const ADAPTER_CONFIG = 'adapter_config.json';

async function saveFolded(files: RecipeFiles, outDir: string, r: OpenRun, merged: LoraAdapter): Promise<void> {
  const folded = foldAdapter(r.pg.base, merged);
  try {
    await files.saveModelFolder(outDir, r.pg.lm, folded.weights, r.tokenizerFiles);
  } finally {
    tf.dispose([...folded.owned]);
  }
}

async function evaluateAdapterIn(files: RecipeFiles, r: OpenRun, dir: string): Promise<LambdaEvaluation> {
  const adapter = await files.loadAdapter(dir, r.pg.lm);
  try {
    return await r.pg.evaluateAdapter(adapter);
  } finally {
    disposeLoraAdapter(adapter);
  }
}

async function evaluateModelIn(files: RecipeFiles, r: OpenRun, dir: string): Promise<LambdaEvaluation> {
  const model = await files.loadModelFolder(dir);
  try {
    return await r.pg.evaluateWeights(model.weights);
  } finally {
    tf.dispose([...model.weights.values()]);
  }
}

/**
 * A playground bound to the host's file operations. The worker starts every action as it arrives,
 * so actions are queued: opening or closing a run never frees weights an action in flight reads,
 * and two first calls on a run load it once.
 */
export function createRunPlayground(files: RecipeFiles): RunPlayground {
  const serial = serialQueue();
  let open: OpenRun | null = null;
  const dispose = (): void => {
    open?.pg.dispose();
    open = null;
  };
  const run = async (runDir: string): Promise<OpenRun> => {
    if (open?.runDir === runDir) return open;
    dispose();
    open = await openRun(files, runDir);
    return open;
  };
  return {
    evaluateAtLambda: (runDir, lambda) =>
      serial(async () => {
        const r = await run(runDir);
        const key = String(lambda);
        const evaluation = r.cache.get(key) ?? (await r.pg.evaluateAtLambda(lambda));
        r.cache.set(key, evaluation);
        // Named by its λ: 'merged' is the run's own entropy-λ model in the metrics above.
        return { evaluation, metrics: recordsOf(evaluation, r.state, `λ = ${lambda}`) };
      }),
    autoLambda: (runDir, hooks = {}) =>
      serial(async () => {
        const r = await run(runDir);
        const search = await entropySearch(r.pg, lambdaGrid(r.state.lambdaStep), hooks);
        return { warm: scenarioLambda(search, 'warm'), cold: scenarioLambda(search, 'cold') };
      }),
    exportMerged: (runDir, lambda, outDir, format = 'adapter') =>
      serial(async () => {
        const r = await run(runDir);
        const merged = r.pg.mergedAdapter(lambda);
        try {
          if (format === 'adapter') await files.saveAdapter(outDir, { ...merged, config: { ...merged.config, base_model_name_or_path: baseModelDir(runDir, r.state) } });
          else await saveFolded(files, outDir, r, merged);
        } finally {
          disposeLoraAdapter(merged);
        }
      }),
    evaluateFolder: (runDir, dir) =>
      serial(async () => {
        const r = await run(runDir);
        const isAdapter = await files.readText(joinPath(dir, ADAPTER_CONFIG)).then(() => true, () => false);
        const evaluation = isAdapter ? await evaluateAdapterIn(files, r, dir) : await evaluateModelIn(files, r, dir);
        return { evaluation, metrics: recordsOf(evaluation, r.state, 'loaded export') };
      }),
    close: () => serial(async () => dispose()),
  };
}
