import { describe, expect, it } from 'vitest';
import { createRng, mixSeed, shuffleInPlace } from './rng';

describe('rng', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(createRng(43).nextUint32()).not.toBe(xs[0]);
  });

  it('draws floats in [0, 1), ints in range and roughly standard normals', () => {
    const r = createRng(1);
    const n = 20000;
    let sum = 0;
    let sq = 0;
    const counts = new Array(5).fill(0) as number[];
    for (let i = 0; i < n; i++) {
      const f = r.nextFloat();
      expect(f >= 0 && f < 1).toBe(true);
      const k = r.nextInt(3, 8);
      counts[k - 3] = (counts[k - 3] ?? 0) + 1;
      const z = r.nextNormal();
      sum += z;
      sq += z * z;
    }
    for (const c of counts) expect(Math.abs(c / n - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.05);
  });

  it('mixes seeds deterministically and shuffles as a permutation', () => {
    expect(mixSeed(1, 2)).toBe(mixSeed(1, 2));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    const xs = Int32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(xs, createRng(3));
    expect(Array.from(xs).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(xs)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
