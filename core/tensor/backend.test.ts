import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoLeaks } from '../testing/leaks';
import { initBackend } from './backend';
import { REDUCTION_GRADIENTS_PATCH } from './patches/reductionGradients';
import { backendSelfTest } from './selfTest';

const notInstalled = (spec: string): Promise<unknown> => Promise.reject(new Error(`Cannot find module '${spec}'`));

afterEach(() => {
  if (tf.findBackendFactory('tensorflow') !== null) tf.removeBackend('tensorflow');
});

describe('initBackend', () => {
  it('falls through the native rungs to patched wasm and says why', async () => {
    const info = await initBackend({ importer: notInstalled });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.patches).toHaveLength(7); // 6 kernels + the reduction gradients
    expect(info.patches).toContain(REDUCTION_GRADIENTS_PATCH);
    expect(info.detail).toMatch(/^wasm \(SIMD/);
    expect(info.detail).toContain("tfjs-node-gpu: not available (Cannot find module '@tensorflow/tfjs-node-gpu')");
    expect(info.detail).toContain('tfjs-node: not available');
  });

  it('honours prefer and patches cpu', async () => {
    const info = await initBackend({ prefer: ['cpu'], importer: notInstalled });
    expect(info).toMatchObject({ name: 'cpu', patches: ['UnsortedSegmentSum (JS kernel)', REDUCTION_GRADIENTS_PATCH] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('moves on when a native backend loads but fails the self-test', async () => {
    // A 'tensorflow' backend with no kernels registered under that name: the self-test throws.
    const brokenNative = async (): Promise<unknown> => tf.registerBackend('tensorflow', () => new MathBackendCPU());
    const info = await initBackend({ prefer: ['tfjs-node', 'wasm'], importer: brokenNative });
    expect(info.name).toBe('wasm');
    expect(info.detail).toMatch(/tfjs-node: self-test threw: Kernel '\w+' not registered for backend 'tensorflow'/);
  });

  it('reports unknown rungs and throws when nothing works', async () => {
    await expect(initBackend({ prefer: ['tpu'] })).rejects.toThrow(/no tfjs backend works: tpu: unknown backend rung/);
  });

  it('self-test passes without leaking on the active backend', async () => {
    await initBackend({ prefer: ['wasm'] });
    expect(await expectNoLeaks(async () => backendSelfTest())).toEqual({ ok: true });
  });
});
