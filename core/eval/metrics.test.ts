import { describe, expect, it } from 'vitest';
import { hitAtK, ndcgAtK, pessimisticRank, RankAccumulator, reciprocalRank } from './metrics';

describe('metrics', () => {
  it.each([
    [0, 1, 1, 1],
    [1, 1, 1 / Math.log2(3), 1 / 2],
    [2, 1, 0.5, 1 / 3],
    [9, 1, 1 / Math.log2(11), 1 / 10],
    [10, 0, 0, 1 / 11],
    [99, 0, 0, 1 / 100],
  ])('rank %d → HR@10 %d, NDCG@10 %f, RR %f', (rank, hr, ndcg, rr) => {
    expect(hitAtK(rank, 10)).toBe(hr);
    expect(ndcgAtK(rank, 10)).toBeCloseTo(ndcg, 12);
    expect(reciprocalRank(rank)).toBeCloseTo(rr, 12);
  });

  it('ranks pessimistically: ties and NaN count against the target', () => {
    expect(pessimisticRank(0.5, [0.1, 0.9, 0.2])).toBe(1);
    expect(pessimisticRank(0.5, [0.5, 0.5, 0.1])).toBe(2);
    expect(pessimisticRank(1, new Float32Array(100).fill(1))).toBe(100); // a constant model ranks last
    expect(pessimisticRank(0.5, [NaN, 0.1])).toBe(1);
    expect(pessimisticRank(NaN, [0.1, 0.2])).toBe(2);
    expect(pessimisticRank(3, [])).toBe(0);
  });

  it('averages over users', () => {
    const acc = new RankAccumulator(10);
    for (const r of [0, 1, 10, 3]) acc.add(r);
    const m = acc.means();
    expect(acc.users).toBe(4);
    expect(m.hr).toBeCloseTo(0.75, 12);
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(3) + 0 + 1 / Math.log2(5)) / 4, 12);
    expect(m.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 11 + 1 / 4) / 4, 12);
    expect(new RankAccumulator(5).means()).toEqual({ hr: 0, ndcg: 0, mrr: 0 });
  });
});
