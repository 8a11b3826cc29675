/**
 * Tensor-leak checks for tests: every core test asserts that tf.memory().numTensors is the same
 * before and after the code under test.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Runs `fn` and throws if it left tensors behind (or freed tensors it did not own).
 * Returns whatever `fn` returned, so it can wrap an assertion-producing computation.
 */
export async function expectNoLeaks<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(`tensor leak: numTensors ${before} → ${after} (${after - before > 0 ? '+' : ''}${after - before})`);
  }
  return result;
}

/**
 * For beforeEach/afterEach pairs: `const check = startLeakCheck(); …; check()` throws on a leak.
 */
export function startLeakCheck(): () => void {
  const before = tf.memory().numTensors;
  return () => {
    const after = tf.memory().numTensors;
    if (after !== before) throw new Error(`tensor leak: numTensors ${before} → ${after}`);
  };
}
