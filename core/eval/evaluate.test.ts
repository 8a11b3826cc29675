import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { getModelFamily } from '../models/registry';
import type { SequentialRecModel } from '../models/types';
import type { LeaveOneOutData } from '../protocol/worker';
import { toyLeaveOneOut } from '../testing/fixtures';
import { useTensorSuite } from '../testing/tensorSuite';
import { chanceLevel } from './chance';
import { evaluateFull, evaluateModel, evaluateSampled } from './evaluate';

/** A model whose score for item i is f(i) whatever the history; it records the inputs it saw. */
function fixedScoreModel(numItems: number, f: (item: number) => number, seen: number[][] = []): SequentialRecModel {
  const maxLen = 4;
  return {
    family: 'fixed',
    maxLen,
    numItems,
    variables: new Map(),
    loss: () => tf.scalar(0),
    scoreCandidates: (inputs, candidates) => {
      seen.push(...(inputs.arraySync() as number[][]));
      return tf.tensor2d((candidates.arraySync() as number[][]).map((row) => row.map(f)));
    },
    scoreAll: (inputs) => {
      seen.push(...(inputs.arraySync() as number[][]));
      const row = Array.from({ length: numItems + 1 }, (_, i) => f(i));
      return tf.tensor2d(Array.from({ length: inputs.shape[0] }, () => row));
    },
    dispose: () => undefined,
  };
}

// user 0: train [1,2,3], valid 4, test 5; user 1: train [9,8], valid 7, test 10; user 2: no targets.
const data: LeaveOneOutData = {
  numItems: 10,
  train: { offsets: Int32Array.from([0, 3, 5, 6]), values: Int32Array.from([1, 2, 3, 9, 8, 6]) },
  validTarget: Int32Array.from([4, 7, 0]),
  testTarget: Int32Array.from([5, 10, 0]),
};

useTensorSuite();

describe('evaluation', () => {
  it('full ranking excludes history (not the target) and feeds train + valid for test', async () => {
    const seen: number[][] = [];
    // Score = item id: user 0's target 5 competes with 6..10 except its history → rank 5 (6,7,8,9,10).
    // user 1's target 10 is the best item → rank 0.
    const recs = await evaluateFull(fixedScoreModel(10, (i) => i, seen), data, 'test');
    expect(seen).toEqual([[1, 2, 3, 4], [0, 9, 8, 7]]);
    const byName = Object.fromEntries(recs.map((r) => [r.name, r.value]));
    expect(byName['HR']).toBe(1);
    expect(byName['NDCG']).toBeCloseTo((1 / Math.log2(7) + 1) / 2, 12);
    expect(byName['MRR']).toBeCloseTo((1 / 6 + 1) / 2, 12);
    expect(recs[0]?.protocol).toEqual({ split: 'leave-one-out', target: 'test', candidates: { kind: 'full' }, excludeHistory: true, users: 2, chance: 1 });
    // Chance per metric: user 0 ranks among 10 − 4 history items = 6 candidates, user 1 among 10 − 3 = 7.
    const harmonic = (n: number): number => Array.from({ length: n }, (_, r) => 1 / (r + 1)).reduce((a, b) => a + b, 0);
    expect(recs.find((r) => r.name === 'MRR')?.protocol.chance).toBeCloseTo((harmonic(6) / 6 + harmonic(7) / 7) / 2, 12);
  });

  it('valid targets see train only; the future test item stays a candidate', async () => {
    const seen: number[][] = [];
    // user 0: target 4, competitors 5..10 → rank 6; user 1: target 7, history {9,8} excluded → competitors 10 → rank 1.
    const recs = await evaluateFull(fixedScoreModel(10, (i) => i, seen), data, 'valid');
    expect(seen).toEqual([[0, 1, 2, 3], [0, 0, 9, 8]]);
    expect(recs.find((r) => r.name === 'MRR')?.value).toBeCloseTo((1 / 7 + 1 / 2) / 2, 12);
  });

  it('a constant model gets the worst sampled rank', async () => {
    const recs = await evaluateSampled(fixedScoreModel(10, () => 1), data, 'test', 4, 99);
    expect(recs.map((r) => [r.name, r.k, r.value])).toEqual([['HR', 10, 1], ['NDCG', 10, 1 / Math.log2(6)], ['MRR', null, 1 / 5]]);
    expect(recs[0]?.protocol).toEqual({
      split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 4, sampler: 'uniform', seed: 99 }, excludeHistory: true, users: 2, chance: 1,
    });
    expect(recs.map((r) => r.protocol.chance)).toEqual([1, expect.closeTo(chanceLevel(5, [10]).ndcg[10] ?? NaN, 12), expect.closeTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 5, 12)]);
  });

  it('evaluates a real SASRec in batches without leaking, and stops on cancel', async () => {
    const toy = toyLeaveOneOut({ users: 300, numItems: 150, length: 12, seed: 8 });
    const model = getModelFamily('sasrec').build({ hidden: 8, blocks: 1, heads: 1, maxLen: 6, dropout: 0.2 }, 150, 1);
    let yields = 0;
    const recs = await evaluateModel(model, toy, { negatives: 20, seed: 5, fullRanking: true }, { yieldToEventLoop: async () => void yields++ });
    expect(recs.map((r) => `${r.protocol.target}/${r.protocol.candidates.kind}/${r.name}`)).toEqual([
      'test/sampled/HR', 'test/sampled/NDCG', 'test/sampled/MRR', 'test/full/HR', 'test/full/NDCG', 'test/full/MRR', 'valid/sampled/HR', 'valid/sampled/NDCG', 'valid/sampled/MRR',
    ]);
    for (const r of recs) expect(r.value >= 0 && r.value <= 1).toBe(true);
    expect(yields).toBe(2 + 2 + 2); // 300 users in batches of 256, three evaluations
    await expect(evaluateSampled(model, toy, 'test', 20, 5, { isCancelled: () => true })).rejects.toThrow(/cancelled/);
    model.dispose();
  });
});
