import { describe, expect, it } from 'vitest';
import type { LeaveOneOutData } from '../protocol/worker';
import { toyLeaveOneOut } from '../testing/fixtures';
import { createRng } from '../train/rng';
import { candidateRng, sampleNegativesWithoutReplacement } from './candidates';
import { historyFor, interactedItems } from './histories';

const data: LeaveOneOutData = toyLeaveOneOut({ users: 40, numItems: 200, length: (u) => 3 + (u % 50), seed: 4 });

describe('sampled-evaluation negatives', () => {
  it('never include any item the user interacted with, and are distinct', () => {
    for (let u = 0; u < 40; u++) {
      const seen = new Set(interactedItems(data, u));
      expect(seen.has(data.testTarget[u] ?? -1)).toBe(true);
      expect(seen.has(data.validTarget[u] ?? -1)).toBe(true);
      const negs = sampleNegativesWithoutReplacement(candidateRng(2024, u, 'test'), data.numItems, interactedItems(data, u), 100);
      expect(negs).toHaveLength(100);
      expect(new Set(negs).size).toBe(100);
      for (const n of negs) {
        expect(seen.has(n)).toBe(false);
        expect(n >= 1 && n <= data.numItems).toBe(true);
      }
    }
  });

  it('are reproducible from the seed and change with it', () => {
    const draw = (seed: number, target: 'valid' | 'test'): number[] =>
      Array.from(sampleNegativesWithoutReplacement(candidateRng(seed, 7, target), data.numItems, interactedItems(data, 7), 20));
    expect(draw(1, 'test')).toEqual(draw(1, 'test'));
    expect(draw(1, 'test')).not.toEqual(draw(2, 'test'));
    expect(draw(1, 'test')).not.toEqual(draw(1, 'valid'));
  });

  it('handles the dense case exactly and refuses impossible requests', () => {
    const exclude = Int32Array.from([1, 2, 3, 5, 8]);
    const negs = Array.from(sampleNegativesWithoutReplacement(createRng(1), 10, exclude, 5)).sort((a, b) => a - b);
    expect(negs).toEqual([4, 6, 7, 9, 10]);
    expect(() => sampleNegativesWithoutReplacement(createRng(1), 10, exclude, 6)).toThrow(/only 5 items left/);
  });

  it('test histories include the valid item, valid histories do not', () => {
    const train = Array.from(historyFor(data, 3, 'valid'));
    expect(Array.from(historyFor(data, 3, 'test'))).toEqual([...train, data.validTarget[3]]);
  });
});
