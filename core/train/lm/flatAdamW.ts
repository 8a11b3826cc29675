/**
 * Clip → AdamW as one pass over plain arrays per parameter, for CPU backends (see
 * core/train/flatSteps.ts). The tensor version (clip.ts + adamw.ts) dispatches ~15 small ops per
 * parameter — with LoRA on every projection that is ~1,300 ops and ~20 ms of a step, serial on the
 * data-parallel lead. Same formulas, same state (tensors, so checkpoints and resume are unchanged):
 * scale = min(1, maxNorm / (‖g‖ + 1e-6)); m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * p ← p·(1 − lr·λ) − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { adamPass } from '../parallel/flatAdam';
import { decaysByDefault, type AdamWHyper, type AdamWState } from './adamw';

/** What one flat update produced (new tensors; the inputs stay the caller's). */
export interface FlatAdamWResult {
  readonly params: Map<string, tf.Tensor>;
  readonly state: AdamWState;
  /** ‖g‖ before clipping. */
  readonly gradNorm: number;
}

async function floats(map: ReadonlyMap<string, tf.Tensor>, name: string, what: string): Promise<Float32Array> {
  const t = map.get(name);
  if (t === undefined) throw new RecForgeError('validation', `AdamW: no ${what} for parameter ${name}`);
  return (await t.data()) as Float32Array;
}

/** √(Σ g²) over every gradient, summed in float64. */
function globalNormOf(grads: readonly Float32Array[]): number {
  let sum = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sum += (g[i] as number) * (g[i] as number);
  return Math.sqrt(sum);
}

/** Clip by global norm (maxNorm null: no clipping), then one AdamW step of every parameter. */
export async function flatClipAdamW(
  params: ReadonlyMap<string, tf.Tensor>,
  grads: ReadonlyMap<string, tf.Tensor>,
  state: AdamWState,
  lr: number,
  hp: AdamWHyper,
  maxNorm: number | null,
  decays: (name: string, p: tf.Tensor) => boolean = decaysByDefault,
): Promise<FlatAdamWResult> {
  const names = [...params.keys()];
  const g = await Promise.all(names.map((n) => floats(grads, n, 'gradient')));
  const gradNorm = globalNormOf(g);
  const t = state.step + 1;
  const gradScale = maxNorm === null ? 1 : Math.min(1, maxNorm / (gradNorm + 1e-6));
  const base = { beta1: hp.beta1, beta2: hp.beta2, eps: hp.eps, gradScale, lr, c1: 1 - hp.beta1 ** t, c2: 1 - hp.beta2 ** t };
  const out = { params: new Map<string, tf.Tensor>(), m: new Map<string, tf.Tensor>(), v: new Map<string, tf.Tensor>() };
  for (const [k, name] of names.entries()) {
    const tensor = params.get(name) as tf.Tensor;
    // Copies: the cpu backend's data() hands out the tensor's own array, and the inputs must stay intact.
    const [p, m, v] = (await Promise.all([floats(params, name, 'value'), floats(state.m, name, 'first moment'), floats(state.v, name, 'second moment')])).map((a) => a.slice());
    const keep = decays(name, tensor) && hp.weightDecay !== 0 ? 1 - lr * hp.weightDecay : 1;
    adamPass(p as Float32Array, g[k] as Float32Array, m as Float32Array, v as Float32Array, { ...base, keep });
    out.params.set(name, tf.tensor(p as Float32Array, tensor.shape, 'float32'));
    out.m.set(name, tf.tensor(m as Float32Array, tensor.shape, 'float32'));
    out.v.set(name, tf.tensor(v as Float32Array, tensor.shape, 'float32'));
  }
  return { params: out.params, state: { step: t, m: out.m, v: out.v }, gradNorm };
}
