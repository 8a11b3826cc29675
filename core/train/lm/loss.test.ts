import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { IGNORE, causalLmLoss, countTargets, tokenNllSum } from './loss';

useTensorSuite();

const logsumexp = (xs: number[]): number => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
};

describe('causal LM loss', () => {
  it('averages −log p(target) over scored positions only', async () => {
    const rows = [[1, 2, 3], [0, 0, 0], [3, 1, -1], [5, 5, 5]]; // [B=2, T=2, V=3]
    const targets = [2, IGNORE, 0, IGNORE];
    const logits = tf.tensor3d(rows.flat(), [2, 2, 3]);
    const loss = causalLmLoss(logits, targets);
    const want = ((logsumexp([1, 2, 3]) - 3) + (logsumexp([3, 1, -1]) - 3)) / 2;
    expect(countTargets(targets)).toBe(2);
    expect((await loss.data())[0]).toBeCloseTo(want, 5);
    tf.dispose([logits, loss]);
  });

  it('stays finite for huge logits and is 0 with nothing scored', async () => {
    const logits = tf.tensor3d([1e4, -1e4, 0, 1e4], [1, 2, 2]);
    const big = tokenNllSum(logits, [1, 0]);
    expect((await big.data())[0]).toBeCloseTo(2e4 + 1e4, -1);
    const none = causalLmLoss(logits, [IGNORE, IGNORE]);
    expect((await none.data())[0]).toBe(0);
    tf.dispose([logits, big, none]);
  });

  it('has the softmax − one-hot gradient at scored positions and zero elsewhere', async () => {
    const logits = tf.tensor3d([0, Math.log(3), 7, 7], [1, 2, 2]);
    const g = tf.grad((x: tf.Tensor) => causalLmLoss(x as tf.Tensor3D, [0, IGNORE]))(logits);
    const v = Array.from(await g.data());
    [0.25 - 1, 0.75, 0, 0].forEach((w, i) => expect(v[i]).toBeCloseTo(w, 5));
    tf.dispose([logits, g]);
  });
});
