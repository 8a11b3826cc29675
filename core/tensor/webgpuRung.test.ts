import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from './backend';

describe('the webgpu rung in Node', () => {
  it('is skipped with the reason, and the ladder moves on', async () => {
    const info = await initBackend({ prefer: ['webgpu', 'wasm'] });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.detail).toContain('skipped: webgpu: no WebGPU here (navigator.gpu is missing');
  });
});
