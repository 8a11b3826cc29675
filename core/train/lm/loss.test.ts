import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { setFastPathEnabled } from '../../tensor/patches/fastPaths';
import { SOFTMAX_XENT_SIMD, simdSoftmaxXentReady, softmaxXentKernelStats } from '../../tensor/patches/softmaxXentKernel';
import { createRng } from '../rng';
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

  /** Loss and logit gradient with the SIMD kernels on or off. */
  async function lossAndGradient(logits: tf.Tensor3D, targets: number[], simd: boolean): Promise<number[]> {
    setFastPathEnabled(SOFTMAX_XENT_SIMD, simd);
    try {
      const { value, grads } = tf.variableGrads(() => causalLmLoss(logits, targets), [logits as unknown as tf.Variable]);
      const out = [...(await value.data()), ...(await (Object.values(grads)[0] as tf.Tensor).data())];
      tf.dispose([value, ...Object.values(grads)]);
      return out;
    } finally {
      setFastPathEnabled(SOFTMAX_XENT_SIMD, true);
    }
  }

  const shapeRng = createRng(41);
  const randomShapes = Array.from({ length: 3 }, () => [[shapeRng.nextInt(1, 4), shapeRng.nextInt(1, 9), shapeRng.nextInt(2, 600)]]);
  it.each([[[2, 5, 37]], [[1, 3, 4096]], [[3, 2, 3]], ...randomShapes])('logits %j: the SIMD kernels give the ops loss and gradient (within 1e-5)', async (shape) => {
    const [b, t, v] = shape as [number, number, number];
    const rng = createRng(v);
    // Wide logits, one masked-out entry per row, some rows unscored.
    const values = Float32Array.from({ length: b * t * v }, (_, i) => (i % v === 1 ? -1e9 : 6 * rng.nextNormal()));
    const targets = Array.from({ length: b * t }, (_, i) => (i % 3 === 1 ? IGNORE : (i * 7) % v === 1 ? 0 : (i * 7) % v));
    const logits = tf.tidy(() => tf.variable(tf.tensor3d(values, [b, t, v]))) as unknown as tf.Tensor3D;
    const before = { ...softmaxXentKernelStats };
    const fast = await lossAndGradient(logits, targets, true);
    if (simdSoftmaxXentReady()) expect([softmaxXentKernelStats.forward - before.forward, softmaxXentKernelStats.gradient - before.gradient]).toEqual([1, 1]);
    const ops = await lossAndGradient(logits, targets, false);
    const worst = fast.reduce((w, x, i) => Math.max(w, Math.abs(x - (ops[i] as number)) / Math.max(1, Math.abs(ops[i] as number))), 0);
    expect(worst).toBeLessThan(1e-5);
    logits.dispose();
  });
});
