/**
 * Module Web Worker of a studio window: the window compute host. It initialises tfjs on the WebGPU
 * rung only (adapter probe + start-up self-test) and offers itself when that passes; otherwise it
 * says why and stays idle. It runs SASRec TrainJobs with the same runTrainJob the Node worker
 * uses, and CPRec / RecCocktail recipe jobs with the same runners (recipeRun.ts); progress,
 * checkpoints and files go to the window, which relays them to the host.
 */
import type { ComputeEvent, ComputeRequest, WireRecipeJob, WireTrainJob } from '../../core/protocol/compute';
import { initBackend } from '../../core/tensor/backend';
import { runTrainJob, type TrainOutcome } from '../../core/train/runTrainJob';
import { reportOutcome } from '../../core/train/reportOutcome';
import { fromWireJob } from '../../core/train/wireJob';
import { readCheckpoint, writeCheckpoint } from './checkpointCalls';
import { runWindowRecipe } from './recipeRun';
import { settleWindowCall } from './windowCalls';
import { windowFilePort } from './windowFilePort';
import { scope } from './workerScope';

const cancelled = new Set<string>();
let ready: Promise<boolean> = Promise.resolve(false);

function report(event: ComputeEvent): void {
  scope.postMessage({ type: 'event', event });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** WebGPU or nothing: a CPU rung here would only compete with the Node worker for the same cores. */
async function init(allowSoftwareGpu: boolean): Promise<boolean> {
  try {
    const backend = await initBackend({ prefer: ['webgpu'], allowSoftwareGpu });
    scope.postMessage({ type: 'ready', backend });
    return true;
  } catch (err) {
    scope.postMessage({ type: 'unavailable', reason: describe(err) });
    return false;
  }
}

/** Lets the window's messages (a cancel, checkpoint replies) in between two training steps. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function train(wire: WireTrainJob): Promise<TrainOutcome> {
  const runId = wire.runId;
  if (!(await ready)) throw new Error('this window has no working WebGPU backend');
  try {
    return await runTrainJob(fromWireJob(wire, `runs/${runId}/checkpoints`), {
      emit: (delta) => report({ type: 'progress', runId, ...delta }),
      isCancelled: () => cancelled.has(runId),
      yieldToEventLoop,
      now: () => performance.now(),
      writeCheckpoint: (name, bytes) => writeCheckpoint(runId, name, bytes),
      readCheckpoint: (name) => readCheckpoint(runId, name),
    });
  } finally {
    cancelled.delete(runId);
  }
}

/** A CPRec / RecCocktail job; its metrics arrived as events, so 'done' only closes the run. */
async function recipe(wire: WireRecipeJob): Promise<TrainOutcome> {
  const runId = wire.runId;
  if (!(await ready)) throw new Error('this window has no working WebGPU backend');
  try {
    const outcome = await runWindowRecipe(wire, { report, isCancelled: () => cancelled.has(runId), yieldToEventLoop }, windowFilePort(runId));
    return outcome.status === 'done' ? { status: 'done', metrics: [] } : outcome;
  } finally {
    cancelled.delete(runId);
  }
}

function handle(request: ComputeRequest): void {
  switch (request.type) {
    case 'cancel':
      cancelled.add(request.runId);
      return;
    case 'train':
      cancelled.delete(request.job.runId); // a cancel that arrived after an earlier attempt ended must not stop this one
      void reportOutcome(request.job.runId, () => train(request.job), report);
      return;
    case 'recipe':
      cancelled.delete(request.job.runId);
      void reportOutcome(request.job.runId, () => recipe(request.job), report);
      return;
    default: {
      const never: never = request;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

scope.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'init':
      ready = init(data.allowSoftwareGpu);
      return;
    case 'request':
      return handle(data.request);
    case 'reply':
    case 'fileReply':
      return settleWindowCall(data);
    default: {
      const never: never = data;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
});
