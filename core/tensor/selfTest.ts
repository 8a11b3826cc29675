/**
 * Start-up self-test for a backend: plain, transposed and batched matmuls (values and a
 * gradient), a gather gradient and buffer-sharing clones, compared with hand-computed values. A
 * backend that loads but computes wrong numbers (or lacks a kernel training needs) fails here,
 * so the ladder moves on instead of training garbage. When our optional fast kernel paths are
 * on and a check fails, they are switched off and the test re-run first: a misbehaving fast
 * path then costs speed (reported in `degraded`), not the backend.
 */
import * as tf from '@tensorflow/tfjs';
import { enabledFastPaths, setFastPathEnabled } from './patches/fastPaths';

/** Result of a self-test: ok (possibly with fast paths switched off), or what went wrong. */
export type SelfTestResult = { readonly ok: true; readonly degraded?: string } | { readonly ok: false; readonly reason: string };

interface Check {
  readonly name: string;
  readonly run: () => tf.Tensor;
  readonly expected: readonly number[];
}

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[1, 0], [0, 1], [1, 1]];
const P = [[[1, 2], [3, 4]], [[0, 1], [1, 0]]];
const Q = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];

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
  // Batched products take the per-slice XNNPACK path on wasm; aᵀ-style and gradient variants too.
  { name: 'batched matmul transposeB', run: () => tf.matMul(tf.tensor3d(P), tf.tensor3d(P), false, true), expected: [5, 11, 11, 25, 1, 0, 0, 1] },
  {
    name: 'batched matmul gradient',
    run: () => tf.grad((a: tf.Tensor) => tf.sum(tf.matMul(a, tf.tensor3d(Q))))(tf.zeros([2, 2, 2])),
    expected: [3, 7, 3, 7, 11, 15, 11, 15],
  },
  {
    name: 'shared-buffer clone',
    run: () => {
      const x = tf.tensor1d([1, 2, 3]);
      const y = tf.cast(tf.clone(x), 'float32');
      x.dispose(); // the clone must outlive its source
      return tf.add(y, 1);
    },
    expected: [2, 3, 4],
  },
];

// Reads asynchronously: a GPU backend's synchronous read-back is a slow workaround that some
// adapters (SwiftShader's WebGPU) get wrong, and the ladder awaits the test anyway.
async function runCheck(check: Check): Promise<string | null> {
  const out = tf.tidy(check.run);
  try {
    const got = await out.data();
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

/** The first failing check's problem, or null when all pass. Never throws. */
async function firstProblem(): Promise<string | null> {
  try {
    for (const check of CHECKS) {
      const problem = await runCheck(check);
      if (problem !== null) return `self-test failed: ${problem}`;
    }
    return null;
  } catch (err) {
    return `self-test threw: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Runs the self-test on the current backend. Never throws. */
export async function backendSelfTest(): Promise<SelfTestResult> {
  const problem = await firstProblem();
  if (problem === null) return { ok: true };
  const fast = enabledFastPaths();
  if (fast.length === 0) return { ok: false, reason: problem };
  for (const name of fast) setFastPathEnabled(name, false);
  const again = await firstProblem();
  if (again !== null) return { ok: false, reason: again };
  return { ok: true, degraded: `${problem}; passed with fast kernel paths off (${fast.join(', ')})` };
}
