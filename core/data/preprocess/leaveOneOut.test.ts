import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import type { RawInteraction } from '../types';
import { buildLeaveOneOut } from './leaveOneOut';
import { prepareDataset } from './prepare';

describe('buildLeaveOneOut', () => {
  it('splits last → test, second-to-last → valid, rest → train; short users keep all in train', () => {
    // user 0: 5 3 7 9 | user 1: 2 4 (too short) | user 2: 1 2 3
    const users = [0, 0, 0, 0, 1, 1, 2, 2, 2];
    const items = [5, 3, 7, 9, 2, 4, 1, 2, 3];
    const loo = buildLeaveOneOut(3, 9, users, items);
    expect([...loo.train.offsets]).toEqual([0, 2, 4, 5]);
    expect([...loo.train.values]).toEqual([5, 3, 2, 4, 1]);
    expect([...loo.validTarget]).toEqual([7, 0, 2]);
    expect([...loo.testTarget]).toEqual([9, 0, 3]);
    expect(loo.numItems).toBe(9);
  });

  it('rejects rows that are not grouped by user', () => {
    expect(() => buildLeaveOneOut(2, 3, [1, 0], [1, 2])).toThrow(/out of order/);
  });
});

describe('prepareDataset leakage guards', () => {
  it('orders ties by input order, so the later-listed tied item is the test target', () => {
    const data: RawInteraction[] = [
      { user: 'u', item: 'z', timestamp: 1 },
      { user: 'u', item: 'b', timestamp: 2 },
      { user: 'u', item: 'a', timestamp: 2 }, // same time as 'b' but listed after it
    ];
    const p = prepareDataset({ interactions: data, items: new Map() }, { minInteractions: 1 });
    const loo = buildLeaveOneOut(p.users.length, p.items.length, p.rows.userIdx, p.rows.itemIdx);
    const raw = (idx: number): string | undefined => p.items[idx - 1]?.rawId;
    expect(raw(loo.testTarget[0] ?? 0)).toBe('a');
    expect(raw(loo.validTarget[0] ?? 0)).toBe('b');
  });

  it('no training history contains an interaction later than its targets (demo data with shuffled rows)', () => {
    const demo = generateDemoDataset({ users: 120 });
    // Reverse the file order and coarsen time to create many ties: order must come from time, then input.
    const rows = [...demo.interactions].reverse().map((x) => ({ ...x, timestamp: Math.floor(x.timestamp / 86_400) }));
    const p = prepareDataset({ interactions: rows, items: demo.items }, { minInteractions: 1 });
    const { userIdx, ts } = p.rows;
    for (let k = 1; k < userIdx.length; k++) {
      if (userIdx[k] === userIdx[k - 1]) expect(ts[k] ?? 0).toBeGreaterThanOrEqual(ts[k - 1] ?? 0);
    }
    const loo = buildLeaveOneOut(p.users.length, p.items.length, userIdx, p.rows.itemIdx);
    let row = 0;
    for (let u = 0; u < p.users.length; u++) {
      const start = loo.train.offsets[u] ?? 0;
      const trainLen = (loo.train.offsets[u + 1] ?? 0) - start;
      const trainTs = Array.from({ length: trainLen }, (_, j) => ts[row + j] ?? 0);
      const validTs = ts[row + trainLen] ?? 0;
      expect(Math.max(...trainTs)).toBeLessThanOrEqual(validTs);
      expect(validTs).toBeLessThanOrEqual(ts[row + trainLen + 1] ?? 0);
      row += trainLen + 2;
    }
  });
});

describe('prepareDataset lineage', () => {
  it('records every step with counts', () => {
    const data: RawInteraction[] = ['a', 'b', 'c'].flatMap((u) => ['x', 'y'].map((i, t) => ({ user: u, item: i, timestamp: t })));
    data.push({ user: 'a', item: 'x', timestamp: 9 }, { user: 'd', item: 'x', timestamp: 9 });
    const p = prepareDataset({ interactions: data, items: new Map([['x', { title: 'X', genres: ['g'], domain: 'movies' }]]) }, { minInteractions: 2 });
    expect(p.lineage.map((s) => [s.step, s.before, s.after])).toEqual([
      ['dedupe', 8, 8],
      ['k-core', 8, 7],
      ['remap', 7, 7],
      ['chronological-order', 7, 7],
    ]);
    expect(p.lineage[0]?.params).toEqual({ policy: 'keep-all', repeated: 1 });
    expect(p.domains).toEqual(['movies']);
    expect(p.items[0]).toEqual({ rawId: 'x', title: 'X', genres: ['g'], domain: 'movies' });
    expect(p.items[1]).toEqual({ rawId: 'y', title: null, genres: [], domain: null });
  });
  it('fails when nothing survives', () => {
    expect(() => prepareDataset({ interactions: [{ user: 'a', item: 'x', timestamp: 1 }], items: new Map() }, { minInteractions: 2 })).toThrow(/no interactions left/);
  });
});
