/**
 * One training run end to end, model-agnostic: build the model named by the job, train it with
 * Adam over epochs of sampled batches, checkpoint at every epoch end, evaluate, free everything.
 * The host owns time, yielding, cancellation and file writes; they come in as TrainHooks.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../errors';
import { evaluateModel } from '../eval/evaluate';
import { getModelFamily } from '../models/registry';
import type { SequentialRecModel } from '../models/types';
import type { MetricRecord, RunProgress, TrainPoint } from '../protocol/dto';
import type { TrainJob } from '../protocol/worker';
import { batchTensors, disposeBatchTensors } from './batchTensors';
import { checkpointBytes, momentsOfOptimizer, restoreCheckpoint, type AdamMoments } from './checkpoint';
import { createDataParallel, dataParallelStep, publishWeights } from './parallel/dataParallel';
import { flatStepsPay } from './flatSteps';
import { flatLayout, sharedFloats } from './parallel/flatGrads';
import type { ReplicaSlot, StartReplicas } from './parallel/protocol';
import { replicaStarter } from './parallel/replicaProvider';
import { createAdam, SASREC_ADAM, setLearningRate } from './optimizer';
import { flatAdamFrom, flatAdamStep, flatMoments } from './parallel/flatAdam';
import { ThrottledProgress } from './progress';
import { createRng, mixSeed, type Rng } from './rng';
import { createBatchSampler, type BatchSampler, type SeqBatch } from './sampler';
import { constantSchedule, type LrSchedule } from './schedules';

/** What the host provides to a running job. */
export interface TrainHooks {
  /** Receives throttled progress deltas (only new points). */
  emit(delta: { points: TrainPoint[]; progress: RunProgress }): void;
  /** Polled right after every batch (and evaluation batch). */
  isCancelled(): boolean;
  /** Awaited after every batch so queued messages (e.g. cancel) are processed. */
  yieldToEventLoop(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Persists a checkpoint file (name relative to the job's checkpointDir). */
  writeCheckpoint?(name: string, bytes: Uint8Array): Promise<void>;
  /** Reads a checkpoint written earlier (after verifying its checksum); null if there is none. */
  readCheckpoint?(name: string): Promise<Uint8Array | null>;
  /**
   * Starts data-parallel replicas (threads on the other cores) for the model described; the host
   * knows how and how many. Without it, or when it returns none, training runs on one thread.
   */
  startReplicas?: StartReplicas;
}

/** How a job ended (failures are thrown). */
export type TrainOutcome = { status: 'done'; metrics: MetricRecord[] } | { status: 'cancelled' };

/** File name of the checkpoint rewritten at every epoch end. */
export const CHECKPOINT_NAME = 'last.safetensors';

/** Streams derived from the run seed, so batch order and dropout are independent of each other. */
const STREAM = { batches: 1, dropout: 2 } as const;

interface Loop {
  readonly job: TrainJob;
  readonly hooks: TrainHooks;
  readonly model: SequentialRecModel;
  readonly optimizer: tf.AdamOptimizer;
  readonly sampler: BatchSampler;
  readonly progress: ThrottledProgress;
  readonly schedule: LrSchedule;
  /** One update on a batch at a learning rate: single-threaded, or data-parallel over the replicas. */
  readonly update: (batch: SeqBatch, dropoutRng: Rng, lr: number) => Promise<number>;
  /** The optimizer's state for a checkpoint (tfjs's Adam, or the data-parallel lead's flat one). */
  readonly moments: () => Promise<AdamMoments>;
}

/** One optimizer update; resolves to the batch loss (read asynchronously, as GPU backends need). */
export async function trainStep(model: SequentialRecModel, optimizer: tf.Optimizer, batch: SeqBatch, rng: Rng): Promise<number> {
  const t = batchTensors(batch);
  try {
    const cost = optimizer.minimize(() => model.loss(t, rng), true, [...model.variables.values()]);
    if (cost === null) return NaN;
    try {
      return (await cost.data())[0] ?? NaN;
    } finally {
      cost.dispose();
    }
  } finally {
    disposeBatchTensors(t);
  }
}

/** Where training (re)starts: a fresh run, or the state of its last checkpoint. */
interface StartState {
  readonly epoch: number; // last completed epoch
  readonly step: number; // steps done
  readonly rng: Readonly<Record<string, number>>;
}

function freshStart(job: TrainJob): StartState {
  return {
    epoch: 0,
    step: 0,
    rng: { batches: mixSeed(job.train.seed, STREAM.batches), dropout: mixSeed(job.train.seed, STREAM.dropout) },
  };
}

/** Trains the remaining epochs; false when cancelled. */
async function trainEpochs(loop: Loop, start: StartState): Promise<boolean> {
  const { job, hooks, model } = loop;
  const batchRng = createRng(start.rng['batches'] ?? 0);
  const dropoutRng = createRng(start.rng['dropout'] ?? 0);
  let step = start.step;
  for (let epoch = start.epoch + 1; epoch <= job.train.epochs; epoch++) {
    for (const batch of loop.sampler.epoch(batchRng)) {
      const lr = loop.schedule(step);
      const loss = await loop.update(batch, dropoutRng, lr);
      if (!Number.isFinite(loss)) throw new RecForgeError('internal', `training diverged: loss ${loss} at step ${step + 1}`);
      step++;
      loop.progress.record({ step, epoch, loss, lr });
      await hooks.yieldToEventLoop();
      if (hooks.isCancelled()) return false;
    }
    if (hooks.writeCheckpoint !== undefined) {
      const rng = { batches: batchRng.state(), dropout: dropoutRng.state() };
      const bytes = await checkpointBytes(model, await loop.moments(), { epoch, step, rng, config: { model: job.modelConfig, train: job.train } });
      await hooks.writeCheckpoint(CHECKPOINT_NAME, bytes);
    }
  }
  return true;
}

/** The fresh start, or — for a resumed job — the state stored in its last checkpoint. */
async function startState(loop: Loop): Promise<StartState> {
  if (!loop.job.resume) return freshStart(loop.job);
  const bytes = await loop.hooks.readCheckpoint?.(CHECKPOINT_NAME);
  if (!bytes) return freshStart(loop.job); // interrupted before its first epoch ended
  return restoreCheckpoint(loop.model, loop.optimizer, bytes);
}

function validateJob(job: TrainJob, sampler: BatchSampler): void {
  if (sampler.users.length === 0) throw new RecForgeError('validation', 'no user has a training transition (every train sequence is shorter than 2)');
  if (!(job.train.epochs >= 1 && job.train.batchSize >= 1)) throw new RecForgeError('validation', 'epochs and batchSize must be ≥ 1');
}

/**
 * Runs a TrainJob. Resolves 'done' with metrics, or 'cancelled' when hooks.isCancelled() turns
 * true (checked after every batch). Throws RecForgeError on bad input or divergence. Every tensor
 * it created is freed however it ends.
 */
export async function runTrainJob(job: TrainJob, hooks: TrainHooks): Promise<TrainOutcome> {
  const sampler = createBatchSampler(job.data, job.modelConfig.maxLen, job.train.batchSize);
  validateJob(job, sampler);
  const model = getModelFamily(job.model).build(job.modelConfig, job.data.numItems, job.train.seed);
  const optimizer = createAdam(job.train.learningRate);
  const progress = new ThrottledProgress({
    emit: (d) => hooks.emit(d),
    now: () => hooks.now(),
    totalSteps: sampler.batchesPerEpoch * job.train.epochs,
    epochs: job.train.epochs,
  });
  let replicas: ReplicaSlot[] = [];
  try {
    const schedule = constantSchedule(job.train.learningRate);
    const update = (b: SeqBatch, rng: Rng, lr: number): Promise<number> => {
      setLearningRate(optimizer, lr);
      return trainStep(model, optimizer, b, rng);
    };
    const single: Loop = { job, hooks, model, optimizer, sampler, progress, schedule, update, moments: () => momentsOfOptimizer(model, optimizer) };
    const start = await startState(single);
    const parallel = await startJobReplicas(job, model, hooks);
    replicas = parallel.replicas;
    const loop = replicas.length === 0 && !flatStepsPay() ? single : { ...single, ...(await flatAdamUpdate(model, optimizer, parallel)) };
    const finished = await trainEpochs(loop, start);
    progress.flush();
    if (!finished) return { status: 'cancelled' };
    progress.enterEval();
    const metrics = await evaluateModel(model, job.data, job.eval, hooks);
    return { status: 'done', metrics };
  } catch (err) {
    if (err instanceof RecForgeError && err.code === 'cancelled') return { status: 'cancelled' };
    throw err;
  } finally {
    await Promise.all(replicas.map((r) => r.port.close()));
    optimizer.dispose();
    model.dispose();
  }
}

interface Replicas {
  readonly replicas: ReplicaSlot[];
  /** The lead's weights, shared with the replicas; null without a starter (made only if flat steps run). */
  readonly weights: Float32Array | null;
}

/** Replicas from the host, if it offers them; each reads the lead's weights from `weights`. */
async function startJobReplicas(job: TrainJob, model: SequentialRecModel, hooks: TrainHooks): Promise<Replicas> {
  const start = replicaStarter(hooks.startReplicas);
  // Only with replicas: SharedArrayBuffer is missing where a page is not cross-origin isolated.
  if (start === undefined) return { replicas: [], weights: null };
  const length = flatLayout(model.variables).length;
  const weights = sharedFloats(length);
  const replicas = await start({ task: { kind: 'seqrec', family: job.model, config: job.modelConfig, numItems: job.data.numItems }, weights: weights.buffer as SharedArrayBuffer }, length);
  return { replicas, weights };
}

/**
 * Updates on flat weights with flat Adam (over the replicas, or the lead alone) and the optimizer
 * state they keep, continuing from `optimizer` (fresh or restored from a checkpoint).
 */
async function flatAdamUpdate(model: SequentialRecModel, optimizer: tf.Optimizer, parallel: Replicas): Promise<Pick<Loop, 'update' | 'moments'>> {
  const dp = createDataParallel(model, parallel.weights ?? new Float32Array(flatLayout(model.variables).length), parallel.replicas);
  await publishWeights(dp); // the start state: fresh or restored from the checkpoint
  const adam = flatAdamFrom(await momentsOfOptimizer(model, optimizer), dp.layout, SASREC_ADAM);
  return {
    update: (batch, rng, lr) => dataParallelStep(dp, (w, g) => flatAdamStep(adam, w, g, lr), batch, rng),
    moments: () => Promise.resolve(flatMoments(adam, dp.layout)),
  };
}
