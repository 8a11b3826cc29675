import { describe, expect, it } from 'vitest';
import { chronologicalOrder } from './chronological';
import { compareRawIds } from './rawIds';
import { remapIds } from './remap';

describe('compareRawIds', () => {
  it('orders numeric ids numerically, before other ids, and is total', () => {
    expect(['10', 'b', '2', 'a', '007', '7', '1'].sort(compareRawIds)).toEqual(['1', '2', '007', '7', '10', 'a', 'b']);
  });
});

describe('remapIds', () => {
  it('gives users 0-based and items 1-based indices sorted by raw id', () => {
    const m = remapIds([
      { user: 'u10', item: '30', timestamp: 0 },
      { user: 'u2', item: '4', timestamp: 0 },
    ]);
    expect(m.users).toEqual(['u10', 'u2']);
    expect(m.items).toEqual(['4', '30']);
    expect([...m.userIdx]).toEqual([0, 1]);
    expect([...m.itemIdx]).toEqual([2, 1]);
  });
});

describe('chronologicalOrder', () => {
  it('groups by user, sorts by time, and breaks ties by input order — not by item', () => {
    // user 0 rows: 0 (t=5), 2 (t=3), 3 (t=5), 5 (t=3); user 1 rows: 1 (t=1), 4 (t=1)
    const users = [0, 1, 0, 0, 1, 0];
    const ts = [5, 1, 3, 5, 1, 3];
    const { perm, ord } = chronologicalOrder(users, ts);
    expect([...perm]).toEqual([2, 5, 0, 3, 1, 4]);
    expect([...ord]).toEqual([0, 1, 2, 3, 0, 1]);
  });
});
