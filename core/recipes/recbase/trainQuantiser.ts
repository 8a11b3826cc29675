/**
 * Trains a plain RQ-VAE or a CL-VAE on item vectors (§4.2.2, Fig. 1b). Both share the
 * architecture, initialisation, optimizer and total update budget (levels × stepsPerLevel), so a
 * run can show them side by side. CL-VAE differs by exactly what the paper adds:
 * 1. curriculum: stage d trains levels 1..d only, one level added per stage ("Initially, only the
 *    first layer's codebook is trained … adding one level at a time"); the paper moves on "once
 *    the loss stabilises", we use a fixed stepsPerLevel so runs are reproducible and budgeted;
 * 2. re-initialisation of rarely used codes (deadCodes.ts), in the first 3/4 of each stage so the
 *    final assignment settles;
 * 3. the entropy term γ·L_E (rqLoss.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { createRng, mixSeed } from '../../train/rng';
import type { Rng } from '../../train/rng';
import { assignCodes } from './assign';
import { reinitDeadCodes } from './deadCodes';
import { disposeQuantiser, initQuantiser } from './quantiser';
import type { QuantiserParams } from './quantiser';
import { quantiserLoss } from './rqLoss';
import type { QuantiserSettings } from './config';

/** The two tokenizers the run compares. */
export type QuantiserVariant = 'rq-vae' | 'cl-vae';

/** One curriculum stage as it ran. */
export interface QuantiserStage {
  readonly activeLevels: number;
  readonly steps: number;
  readonly finalLoss: number;
  readonly reinitialised: number; // codes reset during the stage
}

/** A trained tokenizer (caller disposes `params`). */
export interface TrainedQuantiser {
  readonly variant: QuantiserVariant;
  readonly params: QuantiserParams;
  readonly stages: readonly QuantiserStage[];
}

/** Optional observation and cooperative scheduling. */
export interface QuantiserHooks {
  onLoss?(variant: QuantiserVariant, step: number, loss: number): void;
  yieldToEventLoop?(): Promise<void>;
  /** Checked before every update; true stops training with RecForgeError('cancelled'). */
  isCancelled?(): boolean;
}

interface Fit {
  readonly x: tf.Tensor2D;
  readonly s: QuantiserSettings;
  readonly variant: QuantiserVariant;
  readonly p: QuantiserParams;
  readonly rng: Rng;
  readonly hooks: QuantiserHooks;
  step: number;
}

function batchIndices(rng: Rng, n: number, size: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  return Int32Array.from({ length: size }, () => rng.nextInt(0, n));
}

function trainableAt(p: QuantiserParams, active: number): tf.Variable[] {
  return [...p].filter(([name]) => !name.startsWith('codebook.') || Number(name.slice(9)) < active).map(([, v]) => v);
}

function reinit(f: Fit, active: number): number {
  const levels = f.s.reinitLevels === 'first' ? [0] : Array.from({ length: active }, (_, d) => d);
  // Fresh codes per level: re-seeding level d changes the residuals, usage and errors of the levels after it.
  return levels.reduce((n, d) => n + reinitDeadCodes(f.p, assignCodes(f.p, f.x, active), d, f.s.deadUsage, f.rng), 0);
}

async function runStage(f: Fit, opt: tf.Optimizer, active: number, steps: number): Promise<QuantiserStage> {
  const cl = f.variant === 'cl-vae';
  const lossOpts = { activeLevels: active, beta: f.s.beta, gamma: cl ? f.s.gamma : 0, softTemperature: f.s.softTemperature };
  const vars = trainableAt(f.p, active);
  let finalLoss = NaN;
  let reinitialised = 0;
  for (let k = 0; k < steps; k++) {
    if (f.hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', `${f.variant} training was cancelled`);
    if (cl && k > 0 && k % f.s.reinitEvery === 0 && k < 0.75 * steps) reinitialised += reinit(f, active);
    const idx = tf.tensor1d(batchIndices(f.rng, f.x.shape[0], f.s.batchSize), 'int32');
    const loss = opt.minimize(() => tf.tidy(() => quantiserLoss(f.p, tf.gather(f.x, idx), lossOpts)), true, vars);
    idx.dispose();
    finalLoss = loss?.dataSync()[0] ?? NaN;
    loss?.dispose();
    f.hooks.onLoss?.(f.variant, ++f.step, finalLoss);
    if (f.step % 25 === 0) await f.hooks.yieldToEventLoop?.();
  }
  return { activeLevels: active, steps, finalLoss, reinitialised };
}

/**
 * Fits a tokenizer on `vectors` ([items, inputDim] row-major). Deterministic in `seed`: both
 * variants start from the same parameters (same seed) and see batches from the same stream.
 */
export async function trainQuantiser(vectors: Float32Array, inputDim: number, s: QuantiserSettings, variant: QuantiserVariant, seed: number, hooks: QuantiserHooks = {}): Promise<TrainedQuantiser> {
  const n = vectors.length / inputDim;
  const p = initQuantiser({ inputDim, hiddenDim: s.hiddenDim, latentDim: s.latentDim, levels: s.levels, codes: s.codes }, mixSeed(seed, 1));
  const x = tf.tensor2d(vectors, [n, inputDim]);
  const opt = tf.train.adam(s.lr);
  const f: Fit = { x, s, variant, p, rng: createRng(mixSeed(seed, 2)), hooks, step: 0 };
  try {
    const plan = variant === 'cl-vae' ? Array.from({ length: s.levels }, (_, d) => ({ active: d + 1, steps: s.stepsPerLevel })) : [{ active: s.levels, steps: s.levels * s.stepsPerLevel }];
    const stages: QuantiserStage[] = [];
    for (const st of plan) stages.push(await runStage(f, opt, st.active, st.steps));
    return { variant, params: p, stages };
  } catch (e) {
    disposeQuantiser(p);
    throw e;
  } finally {
    opt.dispose();
    x.dispose();
  }
}
