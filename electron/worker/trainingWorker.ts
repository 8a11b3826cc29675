/**
 * Entry of the training worker thread: the only place tfjs is loaded. Receives WorkerRequests,
 * runs one job at a time and posts WorkerEvents (throttled progress deltas, done, cancelled, failed).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { RecipeJob, TrainJob, WorkerEvent, WorkerRequest } from '../../core/protocol/worker';
import { readVerifiedCheckpoint, writeCheckpointFile } from '../../core/platform/checkpointFiles';
import type { TrainCacheContext } from '../../core/platform/trainCache';
import { initBackend } from '../../core/tensor/backend';
import { installReplicaStarter } from '../../core/train/parallel/replicaProvider';
import { runTrainJob, type TrainOutcome } from '../../core/train/runTrainJob';
import { reportOutcome } from '../../core/train/reportOutcome';
import { appVersion } from '../host/appVersion';
import { actionIo, runRecipeAction, runRecipeJob, setBackendReady } from './recipeJob';
import { replicaStarter, trainThreads } from './replicaThreads';

const port = parentPort;
if (!port) throw new Error('trainingWorker must run inside a worker thread');

const cancelled = new Set<string>();
/** Actions in flight by callId, with whether the host asked to cancel them. */
const actions = new Map<number, { cancelled: boolean }>();
let ready: Promise<void> | null = null;
/** Engine build, backend and thread count: trained stages are reused only where they would come out the same. */
let cacheContext: TrainCacheContext | undefined;

function post(event: WorkerEvent): void {
  port?.postMessage(event);
}

/** Lets queued messages (a cancel) run between two training steps. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What trained this process's stages: the digest of the worker's bundles, so any change to the
 * trainer or its kernels (a release, or a developer's rebuild) stops reusing stages the old code
 * trained, even when nobody bumped TRAIN_ENGINE_VERSION; the app version when the bundle cannot be read.
 */
async function engineIdentity(): Promise<string> {
  if (typeof __filename !== 'string') return `RecForge ${appVersion}`;
  // The data-parallel replicas run their own bundle beside this one.
  const bundles = await Promise.all([__filename, join(dirname(__filename), 'replica.cjs')].map((f) => readFile(f).catch(() => null)));
  if (bundles[0] === null) return `RecForge ${appVersion}`;
  const h = createHash('sha256');
  for (const b of bundles) h.update(b ?? 'none');
  return `bundles ${h.digest('hex').slice(0, 16)}`;
}

async function init(): Promise<void> {
  const backend = await initBackend();
  const threads = trainThreads(backend);
  installReplicaStarter(replicaStarter(backend));
  cacheContext = { description: `engine ${await engineIdentity()}; backend ${backend.name} (${backend.patches.join(', ')}); threads ${threads}`, threads };
  const parallel = threads > 1 ? `; training runs data-parallel on ${threads} threads` : '';
  post({ type: 'ready', backend: { ...backend, detail: `${backend.detail}${parallel}` } });
}

async function train(job: TrainJob): Promise<TrainOutcome> {
  await ready;
  await mkdir(job.checkpointDir, { recursive: true });
  try {
    return await runTrainJob(job, {
      emit: (delta) => post({ type: 'progress', runId: job.runId, ...delta }),
      isCancelled: () => cancelled.has(job.runId),
      yieldToEventLoop,
      now: () => performance.now(),
      writeCheckpoint: (name, bytes) => writeCheckpointFile(join(job.checkpointDir, name), bytes),
      readCheckpoint: (name) => readVerifiedCheckpoint(join(job.checkpointDir, name)),
    });
  } finally {
    cancelled.delete(job.runId);
  }
}

async function recipe(job: RecipeJob): Promise<void> {
  await ready;
  const outcome = await runRecipeJob(job, { post, isCancelled: () => cancelled.has(job.runId), yieldToEventLoop, ...(cacheContext === undefined ? {} : { cacheContext }) });
  cancelled.delete(job.runId);
  // Recipe metrics arrived as events; 'done' only closes the run.
  post(outcome.status === 'done' ? { type: 'done', runId: job.runId, metrics: [] } : { type: 'cancelled', runId: job.runId });
}

port.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'init':
      ready = init().catch((err: unknown) => post({ type: 'failed', runId: null, message: describe(err) }));
      setBackendReady(ready);
      return;
    case 'action': {
      const call = { cancelled: false };
      actions.set(request.callId, call);
      const io = actionIo(request.callId, { post, yieldToEventLoop, now: () => performance.now(), isCancelled: () => call.cancelled });
      void runRecipeAction(request, io).then((result) => {
        actions.delete(request.callId);
        post(result);
      });
      return;
    }
    case 'cancelAction': {
      const call = actions.get(request.callId);
      if (call) call.cancelled = true;
      return;
    }
    case 'train':
      cancelled.delete(request.job.runId); // a cancel that arrived after an earlier attempt ended must not stop this one
      void reportOutcome(request.job.runId, () => train(request.job), post);
      return;
    case 'recipe':
      cancelled.delete(request.job.runId);
      recipe(request.job).catch((err: unknown) => post({ type: 'failed', runId: request.job.runId, message: describe(err) }));
      return;
    case 'cancel':
      cancelled.add(request.runId);
      return;
    default: {
      const never: never = request;
      post({ type: 'failed', runId: null, message: `unknown request ${JSON.stringify(never)}` });
    }
  }
});

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
