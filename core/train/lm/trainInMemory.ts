/**
 * Runs an LM training job (core/train/lm) without a disk: the final checkpoint is kept in memory
 * and decoded, so a recipe gets the trained tensors back (full decoder weights, or the LoRA A/B
 * tensors under their PEFT names). Base weights handed in are cloned, because a training session
 * owns and frees its frozen base.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { decodeLmCheckpoint, LM_CHECKPOINT_NAME } from './checkpoint';
import type { LmTrainJob } from './job';
import type { LmTrainEvent } from './progress';
import { runLmTrainJob } from './runLmTrainJob';
import { trainJobKey, type CachedTraining, type TrainCache } from './trainCache';

/** What a recipe lets its caller observe and control while it trains. */
export interface RecipeTrainHooks {
  /** Plan, phase changes and throttled progress of every training stage (tagged by runId). */
  emit?(runId: string, event: LmTrainEvent): void;
  isCancelled?(): boolean;
  yieldToEventLoop?(): Promise<void>;
  now?(): number;
  /** The workspace's trained-stage cache: a job with the same content is restored, not trained. */
  cache?: TrainCache;
  /** A stage came from the cache (no training events follow for it). */
  onReused?(runId: string): void;
}

/** Trained tensors by name (caller owns them) and the final training loss: what the cache keeps too. */
export type TrainedTensors = CachedTraining;

function cloneAll(weights: ReadonlyMap<string, tf.Tensor>): Map<string, tf.Tensor> {
  return new Map([...weights].map(([n, t]) => [n, tf.clone(t)]));
}

/**
 * Trains `job` (base weights = `base` when given) and returns the trained parameters; with a
 * cache, a job whose content was trained before is restored instead.
 */
export async function trainInMemory(job: LmTrainJob, hooks: RecipeTrainHooks = {}, base?: ReadonlyMap<string, tf.Tensor>): Promise<TrainedTensors> {
  const cache = hooks.cache;
  if (cache === undefined) return train(job, hooks, base);
  const key = trainJobKey(cache, job, base);
  const cached = await cache.load(key);
  if (cached !== null) {
    hooks.onReused?.(job.runId);
    return cached;
  }
  const { threads, ...trained } = await train(job, hooks, base);
  if (threads === cache.threads) await cache.save(key, trained);
  return trained;
}

async function train(job: LmTrainJob, hooks: RecipeTrainHooks, base?: ReadonlyMap<string, tf.Tensor>): Promise<TrainedTensors & { threads: number }> {
  const disk = new Map<string, Uint8Array>();
  let clock = 0;
  const outcome = await runLmTrainJob(base ? { ...job, base: { kind: 'provided' } } : job, {
    emit: (e) => hooks.emit?.(job.runId, e),
    isCancelled: () => hooks.isCancelled?.() ?? false,
    yieldToEventLoop: () => hooks.yieldToEventLoop?.() ?? Promise.resolve(),
    now: () => hooks.now?.() ?? (clock += 1),
    writeCheckpoint: async (name, bytes) => void disk.set(name, bytes),
    readCheckpoint: async () => null,
    ...(base ? { loadBaseWeights: async () => cloneAll(base) } : {}),
  });
  if (outcome.status === 'cancelled') throw new RecForgeError('cancelled', `training stage ${job.runId} was cancelled`);
  const bytes = disk.get(LM_CHECKPOINT_NAME);
  if (bytes === undefined) throw new RecForgeError('internal', `training stage ${job.runId} wrote no checkpoint`);
  const ckpt = await decodeLmCheckpoint(bytes);
  tf.dispose([...ckpt.optimizer.m.values(), ...ckpt.optimizer.v.values()]);
  return { tensors: ckpt.params, finalLoss: outcome.finalLoss, threads: outcome.threads };
}
