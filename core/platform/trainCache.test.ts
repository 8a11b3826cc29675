import * as tf from '@tensorflow/tfjs';
import { readdir, rename, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { useTensorSuite } from '../testing/tensorSuite';
import { clearTrainCache, evictTrainCache, nodeTrainCache, trainCacheInfo } from './trainCache';

useTensorSuite();
const tmp = useTempDir('train-cache-');
const CONTEXT = { description: 'ctx', threads: 1 };

const trained = (value: number): { tensors: Map<string, tf.Tensor>; finalLoss: number } => ({ tensors: new Map([['w', tf.fill([64], value)]]), finalLoss: value / 10 });
const free = (t: { tensors: Map<string, tf.Tensor> }): void => tf.dispose([...t.tensors.values()]);

describe('the workspace train cache on disk', () => {
  it('gives back a saved stage (tensors and final loss) under its key only; a damaged or renamed file is a miss', async () => {
    const cache = nodeTrainCache(tmp.dir, CONTEXT);
    const one = trained(3);
    await cache.save('aa', one);
    free(one);
    const back = await cache.load('aa');
    expect(back?.finalLoss).toBeCloseTo(0.3, 10);
    expect(Array.from(back?.tensors.get('w')?.dataSync() ?? [])).toEqual(Array(64).fill(3));
    if (back) free(back);
    expect(await cache.load('bb')).toBeNull();
    await rename(join(tmp.dir, 'aa.safetensors'), join(tmp.dir, 'bb.safetensors')); // the file carries its key
    expect(await cache.load('bb')).toBeNull();
    const two = trained(4);
    await cache.save('cc', two);
    free(two);
    await truncate(join(tmp.dir, 'cc.safetensors'), 40);
    expect(await cache.load('cc')).toBeNull();
  });

  it('a stage removed while it is being read (Clear pressed during a run) is a miss, never an error', async () => {
    const cache = nodeTrainCache(tmp.dir, CONTEXT);
    for (let i = 0; i < 20; i++) {
      const one = trained(i);
      await cache.save('k', one);
      free(one);
      const [back] = await Promise.all([cache.load('k'), clearTrainCache(tmp.dir)]);
      if (back) free(back); // the read won the race
    }
  });

  it('counts, clears and (once orphaned) evicts the partial files that killed writes leave', async () => {
    const partial = (name: string, hoursAgo: number): Promise<void> =>
      writeFile(join(tmp.dir, name), new Uint8Array(1000)).then(() => utimes(join(tmp.dir, name), new Date(Date.now() - hoursAgo * 3.6e6), new Date(Date.now() - hoursAgo * 3.6e6)));
    const cache = nodeTrainCache(tmp.dir, CONTEXT);
    const one = trained(1);
    await cache.save('k1', one);
    free(one);
    const stage = (await stat(join(tmp.dir, 'k1.safetensors'))).size;
    await partial('.k8.safetensors.0123456789ab.tmp', 2);
    await partial('.k9.safetensors.ba9876543210.tmp', 0);
    expect(await trainCacheInfo(tmp.dir)).toMatchObject({ files: 1, bytes: stage + 2000 });
    await evictTrainCache(tmp.dir, 1e9, join(tmp.dir, 'k1.safetensors'));
    expect((await readdir(tmp.dir)).sort()).toEqual(['.k9.safetensors.ba9876543210.tmp', 'k1.safetensors']); // a fresh one may be a write in flight
    expect(await clearTrainCache(tmp.dir)).toMatchObject({ files: 0, bytes: 0 });
    expect(await readdir(tmp.dir)).toEqual([]);
  });

  it('the digest is SHA-256 of the bytes fed in', () => {
    const d = nodeTrainCache(tmp.dir, CONTEXT).newDigest();
    d.update(new TextEncoder().encode('ab'));
    d.update(new TextEncoder().encode('c'));
    expect(d.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps within its budget by dropping the least recently used files; a hit counts as a use and the new file stays', async () => {
    const cache = nodeTrainCache(tmp.dir, CONTEXT);
    for (const [i, key] of ['k1', 'k2', 'k3'].entries()) {
      const t = trained(i);
      await cache.save(key, t);
      free(t);
      const when = new Date(Date.UTC(2026, 0, 1 + i));
      await utimes(join(tmp.dir, `${key}.safetensors`), when, when);
    }
    const hit = await cache.load('k1'); // k1 becomes the most recently used
    if (hit) free(hit);
    const sizeOf = async (key: string): Promise<number> => (await stat(join(tmp.dir, `${key}.safetensors`))).size;
    await evictTrainCache(tmp.dir, (await sizeOf('k1')) + (await sizeOf('k3')), join(tmp.dir, 'k3.safetensors'));
    expect((await readdir(tmp.dir)).sort()).toEqual(['k1.safetensors', 'k3.safetensors']);
    await evictTrainCache(tmp.dir, 0, join(tmp.dir, 'k3.safetensors'));
    expect(await readdir(tmp.dir)).toEqual(['k3.safetensors']);
  });

  it('does not keep a stage larger than its whole budget', async () => {
    const cache = nodeTrainCache(tmp.dir, CONTEXT, 100); // 64 F32 values are 256 bytes
    const t = trained(1);
    await cache.save('big', t);
    free(t);
    expect(await cache.load('big')).toBeNull();
    expect(await readdir(tmp.dir)).toEqual([]);
  });

  it('reports its files and bytes, and clearing empties it (a missing folder is an empty cache)', async () => {
    expect(await trainCacheInfo(join(tmp.dir, 'none'), 100)).toEqual({ files: 0, bytes: 0, budgetBytes: 100 });
    const cache = nodeTrainCache(tmp.dir, CONTEXT);
    for (const key of ['a1', 'a2']) {
      const t = trained(1);
      await cache.save(key, t);
      free(t);
    }
    const bytes = (await stat(join(tmp.dir, 'a1.safetensors'))).size + (await stat(join(tmp.dir, 'a2.safetensors'))).size;
    expect(await trainCacheInfo(tmp.dir, 100)).toEqual({ files: 2, bytes, budgetBytes: 100 });
    expect(await clearTrainCache(tmp.dir, 100)).toEqual({ files: 0, bytes: 0, budgetBytes: 100 });
    expect(await cache.load('a1')).toBeNull();
  });
});
