import { describe, expect, it } from 'vitest';
import { chanceLevel } from './chance';

describe('chanceLevel', () => {
  it('is k/n for HR@k, the harmonic mean for MRR, and below HR for NDCG', () => {
    const c = chanceLevel(101, [10]);
    expect(c.hr[10]).toBeCloseTo(10 / 101, 12);
    expect(c.mrr).toBeCloseTo(Array.from({ length: 101 }, (_, r) => 1 / (r + 1)).reduce((a, b) => a + b) / 101, 12);
    expect(c.ndcg[10]).toBeLessThan(c.hr[10] ?? 0);
    expect(c.ndcg[10]).toBeGreaterThan(0);
  });
});
