import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { adamwStep, disposeAdamWState, exportAdamWState, importAdamWState, initAdamWState } from './adamw';
import type { AdamWHyper } from './adamw';

useTensorSuite();

const HP: AdamWHyper = { beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.1 };

/** AdamW on plain numbers, written from the paper's update rule. */
function reference(p: number[], grads: number[][], lrs: number[], decay: boolean): number[] {
  let m = p.map(() => 0);
  let v = p.map(() => 0);
  let x = [...p];
  grads.forEach((g, k) => {
    const t = k + 1;
    const lr = lrs[k] as number;
    m = m.map((mi, i) => HP.beta1 * mi + (1 - HP.beta1) * (g[i] as number));
    v = v.map((vi, i) => HP.beta2 * vi + (1 - HP.beta2) * (g[i] as number) ** 2);
    x = x.map((xi, i) => {
      const mHat = (m[i] as number) / (1 - HP.beta1 ** t);
      const vHat = (v[i] as number) / (1 - HP.beta2 ** t);
      return (decay ? xi * (1 - lr * HP.weightDecay) : xi) - (lr * mHat) / (Math.sqrt(vHat) + HP.eps);
    });
  });
  return x;
}

describe('AdamW', () => {
  it('two steps match a plain-number AdamW (matrix decayed, vector not)', async () => {
    const w0 = [0.5, -1, 2, 0.25];
    const b0 = [1, -2];
    const gw = [[0.1, -0.3, 0.5, 0], [-0.2, 0.4, 0.1, 1]];
    const gb = [[1, 2], [0.5, -0.5]];
    const lrs = [0.1, 0.05];
    let params = new Map<string, tf.Tensor>([['w', tf.tensor2d(w0, [2, 2])], ['b', tf.tensor1d(b0)]]);
    let state = initAdamWState(params);
    for (let k = 0; k < 2; k++) {
      const grads = new Map<string, tf.Tensor>([['w', tf.tensor2d(gw[k] as number[], [2, 2])], ['b', tf.tensor1d(gb[k] as number[])]]);
      const next = adamwStep(params, grads, state, lrs[k] as number, HP);
      tf.dispose([...grads.values(), ...params.values()]);
      disposeAdamWState(state);
      ({ params, state } = next);
    }
    expect(state.step).toBe(2);
    const w = Array.from((await params.get('w')?.data()) ?? []);
    const b = Array.from((await params.get('b')?.data()) ?? []);
    reference(w0, gw, lrs, true).forEach((x, i) => expect(w[i]).toBeCloseTo(x, 5));
    reference(b0, gb, lrs, false).forEach((x, i) => expect(b[i]).toBeCloseTo(x, 5));
    tf.dispose([...params.values()]);
    disposeAdamWState(state);
  });

  it('state exports to plain tensors and imports back unchanged', async () => {
    const params = new Map<string, tf.Tensor>([['w', tf.ones([2, 3])]]);
    const grads = new Map<string, tf.Tensor>([['w', tf.fill([2, 3], 0.5)]]);
    const zero = initAdamWState(params);
    const { params: p2, state } = adamwStep(params, grads, zero, 0.1, HP);
    disposeAdamWState(zero);
    const exported = exportAdamWState(state);
    expect([...exported.keys()].sort()).toEqual(['optimizer.m.w', 'optimizer.step', 'optimizer.v.w']);
    const back = await importAdamWState(exported, ['w']);
    expect(back.step).toBe(1);
    expect(await back.m.get('w')?.data()).toEqual(await state.m.get('w')?.data());
    expect(await back.v.get('w')?.data()).toEqual(await state.v.get('w')?.data());
    tf.dispose([...params.values(), ...grads.values(), ...p2.values(), ...exported.values()]);
    disposeAdamWState(state);
    disposeAdamWState(back);
  });
});
