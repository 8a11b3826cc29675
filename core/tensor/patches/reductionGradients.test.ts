import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { registerReductionGradients } from './reductionGradients';
import { maxAbsDiff, randArray, runOn } from './testUtil';

useTensorSuite();

const rng = createRng(9);
const cases: [number[], number | number[], boolean][] = [
  [[6, 5, 4], [0, 1], false],
  [[6, 5, 4], -1, true],
  [[6, 5, 4], 1, false],
  [[7, 3], [0, 1], false],
];

describe.each(['wasm', 'cpu'])('Sum/Mean gradients with the backend\'s ones on %s', (backend) => {
  it.each(cases)('x %j axis %j keepDims %s: d/dx Σ w·reduce(x) = w broadcast (÷ n for mean)', async (shape, axis, keepDims) => {
    registerReductionGradients();
    const x = randArray(rng, shape.reduce((a, b) => a * b, 1));
    const outShape = tf.tidy(() => tf.sum(tf.zeros(shape), axis, keepDims).shape);
    const w = randArray(rng, Math.max(1, outShape.reduce((a, b) => a * b, 1)));
    const n = tf.util.parseAxisParam(axis, shape).reduce((p, a) => p * (shape[a] as number), 1);
    const grads = await runOn(backend, () => {
      const weights = tf.tensor(w, outShape);
      const viaSum = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.sum(t, axis, keepDims), weights)))(tf.tensor(x, shape));
      const viaMean = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.mean(t, axis, keepDims), weights)))(tf.tensor(x, shape));
      // Expected: each weight spread over the elements its output reduced.
      const expanded = tf.reshape(weights, shape.map((d, i) => (tf.util.parseAxisParam(axis, shape).includes(i) ? 1 : d)));
      const spread = tf.mul(expanded, tf.onesLike(tf.tensor(x, shape)));
      return [viaSum, viaMean, spread, tf.div(spread, n)];
    });
    const [viaSum, viaMean, sumExpected, meanExpected] = grads as [Float32Array, Float32Array, Float32Array, Float32Array];
    expect(maxAbsDiff([viaSum], [sumExpected])).toBe(0);
    expect(maxAbsDiff([viaMean], [meanExpected])).toBeLessThanOrEqual(1e-7);
    await tf.setBackend('wasm');
  });

  it('takes our path: the backend makes the ones (OnesLike kernel)', async () => {
    await tf.setBackend(backend);
    registerReductionGradients();
    const x = tf.randomNormal([8, 4]);
    const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(t, 0))(x));
    expect(profile.kernels.map((k) => k.name)).toContain('OnesLike');
    tf.dispose([x, profile.result as tf.Tensor]);
    await tf.setBackend('wasm');
  });
});
