/**
 * Start-up self-test for a backend: a plain and a transposed matmul plus a gather gradient,
 * compared with hand-computed values. A backend that loads but computes wrong numbers (or lacks
 * a kernel training needs) fails here, so the ladder moves on instead of training garbage.
 */
import * as tf from '@tensorflow/tfjs';

/** Result of a self-test: ok, or what went wrong. */
export type SelfTestResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface Check {
  readonly name: string;
  readonly run: () => tf.Tensor;
  readonly expected: readonly number[];
}

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[1, 0], [0, 1], [1, 1]];

const CHECKS: readonly Check[] = [
  { name: 'matmul', run: () => tf.matMul(tf.tensor2d(A), tf.tensor2d(B)), expected: [4, 5, 10, 11] },
  // a·aᵀ exercises the transposed path that the wasm patch replaces.
  { name: 'matmul transposeB', run: () => tf.matMul(tf.tensor2d(A), tf.tensor2d(A), false, true), expected: [14, 32, 32, 77] },
  {
    name: 'gather gradient',
    run: () => {
      const ids = tf.tensor1d([1, 3, 1], 'int32');
      const w = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
      const f = (t: tf.Tensor): tf.Tensor => tf.sum(tf.mul(tf.gather(t, ids), w));
      return tf.grad(f)(tf.zeros([4, 2]));
    },
    expected: [0, 0, 6, 8, 0, 0, 3, 4],
  },
];

function runCheck(check: Check): string | null {
  const out = tf.tidy(check.run);
  try {
    const got = out.dataSync();
    if (got.length !== check.expected.length) return `${check.name}: got ${got.length} values`;
    for (let i = 0; i < got.length; i++) {
      if (!(Math.abs((got[i] as number) - (check.expected[i] as number)) <= 1e-4)) {
        return `${check.name}: value ${i} is ${got[i]}, expected ${check.expected[i]}`;
      }
    }
    return null;
  } finally {
    out.dispose();
  }
}

/** Runs the self-test on the current backend. Never throws. */
export function backendSelfTest(): SelfTestResult {
  try {
    for (const check of CHECKS) {
      const problem = runCheck(check);
      if (problem !== null) return { ok: false, reason: `self-test failed: ${problem}` };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `self-test threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}
