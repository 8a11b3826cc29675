/**
 * Runs a RecipeJob in the worker: the recipe's runner gets the job's sources and settings
 * (parsed again with its schema, so defaults added since the run started are filled in) and an
 * io whose events go to the host as they happen.
 */
import { mkdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { RecForgeError, toApiError } from '../../core/errors';
import type { RecipeJob, WorkerEvent, WorkerRequest } from '../../core/protocol/worker';
import type { RecipeActionIo, RecipeRunOutcome } from '../../core/recipes/runner';
import { nodeTrainCache, type TrainCacheContext } from '../../core/platform/trainCache';
import { RECIPE_RUNNERS } from './recipeRunners';

let backendReady: Promise<void> = Promise.resolve();

/** Actions wait for the backend like jobs do (set once by the worker at init). */
export function setBackendReady(ready: Promise<void>): void {
  backendReady = ready;
}

function ready(): Promise<void> {
  return backendReady;
}

export interface RecipeJobHooks {
  post(event: WorkerEvent): void;
  isCancelled(): boolean;
  yieldToEventLoop(): Promise<void>;
  /** What a trained stage depends on in this process besides its job (backend, threads); with the job's cacheDir it turns the stage cache on. */
  cacheContext?: TrainCacheContext;
}

/** Minimum gap between two progress events of an action (≤ 10 Hz, like training progress). */
const ACTION_PROGRESS_INTERVAL_MS = 100;

export interface ActionIoHooks {
  post(event: WorkerEvent): void;
  yieldToEventLoop(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** True once the host sent 'cancelAction' for this call. */
  isCancelled(): boolean;
}

/** The io of the action `callId`: its progress goes to the host at most every 100 ms, the first and the last step always. */
export function actionIo(callId: number, hooks: ActionIoHooks): RecipeActionIo {
  let last: number | null = null;
  return {
    yieldToEventLoop: hooks.yieldToEventLoop,
    isCancelled: hooks.isCancelled,
    reportProgress: (done, total) => {
      const t = hooks.now();
      if (last !== null && done < total && t - last < ACTION_PROGRESS_INTERVAL_MS) return;
      last = t;
      hooks.post({ type: 'actionProgress', callId, done, total });
    },
  };
}

/** Runs an action of a finished run; answers with its JSON result or a structured error. */
export async function runRecipeAction(request: Extract<WorkerRequest, { type: 'action' }>, io: RecipeActionIo): Promise<WorkerEvent> {
  try {
    await ready();
    const action = RECIPE_RUNNERS[request.recipe].actions?.[request.action];
    if (action === undefined) throw new RecForgeError('not_found', `recipe ${request.recipe} has no action ${request.action}`);
    return { type: 'actionResult', callId: request.callId, ok: true, value: await action(request.runDir, request.args, io) };
  } catch (err) {
    return { type: 'actionResult', callId: request.callId, ok: false, error: toApiError(err) };
  }
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
    ...(job.cacheDir !== undefined && hooks.cacheContext !== undefined ? { trainCache: nodeTrainCache(job.cacheDir, hooks.cacheContext) } : {}),
  });
}
