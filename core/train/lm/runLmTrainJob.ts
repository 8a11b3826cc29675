/**
 * One LM training run end to end, in the style of core/train/runTrainJob.ts: open the session
 * (fresh or from its checkpoint), then per update resolve the data phase, read k micro-batches
 * from that phase's source, take an AdamW step at the scheduled lr, report throttled progress,
 * checkpoint every `checkpointEvery` updates and at the end. The host owns time, yielding,
 * cancellation, files, hashing and base weights; they come in as LmTrainHooks.
 */
import { RecForgeError } from '../../errors';
import type { StartReplicas } from '../parallel/protocol';
import { replicaStarter } from '../parallel/replicaProvider';
import { makeSchedule } from '../schedules';
import type { LrSchedule } from '../schedules';
import type { LmTrainJob } from './job';
import { readMicroBatches } from './packing';
import { phaseBoundaries, resolvePhase } from './phases';
import { LmProgress } from './progress';
import type { LmTrainEvent } from './progress';
import { closeSession, openSession, saveSession } from './session';
import type { LmSession, SessionHooks } from './session';
import { closeLmReplicas, gradientsFor, startLmReplicas } from './parallel/lmDataParallel';
import { trainStep, type GradientsOf } from './step';
import { resolveLmJob } from './validate';

/** What the host provides to a running LM job. */
export interface LmTrainHooks extends SessionHooks {
  /** Receives the plan, phase changes and throttled progress deltas. */
  emit(event: LmTrainEvent): void;
  /** Polled after every update. */
  isCancelled(): boolean;
  /** Awaited after every update so queued messages (e.g. cancel) are processed. */
  yieldToEventLoop(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
  /**
   * Data-parallel replicas (threads on the other cores); default: the process's installed
   * starter (core/train/parallel/replicaProvider), if any.
   */
  startReplicas?: StartReplicas;
}

/** How a job ended (failures are thrown); `threads`: this one plus the replicas that started. */
export type LmTrainOutcome = { readonly status: 'done'; readonly steps: number; readonly finalLoss: number | null; readonly threads: number } | { readonly status: 'cancelled'; readonly steps: number };

interface Loop {
  readonly s: LmSession;
  readonly hooks: LmTrainHooks;
  readonly progress: LmProgress;
  readonly schedule: LrSchedule;
  /** Accumulated gradients of an update: on this thread (undefined) or data-parallel. */
  readonly gradientsOf: GradientsOf | undefined;
}

/** Runs update number s.step (0-based) and records it; returns its loss. */
async function update(loop: Loop): Promise<number> {
  const { s, hooks, progress } = loop;
  const job = s.job;
  const phase = resolvePhase(job.phases, s.step);
  if (phase.name !== s.phase) progress.phaseChange(s.step + 1, s.phase, phase.name, phase.source);
  s.phase = phase.name;
  const stream = s.streams.get(phase.source);
  if (stream === undefined) throw new RecForgeError('internal', `no stream for source ${phase.source}`);
  const batches = readMicroBatches(stream, job.accumulation, job.batchSize, job.maxLen, job.packing, job.padId);
  const lr = loop.schedule(s.step);
  const started = hooks.now();
  const r = await trainStep({ config: job.model, model: s.model, dropoutRng: s.dropoutRng }, s.params, s.optimizer, batches, { lr, hyper: job.optimizer, clipNorm: job.clipNorm }, loop.gradientsOf);
  s.params = r.params;
  s.optimizer = r.state;
  s.step++;
  if (!Number.isFinite(r.loss)) throw new RecForgeError('internal', `training diverged: loss ${r.loss} at step ${s.step}`);
  const tokens = batches.reduce((n, b) => n + b.tokens, 0);
  const seconds = Math.max(1e-9, (hooks.now() - started) / 1000);
  progress.record({ step: s.step, loss: r.loss, lr, phase: phase.name, source: phase.source, tokens, tokensPerSecond: tokens / seconds, gradNorm: r.gradNorm });
  return r.loss;
}

/** Trains the remaining updates; resolves false when cancelled. */
async function trainLoop(loop: Loop): Promise<{ finished: boolean; lastLoss: number | null }> {
  const { s, hooks } = loop;
  const every = s.job.checkpointEvery;
  let lastLoss: number | null = null;
  while (s.step < s.job.steps) {
    lastLoss = await update(loop);
    if (every > 0 && s.step % every === 0 && s.step < s.job.steps) await saveSession(s, hooks);
    await hooks.yieldToEventLoop();
    // A cancel that arrives during the last update is too late: the run finishes and saves (a resume would redo the updates since the last checkpoint).
    if (s.step < s.job.steps && hooks.isCancelled()) return { finished: false, lastLoss };
  }
  return { finished: true, lastLoss };
}

/**
 * Runs an LM training job. Resolves 'done' (after writing the final checkpoint) or 'cancelled'
 * (checked after every update; the last periodic checkpoint stays the resume point). Throws
 * RecForgeError on a bad job, a bad checkpoint or divergence. Frees every tensor it created.
 * With replicas, every update's rows are spread over the threads (same gradients; LoRA dropout
 * masks are drawn per thread, so runs with dropout differ by thread count, not by resume).
 */
export async function runLmTrainJob(input: LmTrainJob, hooks: LmTrainHooks): Promise<LmTrainOutcome> {
  const job = resolveLmJob(input);
  const schedule = makeSchedule(job.schedule);
  const s = await openSession(job, hooks);
  const progress = new LmProgress({ emit: (e) => hooks.emit(e), now: () => hooks.now(), totalSteps: job.steps });
  let parallel = null;
  try {
    parallel = await startLmReplicas(job.model, s.model, s.params, replicaStarter(hooks.startReplicas));
    progress.plan(s.step, phaseBoundaries(job.phases, job.steps));
    const { finished, lastLoss } = await trainLoop({ s, hooks, progress, schedule, gradientsOf: gradientsFor(parallel) });
    progress.flush();
    if (!finished) return { status: 'cancelled', steps: s.step };
    await saveSession(s, hooks);
    return { status: 'done', steps: s.step, finalLoss: lastLoss, threads: 1 + (parallel?.replicas.length ?? 0) };
  } finally {
    await closeLmReplicas(parallel);
    closeSession(s);
  }
}
