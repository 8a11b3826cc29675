import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { setFastPathEnabled } from '../../tensor/patches/fastPaths';
import { ROPE_SIMD, ropeKernelStats } from '../../tensor/patches/ropeKernel';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { applyRope, ropeAtPositions, ropeTables } from './layers';
import type { LmConfig } from './config';

useTensorSuite();

const rng = createRng(17);
const rand = (shape: number[]): tf.Tensor => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.nextNormal()), shape);

/** RoPE of x and the gradient of a random read-out of it, with the SIMD kernel on or off. */
async function ropeAndGradient(x: tf.Tensor, w: tf.Tensor, tables: { cos: tf.Tensor; sin: tf.Tensor }, kernel: boolean): Promise<Float32Array[]> {
  setFastPathEnabled(ROPE_SIMD, kernel);
  try {
    const [y, g] = tf.tidy(() => [applyRope(x, tables.cos, tables.sin), tf.grad((v: tf.Tensor) => tf.sum(tf.mul(applyRope(v, tables.cos, tables.sin), w)))(x)]);
    const out = [(await (y as tf.Tensor).data()) as Float32Array, (await (g as tf.Tensor).data()) as Float32Array];
    tf.dispose([y as tf.Tensor, g as tf.Tensor]);
    return out;
  } finally {
    setFastPathEnabled(ROPE_SIMD, true);
  }
}

const config = (headDim: number): LmConfig => ({ headDim, ropeTheta: 10000 }) as LmConfig;

/** name, batch, heads, length, head dim, per-token tables. */
type RopeCase = [string, number, number, number, number, boolean];
const CASES: RopeCase[] = [
  ['contiguous tables [T, dh]', 2, 3, 5, 16, false],
  ['per-token positions [B, 1, T, dh]', 2, 2, 4, 8, true],
  ['a half that is not a multiple of 4', 1, 2, 3, 6, false],
  ...Array.from({ length: 3 }, (_, i): RopeCase => [`random shape ${i}`, rng.nextInt(1, 4), rng.nextInt(1, 5), rng.nextInt(1, 12), 2 * rng.nextInt(1, 40), i % 2 === 1]),
];

describe('RoPE: the SIMD kernel equals the ops (values and gradients)', () => {
  it.each(CASES)('%s', async (_name, b, h, t, dh, perToken) => {
    const x = rand([b, h, t, dh]);
    const w = rand([b, h, t, dh]);
    const positions = Int32Array.from({ length: b * t }, (_, i) => (i * 5) % 7);
    const tables = perToken ? ropeAtPositions(config(dh), positions, b, t) : ropeTables(config(dh), 3, t);
    const before = ropeKernelStats.calls;
    const [y, g] = await ropeAndGradient(x, w, tables, true);
    expect(ropeKernelStats.calls - before).toBe(tf.getBackend() === 'wasm' ? 3 : 0); // forward, forward in grad, gradient
    const [yRef, gRef] = await ropeAndGradient(x, w, tables, false);
    const gap = (a: Float32Array, r: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - (r[i] as number))), 0);
    expect(gap(y as Float32Array, yRef as Float32Array)).toBeLessThan(1e-6);
    expect(gap(g as Float32Array, gRef as Float32Array)).toBeLessThan(1e-6);
    tf.dispose([x, w, tables.cos, tables.sin]);
  });

  it('differentiates through tables made inside the forward pass (disposed before the gradient runs)', async () => {
    const x = rand([1, 2, 4, 8]);
    const g = tf.grad((v: tf.Tensor) =>
      tf.tidy(() => {
        const { cos, sin } = ropeTables(config(8), 0, 4);
        return tf.sum(applyRope(v, cos, sin));
      }),
    )(x);
    expect((await g.data()).every(Number.isFinite)).toBe(true);
    tf.dispose([x, g]);
  });
});
