import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { trainThreads } from './replicaThreads';

const wasm = { name: 'wasm', detail: 'wasm', patches: [] };
const native = { name: 'tensorflow', detail: 'tfjs-node-gpu', patches: [] };

describe('trainThreads', () => {
  it('uses every core (up to 4) on CPU backends and one thread on native/GPU ones', () => {
    expect(trainThreads(wasm, {})).toBe(Math.max(1, Math.min(availableParallelism(), 4)));
    expect(trainThreads(native, {})).toBe(1);
  });

  it('honours RECFORGE_TRAIN_THREADS, capped, and ignores nonsense', () => {
    expect(trainThreads(wasm, { RECFORGE_TRAIN_THREADS: '1' })).toBe(1);
    expect(trainThreads(native, { RECFORGE_TRAIN_THREADS: '3' })).toBe(3);
    expect(trainThreads(wasm, { RECFORGE_TRAIN_THREADS: '64' })).toBe(4);
    expect(trainThreads(wasm, { RECFORGE_TRAIN_THREADS: 'lots' })).toBe(trainThreads(wasm, {}));
  });
});
