/**
 * The WebGPU rung in Chromium (vitest.webgpu.config.ts): a software adapter is skipped unless
 * asked for, a working adapter wins, and a WebGPU backend that computes wrong numbers fails the
 * start-up self-test so the ladder falls back to the next rung and says why.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceKernel } from '../testing/replaceKernel';
import { initBackend } from './backend';

/** Makes webgpu's BatchMatMul return zeros until the returned function restores it. */
function sabotageWebGpuMatMul(): () => void {
  return replaceKernel('BatchMatMul', 'webgpu', (stock) => (args) => {
    const out = stock(args) as tf.TensorInfo;
    const backend = args.backend as { makeTensorInfo(s: number[], d: tf.DataType, v: Float32Array): tf.TensorInfo; disposeData(id: tf.DataId): void };
    backend.disposeData(out.dataId);
    return backend.makeTensorInfo(out.shape, out.dtype, new Float32Array(tf.util.sizeFromShape(out.shape)));
  });
}

describe('the webgpu rung in Chromium', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it('skips a software adapter by default: correct, but slower than wasm', async () => {
    const info = await initBackend({ prefer: ['webgpu', 'cpu'] });
    expect(info.name).toBe('cpu');
    expect(info.detail).toMatch(/skipped: webgpu: software adapter \(.*swiftshader.*\) is slower than wasm/);
  });

  it('wins when a usable adapter is allowed, and says which', async () => {
    const info = await initBackend({ prefer: ['webgpu', 'cpu'], allowSoftwareGpu: true });
    expect(info.name).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    expect(info.detail).toMatch(/^webgpu \(.*swiftshader.*, software\)$/);
  });

  it('falls back cleanly when the backend computes wrong numbers', async () => {
    await initBackend({ prefer: ['webgpu'], allowSoftwareGpu: true }); // registers the kernels
    restore = sabotageWebGpuMatMul();
    const info = await initBackend({ prefer: ['webgpu', 'cpu'], allowSoftwareGpu: true });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.detail).toContain('skipped: webgpu: self-test failed: matmul: value 0 is 0, expected 4');
    expect(tf.sum(tf.matMul([[1, 2]], [[3], [4]])).dataSync()[0]).toBe(11); // training carries on, on cpu
  });
});
