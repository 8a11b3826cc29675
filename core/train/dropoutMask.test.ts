import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { simdDropoutMask } from '../tensor/simd/dropoutMaskSimd';
import { useTensorSuite } from '../testing/tensorSuite';
import { dropoutMask } from './dropoutMask';
import { createRng } from './rng';

useTensorSuite();

describe.each(['wasm', 'cpu'])('dropoutMask on %s (SIMD module on wasm, JS elsewhere)', (backend) => {
  it('equals drawing nextFloat() one by one, and leaves the stream where one-by-one would', async () => {
    await tf.setBackend(backend);
    expect(simdDropoutMask(0, 4, 2 ** 31, 2) !== null).toBe(backend === 'wasm'); // the path under test
    for (const [seed, size, rate] of [[1, 1000, 0.2], [77, 33, 0.5], [2 ** 31 + 5, 4097, 0.05]] as const) {
      const bulk = createRng(seed);
      const single = createRng(seed);
      const mask = dropoutMask(bulk, size, rate);
      const expected = Float32Array.from({ length: size }, () => (single.nextFloat() < 1 - rate ? 1 / (1 - rate) : 0));
      expect(mask).toEqual(expected);
      expect(bulk.state()).toBe(single.state());
      expect(bulk.nextUint32()).toBe(single.nextUint32());
    }
    // A rate so small that ⌈(1 − rate)·2^32⌉ = 2^32: everything is kept.
    expect(dropoutMask(createRng(5), 9, 1e-12).every((v) => v > 0)).toBe(true);
    await tf.setBackend('wasm');
  });

  it('keeps about 1 − rate of the elements', () => {
    const mask = dropoutMask(createRng(3), 100_000, 0.3);
    const kept = mask.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
    expect(Math.abs(kept / 100_000 - 0.7)).toBeLessThan(0.01);
  });
});
