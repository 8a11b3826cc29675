import { describe, expect, it } from 'vitest';
import { metricsFromRanks } from '../llm/rankEval';
import { softmaxEntropy } from './entropy';
import { bestByValidation, lambdaGrid, lowestEntropy } from './lambdaSearch';

describe('λ selection', () => {
  it('grids [0, 1] exactly', () => {
    expect(lambdaGrid(0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(lambdaGrid(0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(() => lambdaGrid(0)).toThrow();
  });

  it('validation picks the best MRR, then NDCG@1, then the smaller λ', () => {
    const m = (ranks: number[]): ReturnType<typeof metricsFromRanks> => metricsFromRanks(ranks, 10);
    const best = bestByValidation([
      { lambda: 0, valid: m([1, 1]) }, // MRR 0.5
      { lambda: 0.4, valid: m([0, 3]) }, // MRR 0.625
      { lambda: 0.6, valid: m([0, 2]) }, // MRR 0.667
      { lambda: 0.8, valid: m([0, 2]) }, // tie → smaller λ wins
      { lambda: 1, valid: m([1, 1, 1]) },
    ]);
    expect(best.lambda).toBe(0.6);
    // Equal MRR (0.5): the one with hits at rank 1 wins.
    expect(bestByValidation([{ lambda: 0.2, valid: m([1, 1, 1, 1]) }, { lambda: 0.3, valid: m([0, 1, 3, 3]) }]).lambda).toBe(0.3);
  });

  it('entropy picks the minimum; softmax entropy is exact on simple cases', () => {
    expect(lowestEntropy([{ lambda: 0, entropy: 2 }, { lambda: 0.5, entropy: 1 }, { lambda: 1, entropy: 1 }]).lambda).toBe(0.5);
    expect(softmaxEntropy([3, 3, 3, 3])).toBeCloseTo(Math.log(4), 12);
    expect(softmaxEntropy([0, -1000])).toBeCloseTo(0, 12);
  });

  it('chance level of 1 + 29 candidates matches the paper protocol arithmetic', () => {
    const c = metricsFromRanks([0], 30).chance;
    expect(c.hr[1]).toBeCloseTo(1 / 30, 12);
    expect(c.hr[3]).toBeCloseTo(0.1, 12);
    expect(c.ndcg[3]).toBeCloseTo((1 + 1 / Math.log2(3) + 0.5) / 30, 12); // 0.0710
  });
});
