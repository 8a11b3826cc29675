import { describe, expect, it } from 'vitest';
import { profileDataset } from './profile';
import { gini, logHistogram, topShare } from './profileStats';
import type { ItemInfo, RawInteraction } from './types';

const x = (user: string, item: string, timestamp: number): RawInteraction => ({ user, item, timestamp });

describe('profile statistics', () => {
  it('bins lengths into [1,2), [2,4), [4,8), … keeping empty bins', () => {
    expect(logHistogram([1, 1, 3, 9])).toEqual([
      { lo: 1, hi: 2, count: 2 }, { lo: 2, hi: 4, count: 1 }, { lo: 4, hi: 8, count: 0 }, { lo: 8, hi: 16, count: 1 },
    ]);
    expect(logHistogram([])).toEqual([]);
  });
  it('top share uses ⌈p·n⌉ items, at least one', () => {
    expect(topShare([6, 3, 1], 0.01)).toBeCloseTo(0.6);
    expect(topShare([6, 3, 1], 0.5)).toBeCloseTo(0.9); // ⌈1.5⌉ = 2 items
    expect(topShare(Array.from({ length: 10 }, () => 1), 0.2)).toBeCloseTo(0.2);
  });
  it('Gini: 0 when equal, (n−1)/n when concentrated, hand value otherwise', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(3 / 4);
    // ascending 1,2,3: (−2·1 + 0·2 + 2·3) / (3·6) = 4/18
    expect(gini([3, 1, 2])).toBeCloseTo(4 / 18);
  });
});

describe('profileDataset', () => {
  it('matches a hand-computed small case', () => {
    const interactions = [x('u1', 'a', 5), x('u1', 'b', 3), x('u1', 'a', 9), x('u2', 'a', 1), x('u3', 'c', 7)];
    const items = new Map<string, ItemInfo>([['a', { title: 'A', genres: [] }], ['b', { title: '', genres: ['g'] }]]);
    const p = profileDataset({ interactions, items });
    expect(p).toMatchObject({ users: 3, items: 3, interactions: 5, timeRange: { min: 1, max: 9 }, duplicatePairs: 1, duplicateInteractions: 1, itemsMissingTitle: 2 });
    expect(p.density).toBeCloseTo(4 / 9); // pairs u1a, u1b, u2a, u3c over 3×3
    expect(p.historyLengths).toEqual([{ lo: 1, hi: 2, count: 2 }, { lo: 2, hi: 4, count: 1 }]);
    // Item counts a=3, b=1, c=1 → top item holds 3/5; ascending 1,1,3: (−2 + 0 + 6)/(3·5) = 4/15.
    expect(p.popularity.top1).toBeCloseTo(0.6);
    expect(p.popularity.top10).toBeCloseTo(0.6);
    expect(p.popularity.top20).toBeCloseTo(0.6);
    expect(p.popularity.gini).toBeCloseTo(4 / 15);
  });
  it('handles an empty dataset', () => {
    const p = profileDataset({ interactions: [], items: new Map() });
    expect(p).toMatchObject({ users: 0, items: 0, interactions: 0, density: 0, timeRange: null, historyLengths: [] });
    expect(p.popularity).toEqual({ top1: 0, top10: 0, top20: 0, gini: 0 });
  });
});

describe('profile charts', () => {
  it('long tail, time bins and domains from a hand case', () => {
    const interactions = [x('u1', 'a', 0), x('u1', 'b', 10), x('u2', 'a', 20), x('u2', 'a', 24), x('u3', 'c', 12)];
    const items = new Map<string, ItemInfo>([['a', { title: 'A', genres: [], domain: 'books' }], ['c', { title: 'C', genres: [], domain: 'movies' }]]);
    const p = profileDataset({ interactions, items });
    // counts desc a=3, b=1, c=1: the top third of items holds 3/5.
    expect(p.longTail[0]).toEqual({ itemShare: 0, interactionShare: 0 });
    expect(p.longTail.at(-1)).toEqual({ itemShare: 1, interactionShare: 1 });
    expect(p.longTail.find((q) => Math.abs(q.itemShare - 1 / 3) < 1e-9)?.interactionShare).toBeCloseTo(0.6);
    // 24 bins of width 1 over [0, 24]: ts 24 goes to the last bin.
    expect(p.timeHistogram).toHaveLength(24);
    expect(p.timeHistogram.map((b) => b.count).reduce((a, b) => a + b)).toBe(5);
    expect(p.timeHistogram[23]).toEqual({ start: 23, end: 24, count: 1 });
    expect(p.timeHistogram[10]?.count).toBe(1);
    expect(p.domains).toEqual([{ domain: 'books', items: 1, interactions: 3 }, { domain: 'movies', items: 1, interactions: 1 }]);
  });
});
