/**
 * Runs a RecipeJob in the worker: the recipe's runner gets the job's sources and settings
 * (parsed again with its schema, so defaults added since the run started are filled in) and an
 * io whose events go to the host as they happen.
 */
import { mkdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { RecipeJob, WorkerEvent } from '../../core/protocol/worker';
import type { RecipeRunOutcome } from '../../core/recipes/runner';
import { RECIPE_RUNNERS } from './recipeRunners';

export interface RecipeJobHooks {
  post(event: WorkerEvent): void;
  isCancelled(): boolean;
  yieldToEventLoop(): Promise<void>;
}

export async function runRecipeJob(job: RecipeJob, hooks: RecipeJobHooks): Promise<RecipeRunOutcome> {
  const runner = RECIPE_RUNNERS[job.recipe];
  await mkdir(job.runDir, { recursive: true });
  const settings = runner.settings.parse(job.settings);
  return runner.run({ runId: job.runId, settings, sources: job.sources, model: job.model }, {
    runDir: job.runDir,
    resume: job.resume,
    emit: (event) => hooks.post({ type: 'recipe', runId: job.runId, event }),
    isCancelled: hooks.isCancelled,
    yieldToEventLoop: hooks.yieldToEventLoop,
    now: () => performance.now(),
  });
}
