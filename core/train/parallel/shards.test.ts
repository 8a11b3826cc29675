import { describe, expect, it } from 'vitest';
import type { SeqBatch } from '../sampler';
import { weightedMean } from './flatGrads';
import { splitBatch, validTargets } from './shards';

function batch(size: number, maxLen: number): SeqBatch {
  const n = size * maxLen;
  const positives = Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : i));
  return { size, maxLen, inputs: Int32Array.from({ length: n }, (_, i) => i), positives, negatives: Int32Array.from({ length: n }, (_, i) => -i) };
}

describe('splitBatch', () => {
  it('covers every row once, in order, sizes differing by at most one', () => {
    const b = batch(7, 3);
    const shards = splitBatch(b, 3);
    expect(shards.map((s) => s.size)).toEqual([3, 2, 2]);
    expect(shards.flatMap((s) => Array.from(s.inputs))).toEqual(Array.from(b.inputs));
    expect(shards.flatMap((s) => Array.from(s.negatives))).toEqual(Array.from(b.negatives));
    expect(shards.reduce((n, s) => n + validTargets(s), 0)).toBe(validTargets(b));
  });

  it('drops empty shards when there are more replicas than rows', () => {
    expect(splitBatch(batch(2, 4), 3).map((s) => s.size)).toEqual([1, 1]);
  });
});

describe('weightedMean', () => {
  it('weights parts by their counts and tolerates a zero total', () => {
    const out = new Float32Array(2);
    weightedMean([{ values: Float32Array.of(1, 2), weight: 3 }, { values: Float32Array.of(5, -2), weight: 1 }], out);
    expect(Array.from(out)).toEqual([2, 1]);
    weightedMean([{ values: Float32Array.of(1, 2), weight: 0 }], out);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
