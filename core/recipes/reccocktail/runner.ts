/**
 * 'reccocktail' as a RecipeRunner. Sources are the domains (target = the `targetDomain` setting,
 * default the last source); the model is a scratch tiny decoder or a local HF folder, and nothing
 * else differs between the two. Events: stages (data, pretrain [scratch only], base-spirit,
 * ingredient, evaluate, export), 'lm' series ('catalog pre-training', 'base spirit',
 * 'ingredient'), warm/cold metrics per variant with protocol and chance, the grid and entropy λ,
 * the variants and λ-curve tables, and artifacts: base model (scratch), both adapters and the
 * merged adapter at the entropy λ as PEFT folders. Each finished training stage (catalog
 * pre-training, base spirit, ingredient) is kept under checkpoints/stages/, so a resumed run
 * restores those and trains from the first unfinished stage on.
 */
import type { RunArtifact } from '../../protocol/recipeRun';
import { disposeRecipeModel, loadRecipeModel, type RecipeModel } from '../llm/modelSource';
import { joinPath, type RecipeFiles } from '../llm/recipeFiles';
import { runFingerprint } from '../llm/stageCheckpoints';
import { targetDomainOf } from '../llm/targetDomain';
import { cacheHooks, outcomeOf, runStageCheckpoints, type RecipeRunInput, type RecipeRunIo, type RecipeRunner } from '../runner';
import { disposeLoraAdapter, type LoraAdapter } from '../../models/lora/adapter';
import { recCocktailActions } from './actions';
import { prepareRecCocktail } from './prepare';
import { cocktailMetrics, cocktailProtocols, generationTable, lambdaSearchTable, lambdaTable, variantsTable } from './report';
import { meanLambda, type CocktailLambda } from './cocktail';
import { entropyLambdas, type PerScenario } from './sweep';
import { RECCOCKTAIL_SERIES, runPreparedRecCocktail, type RecCocktailResult } from './runRecCocktail';
import { baseModelDir, COCKTAIL_PATHS, saveCocktailState } from './runState';
import { recCocktailSettingsSchema, type RecCocktailSettings } from './settings';

const lambdaTitle = (l: CocktailLambda): string => (typeof l === 'number' ? l.toFixed(3) : `[${l.map((x) => x.toFixed(3)).join(', ')}] per layer`);

/** The chart series of a training stage (its runId when it has no display name). */
const seriesOf = (runId: string): string => RECCOCKTAIL_SERIES[runId as keyof typeof RECCOCKTAIL_SERIES] ?? runId;
/** Per-layer λs of the chosen merge, when the search was per layer. */
function layersOf(chosen: PerScenario<CocktailLambda>): { entropyLayers?: PerScenario<number[]> } {
  return typeof chosen.warm === 'number' || typeof chosen.cold === 'number' ? {} : { entropyLayers: { warm: [...chosen.warm], cold: [...chosen.cold] } };
}

/** Writes adapters, base (scratch) and playground state; returns the artifacts. */
async function exportRun(files: RecipeFiles, io: RecipeRunIo, input: RecipeRunInput<RecCocktailSettings>, r: RecCocktailResult): Promise<RunArtifact[]> {
  const { playground: pg, prepared: p, sweep } = r;
  const at = (rel: string): string => joinPath(io.runDir, rel);
  const artifacts: RunArtifact[] = [];
  if (p.model.weights === null) {
    await files.saveModelFolder(at(COCKTAIL_PATHS.baseModel), pg.lm, pg.base, p.model.tokenizerFiles);
    artifacts.push({ kind: 'hf-model', path: COCKTAIL_PATHS.baseModel, title: 'Base decoder (catalog pre-trained, from scratch)' });
  }
  const baseModel = input.model.kind === 'folder' ? { kind: 'folder' as const, path: input.model.path } : { kind: 'run' as const, path: COCKTAIL_PATHS.baseModel };
  // Every adapter names the base it applies to (PEFT's base_model_name_or_path), as the playground's exports do.
  const basePath = baseModelDir(io.runDir, { baseModel });
  const onBase = (a: LoraAdapter): LoraAdapter => ({ ...a, config: { ...a.config, base_model_name_or_path: basePath } });
  await files.saveAdapter(at(COCKTAIL_PATHS.baseSpirit), onBase(pg.baseSpirit));
  await files.saveAdapter(at(COCKTAIL_PATHS.ingredient), onBase(pg.ingredient));
  const chosen = entropyLambdas(sweep);
  for (const [rel, lambda] of [[COCKTAIL_PATHS.merged, chosen.warm], [COCKTAIL_PATHS.mergedCold, chosen.cold]] as const) {
    const merged = pg.mergedAdapter(lambda);
    await files.saveAdapter(at(rel), onBase(merged)).finally(() => disposeLoraAdapter(merged));
  }
  artifacts.push(
    { kind: 'peft-adapter', path: COCKTAIL_PATHS.baseSpirit, title: `Base spirit LoRA (${p.corpora.general.length} general examples)` },
    { kind: 'peft-adapter', path: COCKTAIL_PATHS.ingredient, title: `Ingredient LoRA (${p.corpora.target.length} ${p.target.name} examples)` },
    { kind: 'peft-adapter', path: COCKTAIL_PATHS.merged, title: `Cocktail LoRA for warm items (entropy λ = ${lambdaTitle(chosen.warm)})` },
    { kind: 'peft-adapter', path: COCKTAIL_PATHS.mergedCold, title: `Cocktail LoRA for new items (entropy λ = ${lambdaTitle(chosen.cold)})` },
  );
  const s = input.settings;
  await saveCocktailState(files, io.runDir, {
    version: 2,
    baseModel,
    options: pg.options,
    lambdaStep: s.lambdaStep,
    chosen: { grid: sweep.gridBest.lambda, ...(sweep.coldGridBest ? { gridCold: sweep.coldGridBest.lambda } : {}), entropy: { warm: meanLambda(chosen.warm), cold: meanLambda(chosen.cold) }, entropyGrid: { warm: sweep.entropyBest.warm.lambda, cold: sweep.entropyBest.cold.lambda }, ...layersOf(chosen) },
    protocols: cocktailProtocols(p, s),
    sets: pg.sets,
  });
  return artifacts;
}

/** Reports the finished run. */
function report(io: RecipeRunIo, s: RecCocktailSettings, r: RecCocktailResult, artifacts: readonly RunArtifact[]): void {
  io.emit({ kind: 'metrics', metrics: cocktailMetrics(r, cocktailProtocols(r.prepared, s)) });
  io.emit({ kind: 'table', table: variantsTable(r, s) });
  io.emit({ kind: 'table', table: lambdaTable(r, s) });
  io.emit({ kind: 'table', table: lambdaSearchTable(r, s) });
  if (r.generation.length > 0) io.emit({ kind: 'table', table: generationTable(r, s) });
  for (const artifact of artifacts) io.emit({ kind: 'artifact', artifact });
}

async function runWithModel(files: RecipeFiles, input: RecipeRunInput<RecCocktailSettings>, io: RecipeRunIo, model: RecipeModel): Promise<void> {
  const s = { ...input.settings, targetDomain: targetDomainOf(input.sources, input.settings.targetDomain) };
  const prepared = prepareRecCocktail({ sources: input.sources, model }, s);
  // A stage file is only reused by the run that wrote it: same settings (target resolved), data and model.
  const fingerprint = runFingerprint({ recipe: 'reccocktail', version: 2, settings: s, model: input.model }, input.sources, model);
  const r = await runPreparedRecCocktail(prepared, s, {
    stages: runStageCheckpoints(files, io, fingerprint),
    ...cacheHooks(io, seriesOf),
    emit: (runId, event) => io.emit({ kind: 'lm', series: seriesOf(runId), event }),
    onStage: (stage) => io.emit({ kind: 'stage', stage }),
    isCancelled: () => io.isCancelled(),
    yieldToEventLoop: () => io.yieldToEventLoop(),
    now: () => io.now(),
  });
  try {
    io.emit({ kind: 'stage', stage: 'export' });
    report(io, s, r, await exportRun(files, io, input, r));
  } finally {
    r.playground.dispose();
  }
}

/** The runner, bound to the host's file operations (core/platform). */
export function createRecCocktailRunner(files: RecipeFiles): RecipeRunner<RecCocktailSettings> {
  return {
    id: 'reccocktail',
    settings: recCocktailSettingsSchema,
    async run(input, io) {
      io.emit({ kind: 'stage', stage: 'data' });
      const model = await loadRecipeModel(input.model, files, input.settings);
      try {
        return await outcomeOf(() => runWithModel(files, input, io, model));
      } finally {
        disposeRecipeModel(model);
      }
    },
    actions: recCocktailActions(files),
  };
}
