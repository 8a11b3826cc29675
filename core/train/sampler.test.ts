import { describe, expect, it } from 'vitest';
import type { LeaveOneOutData } from '../protocol/worker';
import { containsSorted, sortedUnique, writeRightAligned } from './itemSets';
import { createRng } from './rng';
import { createBatchSampler, sampleNegative } from './sampler';

// users: 0 → [1,2,3,4], 1 → [5] (no transition: skipped), 2 → [6,7,8,9,10,11,12] (longer than maxLen)
const data: LeaveOneOutData = {
  numItems: 30,
  train: { offsets: Int32Array.from([0, 4, 5, 12]), values: Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) },
  validTarget: Int32Array.from([13, 0, 14]),
  testTarget: Int32Array.from([15, 0, 16]),
};

describe('batch sampler', () => {
  it('builds right-aligned inputs, shifted positives and out-of-history negatives', () => {
    const sampler = createBatchSampler(data, 5, 8);
    expect(Array.from(sampler.users)).toEqual([0, 2]);
    expect(sampler.batchesPerEpoch).toBe(1);
    const batches = [...sampler.epoch(createRng(1))];
    expect(batches).toHaveLength(1);
    const b = batches[0];
    if (b === undefined) throw new Error('no batch');
    const rows = (a: Int32Array): number[][] => [Array.from(a.subarray(0, 5)), Array.from(a.subarray(5, 10))];
    const byUser = (a: Int32Array): Map<number, number[]> => {
      const [r0, r1] = rows(a);
      // The row order is shuffled: identify users by their last positive.
      const p = rows(b.positives);
      return new Map([[p[0]?.[4] === 4 ? 0 : 2, r0 ?? []], [p[0]?.[4] === 4 ? 2 : 0, r1 ?? []]]);
    };
    expect(byUser(b.inputs).get(0)).toEqual([0, 0, 1, 2, 3]);
    expect(byUser(b.positives).get(0)).toEqual([0, 0, 2, 3, 4]);
    expect(byUser(b.inputs).get(2)).toEqual([7, 8, 9, 10, 11]);
    expect(byUser(b.positives).get(2)).toEqual([8, 9, 10, 11, 12]);
    const negs0 = byUser(b.negatives).get(0) ?? [];
    expect(negs0.slice(0, 2)).toEqual([0, 0]);
    for (const n of negs0.slice(2)) expect(n >= 5 && n <= 30).toBe(true);
    for (const n of byUser(b.negatives).get(2) ?? []) expect(n < 6 || n > 12).toBe(true);
  });

  it('splits an epoch into batches and is reproducible', () => {
    const sampler = createBatchSampler(data, 3, 1);
    const a = [...sampler.epoch(createRng(9))];
    const b = [...sampler.epoch(createRng(9))];
    expect(a.map((x) => x.size)).toEqual([1, 1]);
    expect(a).toEqual(b);
  });

  it('item set helpers', () => {
    const s = sortedUnique([5, 1, 5, 3, 1]);
    expect(Array.from(s)).toEqual([1, 3, 5]);
    expect([0, 1, 2, 3, 5, 6].map((x) => containsSorted(s, x))).toEqual([false, true, false, true, true, false]);
    const out = new Int32Array(8).fill(-1);
    expect(writeRightAligned([1, 2], out, 2, 4)).toBe(2);
    expect(Array.from(out)).toEqual([-1, -1, 0, 0, 1, 2, -1, -1]);
    const r = createRng(1);
    for (let i = 0; i < 200; i++) expect(containsSorted(s, sampleNegative(r, 6, s))).toBe(false);
  });
});
