/**
 * AdamW (Loshchilov & Hutter; PyTorch torch.optim.AdamW) as pure tensor functions over a Map of
 * parameters. Weight decay is decoupled: p ← p·(1 − lr·λ) − lr·m̂/(√v̂ + ε), with bias-corrected
 * moments m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). We own the state (instead of tf.train.adam) so it can
 * be written to and read from checkpoints as plain tensors and exact resume is guaranteed.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';

/** Hyper-parameters (the learning rate comes from the schedule on every step). */
export interface AdamWHyper {
  readonly beta1: number; // first-moment decay (0.9)
  readonly beta2: number; // second-moment decay (0.999)
  readonly eps: number; // added to √v̂ (1e-8)
  readonly weightDecay: number; // decoupled decay λ per unit lr (0.01)
}

/** PyTorch's AdamW defaults. */
export function defaultAdamW(): AdamWHyper {
  return { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };
}

/** Moments per parameter name and the number of updates done. Owns its tensors. */
export interface AdamWState {
  readonly step: number;
  readonly m: Map<string, tf.Tensor>;
  readonly v: Map<string, tf.Tensor>;
}

/** Which parameters get weight decay: matrices yes; norms and biases (rank < 2) no (nanoGPT, HF). */
export function decaysByDefault(_name: string, p: tf.Tensor): boolean {
  return p.rank >= 2;
}

/** Zero moments for every parameter, step 0. */
export function initAdamWState(params: ReadonlyMap<string, tf.Tensor>): AdamWState {
  const m = new Map<string, tf.Tensor>();
  const v = new Map<string, tf.Tensor>();
  for (const [name, p] of params) {
    m.set(name, tf.zerosLike(p));
    v.set(name, tf.zerosLike(p));
  }
  return { step: 0, m, v };
}

/** One parameter's update at step t (1-based). Returns new tensors; the inputs are untouched. */
export function adamwUpdate(
  p: tf.Tensor,
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  t: number,
  lr: number,
  hp: AdamWHyper,
  decay: boolean,
): { p: tf.Tensor; m: tf.Tensor; v: tf.Tensor } {
  return tf.tidy(() => {
    const m2 = tf.add(tf.mul(m, hp.beta1), tf.mul(g, 1 - hp.beta1));
    const v2 = tf.add(tf.mul(v, hp.beta2), tf.mul(tf.square(g), 1 - hp.beta2));
    const mHat = tf.div(m2, 1 - hp.beta1 ** t);
    const vHat = tf.div(v2, 1 - hp.beta2 ** t);
    const decayed = decay && hp.weightDecay !== 0 ? tf.mul(p, 1 - lr * hp.weightDecay) : p;
    const p2 = tf.sub(decayed, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), hp.eps)), lr));
    return { p: p2, m: m2, v: v2 };
  });
}

function need(map: ReadonlyMap<string, tf.Tensor>, name: string, what: string): tf.Tensor {
  const t = map.get(name);
  if (t === undefined) throw new RecForgeError('validation', `AdamW: no ${what} for parameter ${name}`);
  return t;
}

/**
 * One update of every parameter. Pure: returns new parameter tensors and a new state; the caller
 * disposes the old ones (see replaceParams / disposeAdamWState).
 */
export function adamwStep(
  params: ReadonlyMap<string, tf.Tensor>,
  grads: ReadonlyMap<string, tf.Tensor>,
  state: AdamWState,
  lr: number,
  hp: AdamWHyper,
  decays: (name: string, p: tf.Tensor) => boolean = decaysByDefault,
): { params: Map<string, tf.Tensor>; state: AdamWState } {
  const t = state.step + 1;
  const out = new Map<string, tf.Tensor>();
  const m = new Map<string, tf.Tensor>();
  const v = new Map<string, tf.Tensor>();
  for (const [name, p] of params) {
    const u = adamwUpdate(p, need(grads, name, 'gradient'), need(state.m, name, 'first moment'), need(state.v, name, 'second moment'), t, lr, hp, decays(name, p));
    out.set(name, u.p);
    m.set(name, u.m);
    v.set(name, u.v);
  }
  return { params: out, state: { step: t, m, v } };
}

/** Frees the moments. */
export function disposeAdamWState(state: AdamWState): void {
  tf.dispose([...state.m.values(), ...state.v.values()]);
}

/** Tensor names of the exported state (the SASRec checkpoint's `optimizer.m.<name>` scheme). */
export const ADAMW_STEP_NAME = 'optimizer.step';
const momentName = (kind: 'm' | 'v', name: string): string => `optimizer.${kind}.${name}`;

/** The state as plain named tensors (new tensors, the caller's to dispose): moments and an int32 step. */
export function exportAdamWState(state: AdamWState): Map<string, tf.Tensor> {
  const out = new Map<string, tf.Tensor>([[ADAMW_STEP_NAME, tf.scalar(state.step, 'int32')]]);
  for (const [name, t] of state.m) out.set(momentName('m', name), tf.clone(t));
  for (const [name, t] of state.v) out.set(momentName('v', name), tf.clone(t));
  return out;
}

/** Rebuilds the state for `paramNames` from exportAdamWState's tensors (copied; inputs stay the caller's). */
export async function importAdamWState(tensors: ReadonlyMap<string, tf.Tensor>, paramNames: readonly string[]): Promise<AdamWState> {
  const step = (await need(tensors, ADAMW_STEP_NAME, 'checkpointed step').data())[0] ?? 0;
  const m = new Map<string, tf.Tensor>();
  const v = new Map<string, tf.Tensor>();
  for (const name of paramNames) {
    m.set(name, tf.clone(need(tensors, momentName('m', name), 'checkpointed first moment')));
    v.set(name, tf.clone(need(tensors, momentName('v', name), 'checkpointed second moment')));
  }
  return { step, m, v };
}

/** True for tensor names exportAdamWState produces. */
export function isAdamWTensorName(name: string): boolean {
  return name === ADAMW_STEP_NAME || name.startsWith('optimizer.m.') || name.startsWith('optimizer.v.');
}
