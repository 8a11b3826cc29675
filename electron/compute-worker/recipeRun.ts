/**
 * The compute worker's recipe path: a CPRec or RecCocktail job runs with the same runner the Node
 * worker uses, built over the window file port (every byte through the host, confined to the run's
 * folders); its events go to the window as they happen, like the Node worker posts them.
 */
import type { ComputeEvent, WireRecipeJob } from '../../core/protocol/compute';
import { createCprecRunner } from '../../core/recipes/cprec/runner';
import { recipeFilesOver } from '../../core/recipes/llm/portRecipeFiles';
import type { RecipeFiles } from '../../core/recipes/llm/recipeFiles';
import { createRecCocktailRunner } from '../../core/recipes/reccocktail/runner';
import type { RecipeRunIo, RecipeRunner, RecipeRunOutcome } from '../../core/recipes/runner';
import { fromWireRecipeJob } from '../../core/recipes/wireRecipeJob';
import type { FilePort } from '../../core/recipes/llm/filePort';

/** What the worker lends a recipe run besides its files. */
export interface RecipeRunHooks {
  report(event: ComputeEvent): void;
  isCancelled(): boolean;
  yieldToEventLoop(): Promise<void>;
}

async function runWith<S>(runner: RecipeRunner<S>, wire: WireRecipeJob, io: RecipeRunIo): Promise<RecipeRunOutcome> {
  const job = fromWireRecipeJob(wire);
  // Parsed again, as the Node worker does: defaults added since the run started are filled in.
  const settings = runner.settings.parse(job.settings);
  return runner.run({ runId: job.runId, settings, sources: job.sources, model: job.model }, io);
}

function runnerFor(recipe: WireRecipeJob['recipe'], files: RecipeFiles): RecipeRunner<unknown> {
  return (recipe === 'cprec' ? createCprecRunner(files) : createRecCocktailRunner(files)) as RecipeRunner<unknown>;
}

/**
 * Runs the job to its outcome with its files behind `port` (the window file port in the worker);
 * file and engine errors reject (the caller reports 'failed').
 */
export function runWindowRecipe(wire: WireRecipeJob, hooks: RecipeRunHooks, port: FilePort): Promise<RecipeRunOutcome> {
  const runId = wire.runId;
  const runner = runnerFor(wire.recipe, recipeFilesOver(port));
  return runWith(runner, wire, {
    runDir: wire.runDir,
    resume: wire.resume,
    emit: (event) => hooks.report({ type: 'recipe', runId, event }),
    isCancelled: hooks.isCancelled,
    yieldToEventLoop: hooks.yieldToEventLoop,
    now: () => performance.now(),
  });
}
