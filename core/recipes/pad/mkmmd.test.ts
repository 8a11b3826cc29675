import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { mkMmd, padMmdOptions, type MmdEstimator } from './mkmmd';

useTensorSuite();

type Rows = number[][];

/** Float64 reference written straight from the definitions (Gretton et al. 2012, tllib bandwidth). */
function referenceMkMmd(x: Rows, y: Rows, alphas: readonly number[], estimator: MmdEstimator): number {
  const z = [...x, ...y];
  const d2 = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + (v - (b[i] ?? 0)) ** 2, 0);
  let total = 0;
  for (const a of z) for (const b of z) total += d2(a, b);
  const mean = total / (z.length * z.length);
  const k = (a: number[], b: number[]): number => alphas.reduce((s, al) => s + Math.exp(-d2(a, b) / (2 * al * mean)), 0);
  const n = x.length;
  const m = y.length;
  if (estimator === 'biased') {
    let xx = 0, yy = 0, xy = 0;
    for (const a of x) for (const b of x) xx += k(a, b);
    for (const a of y) for (const b of y) yy += k(a, b);
    for (const a of x) for (const b of y) xy += k(a, b);
    return xx / (n * n) + yy / (m * m) - (2 * xy) / (n * m);
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const [xi, xj, yi, yj] = [x[i] ?? [], x[j] ?? [], y[i] ?? [], y[j] ?? []];
      s += k(xi, xj) + k(yi, yj) - k(xi, yj) - k(xj, yi);
    }
  }
  return s / (n * (n - 1));
}

function sample(n: number, d: number, seed: number, shift: number): Rows {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.nextNormal() + shift));
}

function tfMmd(x: Rows, y: Rows, estimator: MmdEstimator): number {
  return tf.tidy(() => mkMmd(tf.tensor2d(x), tf.tensor2d(y), { ...padMmdOptions(), estimator }).dataSync()[0] ?? NaN);
}

describe('mkMmd', () => {
  it.each<[MmdEstimator, number, number]>([
    ['biased', 0, 12],
    ['biased', 0.7, 9],
    ['unbiased', 0, 12],
    ['unbiased', 0.7, 12],
  ])('%s estimator matches the float64 reference within 1e-5 (shift %s, n %s)', (estimator, shift, n) => {
    const x = sample(n, 6, 1, 0);
    const y = sample(estimator === 'unbiased' ? n : n + 3, 6, 2, shift);
    const ref = referenceMkMmd(x, y, padMmdOptions().alphas, estimator);
    expect(Math.abs(tfMmd(x, y, estimator) - ref)).toBeLessThan(1e-5);
  });

  it.each<MmdEstimator>(['biased', 'unbiased'])('%s estimator is zero for identical samples', (estimator) => {
    const x = sample(10, 5, 3, 0);
    expect(Math.abs(tfMmd(x, x, estimator))).toBeLessThan(1e-6);
    expect(referenceMkMmd(x, x, padMmdOptions().alphas, estimator)).toBeCloseTo(0, 12);
  });

  it('grows with the distribution shift and has finite gradients', () => {
    const x = sample(16, 4, 4, 0);
    expect(tfMmd(x, sample(16, 4, 5, 2), 'biased')).toBeGreaterThan(tfMmd(x, sample(16, 4, 5, 0.2), 'biased'));
    const g = tf.tidy(() => {
      const y = tf.tensor2d(sample(16, 4, 6, 1));
      return tf.grad((v: tf.Tensor) => mkMmd(tf.tensor2d(x), v as tf.Tensor2D))(y).dataSync();
    });
    expect(Array.from(g).every(Number.isFinite)).toBe(true);
  });
});
