import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../core/protocol/dto';
import { MAX_CHECKPOINT_BYTES } from '../../core/protocol/compute';
import { adapterOf, computePreferenceFrom, fitsWindowHost, routeSasRec, sasrecCheckpointBytes } from './computeRouting';

const backend = (name: string, detail = name): BackendInfo => ({ name, detail, patches: [] });
const wasm = backend('wasm', 'wasm (SIMD, 1 thread) with 3 kernel patches');
const cuda = backend('tensorflow', '@tensorflow/tfjs-node-gpu (native TensorFlow)');
const gpu = backend('webgpu', 'webgpu (apple metal-3 Apple M2); skipped: none');

describe('routeSasRec', () => {
  it.each([
    ['auto', wasm, gpu, 'window', /training on WebGPU \(window, apple metal-3 Apple M2\) — Node worker has wasm/],
    ['auto', backend('cpu'), gpu, 'window', /Node worker has cpu/],
    ['auto', cuda, gpu, 'node', /training on tensorflow \(Node worker\) — the Node worker's tensorflow is preferred/],
    ['auto', wasm, null, 'node', /no window offers WebGPU/],
    ['auto', null, gpu, 'waiting', /Node worker is starting/],
    ['node', wasm, gpu, 'node', /forced by RECFORGE_COMPUTE=node/],
    ['node', null, gpu, 'waiting', /starting/],
    ['window', cuda, gpu, 'window', /forced by RECFORGE_COMPUTE=window/],
    ['window', null, gpu, 'window', /WebGPU/],
    ['window', wasm, null, 'waiting', /waiting for a window with WebGPU/],
  ] as const)('%s with node %o and window %o → %s', (preference, node, window, target, reason) => {
    const routing = routeSasRec(preference, node, window);
    expect(routing.target).toBe(target);
    expect(routing.reason).toMatch(reason);
    expect(routing.window).toBe(window);
  });

  it('never sends auto jobs to a window whose backend is not WebGPU', () => {
    expect(routeSasRec('auto', wasm, backend('wasm')).target).toBe('node');
  });
});

describe('computePreferenceFrom', () => {
  it('reads RECFORGE_COMPUTE, defaulting to auto', () => {
    expect(computePreferenceFrom(undefined)).toBe('auto');
    expect(computePreferenceFrom('')).toBe('auto');
    expect(computePreferenceFrom('window')).toBe('window');
  });

  it('names the variable and the allowed values on a typo', () => {
    expect(() => computePreferenceFrom('gpu')).toThrow(/RECFORGE_COMPUTE=gpu is not one of auto, node, window/);
  });
});

describe('window checkpoint size guard', () => {
  const config = { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 };

  it('lets ML-1M-sized SASRec through and sends a 200k-item model elsewhere', () => {
    expect(sasrecCheckpointBytes(config, 3706)).toBeLessThan(MAX_CHECKPOINT_BYTES / 4);
    expect(fitsWindowHost(config, 3706)).toBe(true);
    expect(fitsWindowHost(config, 200_000)).toBe(false);
  });

  it('shows the adapter out of the backend detail', () => {
    expect(adapterOf(gpu)).toBe('apple metal-3 Apple M2');
    expect(adapterOf(backend('webgpu', 'webgpu (Google SwiftShader, software)'))).toBe('Google SwiftShader, software');
  });
});
