import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceKernel } from '../../testing/replaceKernel';
import { backendSelfTest } from '../selfTest';
import { declareFastPath, enabledFastPaths, isFastPathEnabled, setFastPathEnabled } from './fastPaths';

const BROKEN = 'test: broken BatchMatMul';

/** Swaps the cpu BatchMatMul for one that adds 1 to every output while `broken()` holds. */
function sabotageCpuMatMul(broken: () => boolean): () => void {
  return replaceKernel('BatchMatMul', 'cpu', (stock) => (args) => {
    const out = stock(args) as tf.TensorInfo;
    if (!broken()) return out;
    const backend = args.backend as { readSync(id: tf.DataId): Float32Array; makeTensorInfo(s: number[], d: tf.DataType, v: Float32Array): tf.TensorInfo; disposeData(id: tf.DataId): void };
    const wrong = backend.readSync(out.dataId).map((v) => v + 1);
    backend.disposeData(out.dataId);
    return backend.makeTensorInfo(out.shape, out.dtype, wrong);
  });
}

describe('backendSelfTest with a misbehaving fast path', () => {
  const wasOn = enabledFastPaths();
  afterAll(() => {
    for (const name of wasOn) setFastPathEnabled(name, true);
  });

  it('detects it, switches fast paths off and passes degraded', async () => {
    await tf.setBackend('cpu');
    const restore = sabotageCpuMatMul(() => isFastPathEnabled(BROKEN));
    try {
      declareFastPath(BROKEN);
      setFastPathEnabled(BROKEN, true);
      const res = await backendSelfTest();
      expect(res.ok).toBe(true);
      expect(res.ok && res.degraded).toMatch(/matmul: value 0 is 5, expected 4.*test: broken BatchMatMul/);
      expect(isFastPathEnabled(BROKEN)).toBe(false);
      expect(await backendSelfTest()).toEqual({ ok: true }); // now clean
    } finally {
      restore();
    }
  });

  it('fails when switching the fast paths off does not help', async () => {
    await tf.setBackend('cpu');
    const restore = sabotageCpuMatMul(() => true);
    try {
      const res = await backendSelfTest();
      expect(res).toEqual({ ok: false, reason: 'self-test failed: matmul: value 0 is 5, expected 4' });
    } finally {
      restore();
    }
  });
});
