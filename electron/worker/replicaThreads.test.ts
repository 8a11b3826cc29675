import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultLoraConfig } from '../../core/models/lora/config';
import { tinyLm } from '../../core/train/lm/fixtures';
import type { ReplicaModelSpec } from '../../core/train/parallel/protocol';
import { replicasThatFit, trainThreads } from './replicaThreads';

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

describe('replicasThatFit', () => {
  const spec = (weightBytes: number, baseBytes?: number): ReplicaModelSpec => ({
    weights: new SharedArrayBuffer(weightBytes),
    task: baseBytes === undefined
      ? { kind: 'seqrec', family: 'sasrec', config: { hidden: 8, blocks: 1, heads: 1, maxLen: 4, dropout: 0 }, numItems: 3 }
      : { kind: 'lm', config: tinyLm(), params: { names: [], shapes: [], offsets: [], length: 0 }, frozen: { kind: 'lora', lora: defaultLoraConfig(), base: { names: [], shapes: [], offsets: [], length: 0 }, weights: new SharedArrayBuffer(baseBytes) } },
  });

  it('counts a LoRA replica by its frozen base, not only its adapter', () => {
    expect(replicasThatFit(3, spec(1000), 1e9)).toBe(3);
    // 3 copies of (1 kB adapter + 1 MB base) each, half of 8 MB free → 1 replica.
    expect(replicasThatFit(3, spec(1000, 1_000_000), 8_000_000)).toBe(1);
    expect(replicasThatFit(3, spec(1000, 1_000_000), 4_000_000)).toBe(0);
  });
});
