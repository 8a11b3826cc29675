import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { randomSource, tinyJob } from './fixtures';
import { canonicalJson, type CachedTraining, type Digest, type TrainCache } from './trainCache';
import { trainInMemory, type TrainedTensors } from './trainInMemory';
import type { LmTrainJob } from './job';

useTensorSuite();

/** 32-bit FNV-1a over bytes: stable enough to tell test jobs apart. */
function fnvDigest(): Digest {
  let h = 0x811c9dc5;
  return {
    update: (bytes) => {
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    },
    hex: () => h.toString(16),
  };
}

/** A cache in memory that keeps its own copies (`stored` may be shared by caches of other contexts). */
function memoryCache(context = 'test', stored = new Map<string, CachedTraining>(), threads = 1): TrainCache & { readonly stored: Map<string, CachedTraining>; dispose(): void } {
  const copy = (t: CachedTraining): CachedTraining => ({ tensors: new Map([...t.tensors].map(([n, x]) => [n, tf.clone(x)])), finalLoss: t.finalLoss });
  return {
    context,
    threads,
    stored,
    newDigest: fnvDigest,
    load: async (key) => {
      const hit = stored.get(key);
      return hit === undefined ? null : copy(hit);
    },
    save: async (key, trained) => void stored.set(key, copy(trained)),
    dispose: () => stored.forEach((t) => tf.dispose([...t.tensors.values()])),
  };
}

const values = (t: TrainedTensors): Record<string, number[]> => Object.fromEntries([...t.tensors].map(([n, x]) => [n, Array.from(x.dataSync())]));
const dispose = (...ts: TrainedTensors[]): void => ts.forEach((t) => tf.dispose([...t.tensors.values()]));

async function trainCounting(job: LmTrainJob, cache: TrainCache, base?: ReadonlyMap<string, tf.Tensor>): Promise<{ out: TrainedTensors; events: number; reused: string[] }> {
  let events = 0;
  const reused: string[] = [];
  const out = await trainInMemory(job, { cache, emit: () => (events += 1), onReused: (id) => reused.push(id) }, base);
  return { out, events, reused };
}

describe('trained-stage cache', () => {
  it('canonical JSON sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: undefined, x: 'q' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"q","z":2}]},"b":1}');
  });

  it('a job with the same content under another run name is restored exactly, without training', async () => {
    const cache = memoryCache();
    const job = tinyJob({ runId: 'first', steps: 3 });
    const first = await trainCounting(job, cache);
    const second = await trainCounting({ ...job, runId: 'second' }, cache);
    expect(first.events).toBeGreaterThan(0);
    expect(first.reused).toEqual([]);
    expect(second.events).toBe(0);
    expect(second.reused).toEqual(['second']);
    expect(values(second.out)).toEqual(values(first.out));
    expect(second.out.finalLoss).toBe(first.out.finalLoss);
    dispose(first.out, second.out);
    cache.dispose();
  });

  it('another seed, another token, another base value or another context trains again', async () => {
    const cache = memoryCache();
    const job = tinyJob({ steps: 2, sources: [randomSource('toy', 6, 1, 1, 25)] });
    const base = (await trainCounting({ ...job, trainable: { kind: 'full' } }, cache)).out; // any weights to start from
    const lora: LmTrainJob = { ...job, trainable: { kind: 'lora', lora: { r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj'] } } };
    const reference = await trainCounting(lora, cache, base.tensors);
    const src = lora.sources[0] as LmTrainJob['sources'][number];
    const tokens = Int32Array.from(src.tokens);
    tokens[0] = ((tokens[0] ?? 0) % 20) + 2;
    const shifted = new Map([...base.tensors].map(([n, t], i) => [n, i === 0 ? tf.add(t, 1e-3) : tf.clone(t)]));
    const elsewhere = memoryCache('other backend', cache.stored); // same files, another engine context
    const variants = [
      await trainCounting({ ...lora, seed: lora.seed + 1 }, cache, base.tensors),
      await trainCounting({ ...lora, sources: [{ ...src, tokens }] }, cache, base.tensors),
      await trainCounting(lora, cache, shifted),
      await trainCounting(lora, elsewhere, base.tensors),
    ];
    for (const v of variants) expect(v.reused).toEqual([]);
    const again = await trainCounting(lora, cache, base.tensors);
    expect(again.reused).toHaveLength(1);
    expect(values(again.out)).toEqual(values(reference.out));
    tf.dispose([...shifted.values()]);
    dispose(base, reference.out, again.out, ...variants.map((v) => v.out));
    cache.dispose(); // also frees what `elsewhere` stored
  });

  it('a training on fewer threads than its context names is not stored (its dropout masks differ)', async () => {
    const cache = memoryCache('threads 2', new Map(), 2); // no replica starter here: it trains on 1
    const job = tinyJob({ steps: 2 });
    const first = await trainCounting(job, cache);
    const second = await trainCounting(job, cache);
    expect(cache.stored.size).toBe(0);
    expect(second.reused).toEqual([]);
    dispose(first.out, second.out);
  });
});
